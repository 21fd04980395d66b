package dev.baton.benchmarks.echo;

/** What the benchmarks' tests use of this package's internals. */
public final class EchoBenchAccess {
    public static final String START = EchoBench.START;
    public static final String END = EchoBench.END;

    private EchoBenchAccess() {}

    /** Starts an echo server in this JVM: {@code baton} or {@code netty}. */
    public static AutoCloseable start(String system, int loops, java.util.function.IntConsumer port) {
        EchoServer.PortSink sink = port::accept;
        return system.equals("baton") ? EchoServer.baton(loops, sink) : NettyEcho.start(loops, sink);
    }

    public static String replaceSection(String document, String section) {
        return EchoBench.replaceSection(document, section);
    }
}
