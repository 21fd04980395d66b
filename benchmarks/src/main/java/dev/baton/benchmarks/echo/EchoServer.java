package dev.baton.benchmarks.echo;

import dev.baton.netty.LoopGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * An echo server in a JVM of its own, driven by {@link EchoBench} through its standard streams:
 * it prints {@code port <n>}, answers each {@code cpu} line with {@code cpu <nanoseconds>} (the
 * process's CPU time so far), and stops at the end of its input.
 *
 * <pre>java -cp benchmarks.jar dev.baton.benchmarks.echo.EchoServer baton|netty LOOPS</pre>
 */
public final class EchoServer {
    private EchoServer() {}

    /** Where a server announces its port. */
    interface PortSink {
        void accept(int port);
    }

    public static void main(String[] args) throws Exception {
        String system = args[0];
        int loops = Integer.parseInt(args[1]);
        PortSink announce = port -> {
            System.out.println("port " + port);
            System.out.flush();
        };
        AutoCloseable server;
        switch (system) {
            case "baton":
                server = baton(loops, announce);
                break;
            case "netty":
                server = NettyEcho.start(loops, announce);
                break;
            default:
                throw new IllegalArgumentException("unknown system " + system + "; known: baton, netty");
        }
        serveCommands();
        server.close();
    }

    static AutoCloseable baton(int loops, PortSink announce) {
        LoopGroup group = new LoopGroup(loops);
        BatonEcho echo = new Baton_BatonEcho();
        announce.accept(group.listen("127.0.0.1", 0, echo::serve).port());
        return group;
    }

    /** Answers {@code cpu} until the end of standard input. */
    public static void serveCommands() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = in.readLine()) != null) {
            if (command.equals("cpu")) {
                System.out.println("cpu " + processCpuNanos());
                System.out.flush();
            }
        }
    }

    /** The CPU time of this process, all threads, in nanoseconds. */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
