package dev.baton.benchmarks.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The echo benchmark over loopback: 100 connections each send 1,000 small lines and wait for
 * each echo, against Baton on Netty, plain Netty (the floor) and virtual threads with blocking
 * sockets, each with 1 and with 2 loops (carrier threads for the virtual threads). Each server
 * runs in a JVM of its own; the load generator ({@link EchoLoad}) runs in this one. Writes its
 * section of {@code BENCHMARKS.md}, between {@link #START} and {@link #END}, leaving the rest.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.baton.benchmarks.echo.EchoBench
 *      [--quick] [--out BENCHMARKS.md] [--vt-jdk /usr/lib/jvm/temurin-25-jdk-amd64]
 * </pre>
 */
public final class EchoBench {
    static final String START = "<!-- echo benchmark: start (written by EchoBench) -->";
    static final String END = "<!-- echo benchmark: end -->";
    private static final int CONNECTIONS = 100;

    private final boolean quick;
    private final String java17 = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    private final Path vtJava;
    private final String classpath = System.getProperty("java.class.path");

    private EchoBench(boolean quick, Path vtJdk) {
        this.quick = quick;
        Path candidate = vtJdk.resolve("bin").resolve("java");
        this.vtJava = Files.isExecutable(candidate) ? candidate : null;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path out = Paths.get("BENCHMARKS.md");
        Path vtJdk = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    quick = true;
                    break;
                case "--out":
                    out = Paths.get(args[++i]);
                    break;
                case "--vt-jdk":
                    vtJdk = Paths.get(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: [--quick] [--out FILE] [--vt-jdk DIR]");
            }
        }
        String section = new EchoBench(quick, vtJdk).run();
        System.out.println(section);
        String old = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        Files.writeString(out, replaceSection(old, section), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** {@code document} with its echo section replaced by {@code section} (appended if it has none). */
    static String replaceSection(String document, String section) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start < 0 || end < start) {
            return document + (document.isEmpty() || document.endsWith("\n\n") ? "" : "\n") + section;
        }
        return document.substring(0, start) + section.strip() + document.substring(end + END.length());
    }

    /** The section of {@code document} between the markers, with them; empty if it has none. */
    public static String section(String document) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        return start < 0 || end < start ? "" : document.substring(start, end + END.length()) + "\n";
    }

    /** A measurement: median round trips per second, and the server's CPU time per round trip. */
    private static final class Result {
        final double roundTripsPerSecond;
        final double serverCpuMicrosPerRoundTrip;

        Result(double roundTripsPerSecond, double serverCpuMicrosPerRoundTrip) {
            this.roundTripsPerSecond = roundTripsPerSecond;
            this.serverCpuMicrosPerRoundTrip = serverCpuMicrosPerRoundTrip;
        }
    }

    private static final List<String> SYSTEMS = List.of("Baton on Netty", "plain Netty", "virtual threads");

    /**
     * Starts every server at once (idle, each in its JVM), warms each, then measures them in
     * turn, one run each per round: a change of the machine's load (its neighbours' builds)
     * then falls on every row alike instead of on whichever row was being measured.
     */
    private String run() throws Exception {
        int messages = quick ? 50 : 1000;
        int warmups = quick ? 1 : 3;
        int reps = quick ? 1 : 5;
        List<ServerProcess> servers = new ArrayList<>();
        try (EchoLoad load = new EchoLoad()) {
            for (String system : SYSTEMS) {
                for (int loops = 1; loops <= 2; loops++) {
                    List<String> command = command(system, loops);
                    if (command != null) {
                        servers.add(new ServerProcess(system, loops, command, reps));
                    }
                }
            }
            for (ServerProcess server : servers) {
                for (int i = 0; i < warmups; i++) {
                    load.run(server.port, CONNECTIONS, messages);
                }
            }
            for (int i = 0; i < reps; i++) {
                for (ServerProcess server : servers) {
                    server.measureOnce(load, i, messages);
                }
            }
            for (ServerProcess server : servers) {
                server.stop();
            }
        } finally {
            for (ServerProcess server : servers) {
                server.process.destroyForcibly();
            }
        }
        Map<String, Result[]> results = new LinkedHashMap<>();
        for (String system : SYSTEMS) {
            results.put(system, new Result[2]);
        }
        for (ServerProcess server : servers) {
            results.get(server.system)[server.loops - 1] = server.result();
        }
        return markdown(results, messages, warmups, reps);
    }

    private List<String> command(String system, int loops) {
        switch (system) {
            case "Baton on Netty":
                return List.of(java17, "-Xms1g", "-Xmx1g", "-cp", classpath, EchoServer.class.getName(), "baton", "" + loops);
            case "plain Netty":
                return List.of(java17, "-Xms1g", "-Xmx1g", "-cp", classpath, EchoServer.class.getName(), "netty", "" + loops);
            default:
                if (vtJava == null) {
                    return null;
                }
                return List.of(vtJava.toString(), "-Xms1g", "-Xmx1g",
                        "-Djdk.virtualThreadScheduler.parallelism=" + loops,
                        "-Djdk.virtualThreadScheduler.maxPoolSize=" + loops,
                        "-cp", classpath, "dev.baton.benchmarks.vthreads.VirtualThreadEchoServer");
        }
    }

    /** A server in its own JVM, driven through its standard streams (see {@link EchoServer}). */
    private static final class ServerProcess {
        final String system;
        final int loops;
        final List<String> command;
        final Process process;
        final PrintWriter in;
        final BufferedReader out;
        final int port;
        final double[] rates;
        final double[] cpu;

        ServerProcess(String system, int loops, List<String> command, int reps) throws IOException {
            this.system = system;
            this.loops = loops;
            this.command = command;
            this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String announced = out.readLine();
            if (announced == null || !announced.startsWith("port ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the server said " + announced + ": " + command);
            }
            this.port = Integer.parseInt(announced.substring(5));
            this.rates = new double[reps];
            this.cpu = new double[reps];
        }

        void measureOnce(EchoLoad load, int rep, int messages) throws IOException, InterruptedException {
            long cpuBefore = cpu(in, out);
            long nanos = load.run(port, CONNECTIONS, messages);
            long cpuAfter = cpu(in, out);
            double roundTrips = (double) CONNECTIONS * messages;
            rates[rep] = roundTrips / (nanos / 1e9);
            cpu[rep] = (cpuAfter - cpuBefore) / 1e3 / roundTrips;
        }

        void stop() throws IOException, InterruptedException {
            in.close(); // the end of its input stops the server
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server did not stop: " + command);
            }
            out.close();
        }

        Result result() {
            return new Result(median(rates), median(cpu));
        }
    }

    private static long cpu(PrintWriter in, BufferedReader out) throws IOException {
        in.println("cpu");
        String answer = out.readLine();
        if (answer == null || !answer.startsWith("cpu ")) {
            throw new IllegalStateException("the server answered " + answer);
        }
        return Long.parseLong(answer.substring(4));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private String markdown(Map<String, Result[]> results, int messages, int warmups, int reps) {
        StringBuilder md = new StringBuilder();
        md.append(START).append("\n\n## Echo over loopback: Baton on Netty\n\n");
        md.append(String.format(Locale.ROOT, "%d connections, each sending %,d lines of about 25 bytes and"
                + " awaiting each echo before the next (`benchmarks/run-echo`, `EchoBench`). Medians of %d runs"
                + " after %d warm-up runs, each server in a JVM of its own (heap 1 GiB); the servers run"
                + " side by side and are measured in turn, one run each per round, so that a change in"
                + " the machine's load falls on every row alike.%s%n%n",
                CONNECTIONS, messages, reps, warmups, quick ? " **With --quick: not a measurement.**" : ""));
        md.append("| server | round trips/s, 1 loop | round trips/s, 2 loops | 2 loops ÷ 1 | server CPU per round trip, 1 loop | 2 loops |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Result[]> row : results.entrySet()) {
            Result one = row.getValue()[0];
            Result two = row.getValue()[1];
            md.append("| ").append(row.getKey()).append(" | ").append(rate(one)).append(" | ").append(rate(two))
                    .append(" | ").append(one == null || two == null ? "—"
                            : String.format(Locale.ROOT, "×%.2f", two.roundTripsPerSecond / one.roundTripsPerSecond))
                    .append(" | ").append(cpu(one)).append(" | ").append(cpu(two)).append(" |\n");
        }
        Result[] baton = results.get("Baton on Netty");
        Result[] netty = results.get("plain Netty");
        Result[] vthreads = results.get("virtual threads");
        md.append("\nTargets (ratios of this run):\n\n");
        for (int i = 0; i < 2; i++) {
            String loops = (i + 1) + (i == 0 ? " loop" : " loops");
            md.append(target("Baton ÷ plain Netty, " + loops, baton[i], netty[i], 0.8));
            md.append(target("Baton ÷ virtual threads, " + loops, baton[i], vthreads == null ? null : vthreads[i], 1.5));
        }
        if (baton[0] != null && baton[1] != null) {
            double scale = baton[1].roundTripsPerSecond / baton[0].roundTripsPerSecond;
            md.append(String.format(Locale.ROOT, "- Baton, 2 loops ÷ 1 loop: ×%.2f (target ≥ ×1.6) %s%n",
                    scale, scale >= 1.6 ? "met" : "**missed**"));
        }
        md.append("\nThe load generator shares the machine's 2 cores with the server: it is the same for every"
                + " server, plain Netty on a single NIO thread (the cheapest client there is), in the"
                + " benchmark's own JVM, so it takes at most one core and the same share of it in every"
                + " row. With 2 loops the server and the client contend for the cores, so the 2-loop round"
                + " trips per second are bounded by the client's thread, not by the server: the server's"
                + " CPU per round trip (its process's CPU time over the measured runs, from"
                + " `OperatingSystemMXBean`, divided by the round trips) does not depend on that contention"
                + " and is the figure to compare for the cost of each server. kotlinx.coroutines on Netty"
                + " is not measured (no such integration ships with kotlinx).\n\n");
        md.append(END).append("\n");
        return md.toString();
    }

    private static String target(String what, Result baton, Result peer, double target) {
        if (baton == null || peer == null) {
            return "- " + what + ": not measured\n";
        }
        double ratio = baton.roundTripsPerSecond / peer.roundTripsPerSecond;
        double cpuRatio = peer.serverCpuMicrosPerRoundTrip / baton.serverCpuMicrosPerRoundTrip;
        return String.format(Locale.ROOT, "- %s: ×%.2f in round trips/s (target ≥ ×%.1f) %s; ×%.2f in server CPU per round trip%n",
                what, ratio, target, ratio >= target ? "met" : "**missed**", cpuRatio);
    }

    private static String rate(Result result) {
        return result == null ? "—" : String.format(Locale.ROOT, "%,.0f", result.roundTripsPerSecond);
    }

    private static String cpu(Result result) {
        return result == null ? "—" : String.format(Locale.ROOT, "%.1f µs", result.serverCpuMicrosPerRoundTrip);
    }
}
