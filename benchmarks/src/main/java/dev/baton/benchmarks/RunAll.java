package dev.baton.benchmarks;

import dev.baton.benchmarks.Report.FastPath;
import dev.baton.benchmarks.Report.Row;
import dev.baton.benchmarks.baton.FastPathRunner;
import dev.baton.benchmarks.echo.EchoBench;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and writes {@code BENCHMARKS.md}: the JMH scenarios on JDK 17 (Baton,
 * kotlinx.coroutines, platform threads, the floor) and on the virtual threads' JDK (virtual
 * threads, and Baton again as their reference), the fan-out and memory scenarios in a fresh JVM
 * per system ({@link Phases}), Baton's fast paths with {@code -prof gc}, and the asyncio script.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick] [--out BENCHMARKS.md]
 *      [--only handoff,lock,pingpong,yields,spawn,fanout,memory,fastpaths,asyncio]
 *      [--vt-jdk /usr/lib/jvm/temurin-25-jdk-amd64] [--python python3]
 * </pre>
 *
 * {@code --quick} runs far fewer iterations (a check that everything runs, not a measurement).
 * JMH's own output goes to {@code benchmarks/target/bench-logs/}.
 */
public final class RunAll {
    private static final List<String> GROUPS = List.of("handoff", "lock", "pingpong", "yields",
            "spawn", "fanout", "memory", "fastpaths", "asyncio");

    private final boolean quick;
    private final Path out;
    private final Set<String> only;
    private final Path vtJava;
    private final String python;
    private final Path logs;
    private final String java17;
    private final Report report = new Report();

