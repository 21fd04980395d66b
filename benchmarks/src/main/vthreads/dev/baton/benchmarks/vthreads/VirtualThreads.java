package dev.baton.benchmarks.vthreads;

import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * The one piece of the benchmarks that needs JDK 21+: a factory of virtual threads, compiled
 * with {@code --release 21} by the JDK named in the pom's {@code baton.vt.jdk}. The runner
 * loads it by name only when it runs on such a JDK, so the rest stays on Java 17.
 */
public final class VirtualThreads implements Supplier<ThreadFactory> {

    @Override
    public ThreadFactory get() {
        return Thread.ofVirtual().name("vthread-", 0).factory();
    }
}