    private RunAll(boolean quick, Path out, Set<String> only, Path vtJdk, String python, Path logs) {
        this.quick = quick;
        this.out = out;
        this.only = only;
        Path candidate = vtJdk.resolve("bin").resolve("java");
        this.vtJava = Files.isExecutable(candidate) ? candidate : null;
        this.python = python;
        this.logs = logs;
        this.java17 = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The sections of the existing report that this run does not write (benchmarks run on their
     * own, such as MethodSizeBenchmark and benchmarks/compile-time): kept, after the new report.
     */
    static String keptSections(Path file, String fresh) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        String[] sections = Files.readString(file, StandardCharsets.UTF_8).split("(?m)^(?=## )");
        for (int i = 1; i < sections.length; i++) {
            String heading = sections[i].substring(0, sections[i].indexOf('\n') + 1);
            if (!fresh.contains(heading)) {
                // the echo section's markers belong to the echo section, written above
                kept.append('\n').append(sections[i].replaceAll("(?m)^<!-- echo benchmark.*\n?", "").strip())
                        .append('\n');
            }
        }
        return kept.toString();
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path out = Paths.get("BENCHMARKS.md");
        Set<String> only = new LinkedHashSet<>(GROUPS);
        Path vtJdk = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64");
        String python = "python3";
        Path logs = Paths.get("benchmarks", "target", "bench-logs");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    quick = true;
                    break;
                case "--out":
                    out = Paths.get(args[++i]);
                    break;
                case "--only":
                    only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                    for (String group : only) {
                        if (!GROUPS.contains(group)) {
                            throw new IllegalArgumentException("unknown group " + group + "; known: " + GROUPS);
                        }
                    }
                    break;
                case "--vt-jdk":
                    vtJdk = Paths.get(args[++i]);
                    break;
                case "--python":
                    python = args[++i];
                    break;
                case "--logs":
                    logs = Paths.get(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: [--quick] [--out FILE] [--only " + String.join(",", GROUPS)
                            + "] [--vt-jdk DIR] [--python CMD] [--logs DIR]");
            }
        }
        if (Runtime.version().feature() != 17) {
            System.err.println("warning: the baseline should run on JDK 17; this is " + Runtime.version());
        }
        Files.createDirectories(logs);
        new RunAll(quick, out, only, vtJdk, python, logs).run();
    }

    private void run() throws Exception {
        long start = System.nanoTime();
        environment();
        if (vtJava == null) {
            report.note("Virtual threads not measured: no JDK 21+ at the --vt-jdk path.");
        }
        jmh("handoff", HandoffBenchmark.class, Row.HANDOFF_1,
                List.of(Systems.BATON, Systems.KOTLINX, Systems.THREADS, Systems.FLOOR),
                List.of(Systems.BATON, Systems.VTHREADS));
        jmh("lock", LockBenchmark.class, Row.LOCK,
                List.of(Systems.BATON, Systems.KOTLINX, Systems.THREADS, Systems.THREADS_FAIR),
                List.of(Systems.BATON, Systems.VTHREADS, Systems.VTHREADS_FAIR));
        jmh("pingpong", PingPongBenchmark.class, Row.PINGPONG,
                List.of(Systems.BATON, Systems.KOTLINX, Systems.THREADS),
                List.of(Systems.BATON, Systems.VTHREADS));
        jmh("yields", YieldBenchmark.class, Row.YIELDS,
                List.of(Systems.BATON, Systems.KOTLINX, Systems.THREADS),
                List.of(Systems.BATON, Systems.VTHREADS));
        jmh("spawn", SpawnBenchmark.class, Row.SPAWN,
                List.of(Systems.BATON, Systems.KOTLINX, Systems.THREADS),
                List.of(Systems.BATON, Systems.VTHREADS));
        if (only.contains("fanout")) {
            for (String system : List.of(Systems.BATON, Systems.KOTLINX, Systems.THREADS)) {
                fanOut(system, java17, system);
            }
            if (vtJava != null) {
                fanOut(Systems.BATON, vtJava.toString(), Report.BATON_25);
                fanOut(Systems.VTHREADS, vtJava.toString(), Systems.VTHREADS);
            }
        }
        if (only.contains("memory")) {
            for (String system : List.of(Systems.BATON, Systems.KOTLINX, Systems.THREADS)) {
                memory(system, java17, system);
            }
            if (vtJava != null) {
                memory(Systems.VTHREADS, vtJava.toString(), Systems.VTHREADS);
            }
        }
        if (only.contains("fastpaths")) {
            fastPaths();
        }
        if (only.contains("asyncio")) {
            asyncio();
        }
        report.method(method());
        report.note(String.format(Locale.ROOT, "This run took %.1f minutes%s.",
                (System.nanoTime() - start) / 60e9, quick ? " with --quick (not a measurement)" : ""));
        String markdown = report.markdown();
        // the echo benchmark's section has its own command (benchmarks/run-echo): kept as it was
        String echo = Files.exists(out) ? EchoBench.section(Files.readString(out, StandardCharsets.UTF_8)) : "";
        if (!echo.isEmpty()) {
            markdown = markdown + (markdown.endsWith("\n") ? "\n" : "\n\n") + echo;
        }
        markdown = markdown + keptSections(out, markdown);
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private String method() {
        return "JMH " + version("jmh") + ", one fork per benchmark, "
                + warmups() + " warm-up and " + iterations() + " measured iterations of "
                + iterationMillis() + " ms; heap fixed at 2 GiB. Sizes: the issue's (100 tasks ×"
                + " 2,000 lock acquisitions; 100,000 event waiters; 1,000,000 yields and spawns;"
                + " 100,000 blocked tasks), except platform threads: 1,000 waiters, 10,000 spawns,"
                + " 1,000 blocked threads; handoffs pass 1,000,000 items (threads 100,000, asyncio"
                + " 200,000), ping-pongs 200,000 round trips (virtual threads 50,000, platform"
                + " threads and asyncio 20,000). The event fan-out and the memory scenario run"
                + " outside JMH, in a fresh JVM per system (`Phases`): "
                + phaseWarmups() + " warm-up and " + phaseReps() + " measured repetitions of the"
                + " fan-out; memory is the heap used after GC (serial collector) with the tasks"
                + " blocked, minus before, per task (" + Math.max(1, phaseReps() - 2) + " repetitions"
                + " after one at a tenth of the size); for platform threads it leaves out their"
                + " native stacks. The lock's critical section is inline in every system (Baton:"
                + " `await(lock.acquire())` and try/finally; asyncio: `async with`; kotlinx:"
                + " `withLock`). asyncio's"
                + " figures are medians of " + pythonReps() + " repetitions of the same scenarios"
                + " (`benchmarks/src/main/python/asyncio_bench.py`; memory by `tracemalloc`)."
                + " kotlinx.coroutines runs in `runBlocking` (one thread); it has no condition"
                + " variable, so its ping-pong uses its idiom, a pair of channels, and its event is a"
                + " `CompletableDeferred`. Threads' `sleep(0)` is `Thread.yield()`.";
    }

    private int warmups() {
        return quick ? 1 : 2;
    }

    private int iterations() {
        return quick ? 2 : 5;
    }

    private int iterationMillis() {
        return quick ? 300 : 1000;
    }

    private int phaseWarmups() {
        // the fan-out of every system is still getting faster after 3 repetitions
        return quick ? 1 : 10;
    }

    private int phaseReps() {
        return quick ? 1 : 5;
    }

    private int pythonReps() {
        return quick ? 1 : 3;
    }

    // ---- JMH ----

    private void jmh(String group, Class<?> benchmark, Row row, List<String> on17, List<String> on25)
            throws RunnerException {
        if (!only.contains(group)) {
            return;
        }
        collect(runJmh(group, benchmark, on17, java17), row, "");
        if (vtJava != null) {
            collect(runJmh(group + "-jdk25", benchmark, on25, vtJava.toString()), row, "@25");
        }
    }

    private Collection<RunResult> runJmh(String name, Class<?> benchmark, List<String> systems,
            String jvm) throws RunnerException {
        System.out.println("== " + name + ": " + benchmark.getSimpleName() + " on " + jvm
                + (systems.isEmpty() ? "" : " for " + systems));
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.run$")
                .jvm(jvm)
                .forks(1)
                .warmupIterations(warmups())
                .warmupTime(TimeValue.milliseconds(iterationMillis()))
                .measurementIterations(iterations())
                .measurementTime(TimeValue.milliseconds(iterationMillis()))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .output(logs.resolve(name + ".log").toString());
        if (!systems.isEmpty()) {
            options.param("system", systems.toArray(new String[0]));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult result : results) {
            System.out.println("   " + result.getParams().getBenchmark().replaceAll(".*\\.(\\w+)\\.run$", "$1")
                    + " " + describe(result) + String.format(Locale.ROOT, ": %.4g %s",
                    result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit()));
        }
        return results;
    }

    private static String describe(RunResult result) {
        StringBuilder s = new StringBuilder();
        for (String key : result.getParams().getParamsKeys()) {
            s.append(key).append('=').append(result.getParams().getParam(key)).append(' ');
        }
        return s.toString().trim();
    }

    /** Turns milliseconds per invocation into a rate per item, and records the allocation. */
    private void collect(Collection<RunResult> results, Row defaultRow, String suffix) {
        for (RunResult result : results) {
            String system = result.getParams().getParam("system");
            Row row = defaultRow;
            int items;
            String capacity = result.getParams().getParam("capacity");
            String yieldInside = result.getParams().getParam("yieldInside");
            switch (defaultRow) {
                case HANDOFF_1:
                    row = Row.of("handoff-" + capacity);
                    items = Sizes.handoffItems(system);
                    break;
                case LOCK:
                    row = Boolean.parseBoolean(yieldInside) ? Row.LOCK_YIELD : Row.LOCK;
                    items = Sizes.LOCK_TASKS * Sizes.LOCK_ACQUISITIONS;
                    break;
                case PINGPONG:
                    items = Sizes.pingPongRounds(system);
                    break;
                case YIELDS:
                    items = Sizes.YIELDS;
                    break;
                default:
                    items = Sizes.spawns(system);
                    break;
            }
            List<Double> millis = new ArrayList<>();
            for (IterationResult iteration : iterations(result)) {
                millis.add(iteration.getPrimaryResult().getScore());
            }
            double[] rates = millis.stream().mapToDouble(ms -> items / (ms / 1000)).toArray();
            String column = suffix.isEmpty() ? system : system.equals(Systems.BATON) ? Report.BATON_25 : system;
            report.put(row, column, rates);
            Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
            if (norm != null) {
                report.putAllocation(row, column, norm.getScore() / items);
            }
        }
    }

    private static List<IterationResult> iterations(RunResult result) {
        List<IterationResult> all = new ArrayList<>();
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            all.addAll(benchmark.getIterationResults());
        }
        return all;
    }

    private void fastPaths() throws RunnerException {
        Collection<RunResult> results = runJmh("fastpaths", FastPathBenchmark.class, List.of(), java17);
        Map<String, FastPath> byPath = new LinkedHashMap<>();
        for (RunResult result : results) {
            Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
            byPath.put(result.getParams().getParam("path"), new FastPath(
                    result.getPrimaryResult().getScore(), norm == null ? Double.NaN : norm.getScore()));
        }
        for (String path : FastPathRunner.PATHS) {
            if (byPath.containsKey(path)) {
                report.putFastPath(path, byPath.get(path));
            }
        }
    }

    // ---- phases in their own JVMs ----

    private void fanOut(String system, String jvm, String column) throws IOException, InterruptedException {
        int waiters = Sizes.fanOutWaiters(system);
        Map<String, double[]> results = phase(jvm, List.of(), "fanout", system, String.valueOf(waiters),
                String.valueOf(phaseWarmups()), String.valueOf(phaseReps()));
        report.put(Row.FANOUT_CREATE, column, results.get("fanout-create"));
        report.put(Row.FANOUT_WAKE, column, results.get("fanout-wake"));
    }

    private void memory(String system, String jvm, String column) throws IOException, InterruptedException {
        for (String kind : List.of("lock", "event", "queue")) {
            Map<String, double[]> results = phase(jvm, List.of("-XX:+UseSerialGC"), "memory", system, kind,
                    String.valueOf(Sizes.blocked(system)), String.valueOf(Math.max(1, phaseReps() - 2)));
            report.put(Row.of("memory-" + kind), column, results.get("memory-" + kind));
        }
    }

    private Map<String, double[]> phase(String jvm, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jvm, "-Xms2g", "-Xmx2g"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Phases.class.getName()));
        command.addAll(Arrays.asList(args));
        System.out.println("== " + String.join(" ", args) + " on " + jvm);
        return results(command, Map.of(), 30);
    }

    /** Runs a command, echoing its output, and parses its {@code RESULT key values...} lines. */
    private Map<String, double[]> results(List<String> command, Map<String, String> env, int timeoutMinutes)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        Map<String, double[]> results = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("   " + line);
                String[] words = line.trim().split("\\s+");
                if (words.length >= 3 && words[0].equals("RESULT")) {
                    double[] values = new double[words.length - 2];
                    for (int i = 2; i < words.length; i++) {
                        values[i - 2] = Double.parseDouble(words[i]);
                    }
                    results.put(words[1], values);
                } else if (words.length == 2 && words[0].equals("python")) {
                    report.environment("Python", words[1] + " (asyncio)");
                }
            }
        }
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + command);
        }
        return results;
    }

    // ---- asyncio ----

    private void asyncio() throws IOException, InterruptedException {
        Path script = Files.createTempFile("asyncio_bench", ".py");
        try (InputStream in = RunAll.class.getResourceAsStream("asyncio_bench.py")) {
            if (in == null) {
                throw new IllegalStateException("asyncio_bench.py missing from the class path");
            }
            Files.write(script, in.readAllBytes());
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (System.getenv("PYENV_VERSION") == null) {
            env.put("PYENV_VERSION", "3.13.0");
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString(),
                "--reps", String.valueOf(pythonReps()),
                "--sizes", "handoff=" + Sizes.handoffItems(Systems.ASYNCIO)
                        + ",pingpong=" + Sizes.pingPongRounds(Systems.ASYNCIO)
                        + ",yields=" + Sizes.YIELDS + ",spawn=" + Sizes.spawns(Systems.ASYNCIO)
                        + ",fanout=" + Sizes.fanOutWaiters(Systems.ASYNCIO)
                        + ",memory=" + Sizes.blocked(Systems.ASYNCIO)
                        + ",lock-tasks=" + Sizes.LOCK_TASKS + ",lock-acquisitions=" + Sizes.LOCK_ACQUISITIONS));
        System.out.println("== asyncio: " + String.join(" ", command));
        try {
            Map<String, double[]> results = results(command, env, 30);
            for (Map.Entry<String, double[]> e : results.entrySet()) {
                report.put(Row.of(e.getKey()), Systems.ASYNCIO, e.getValue());
            }
        } catch (IOException e) {
            report.note("asyncio not measured: cannot run '" + python + "' (" + e.getMessage() + ").");
        } catch (IllegalStateException e) {
            report.note("asyncio not measured: " + e.getMessage());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    // ---- the machine ----

    private void environment() throws IOException, InterruptedException {
        report.environment("Date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        report.environment("CPU", cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        report.environment("Memory", memory());
        report.environment("OS", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")");
        report.environment("JDK 17", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        if (vtJava != null) {
            report.environment("JDK for virtual threads", firstLineOf(List.of(vtJava.toString(), "-version")));
        }
        report.environment("Baton", version("baton") + "; kotlinx.coroutines " + version("kotlinx.coroutines")
                + " (Kotlin " + version("kotlin") + "); JMH " + version("jmh"));
    }

    private static String version(String what) {
        Properties versions = new Properties();
        try (InputStream in = RunAll.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            return "?";
        }
        return versions.getProperty(what, "?");
    }

    private static String cpu() throws IOException {
        Path info = Paths.get("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        return System.getProperty("os.arch");
    }

    private static String memory() throws IOException {
        Path info = Paths.get("/proc/meminfo");
        if (Files.isReadable(info)) {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("MemTotal")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        }
        return "?";
    }

    private static String firstLineOf(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        String[] lines = output.split("\n");
        return lines.length > 1 ? lines[1].trim() : output.trim();
    }
}
