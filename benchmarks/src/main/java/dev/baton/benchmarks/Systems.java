package dev.baton.benchmarks;

import dev.baton.benchmarks.baton.BatonContender;
import dev.baton.benchmarks.floor.Floor;
import dev.baton.benchmarks.kotlinx.KotlinxContender;
import dev.baton.benchmarks.threads.ThreadsContender;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/** The systems under test, by name, and what each is measured on. */
public final class Systems {
    public static final String BATON = "baton";
    public static final String KOTLINX = "kotlinx";
    public static final String ASYNCIO = "asyncio";
    public static final String THREADS = "threads";
    public static final String THREADS_FAIR = "threads-fair";
    public static final String VTHREADS = "vthreads";
    public static final String VTHREADS_FAIR = "vthreads-fair";
    public static final String FLOOR = "floor";

    /** Every JVM system, in the order of the report's columns. */
    public static final List<String> ALL =
            List.of(BATON, KOTLINX, THREADS, THREADS_FAIR, VTHREADS, VTHREADS_FAIR, FLOOR);

    /** The class compiled for release 21 (see the pom's vthreads profile). */
    private static final String VIRTUAL_THREADS = "dev.baton.benchmarks.vthreads.VirtualThreads";

    private Systems() {}

    /** A new contender for {@code name}. */
    public static Contender create(String name) {
        switch (name) {
            case BATON:
                return new BatonContender();
            case KOTLINX:
                return new KotlinxContender();
            case THREADS:
                return new ThreadsContender(name, Systems::platformThread, false);
            case THREADS_FAIR:
                return new ThreadsContender(name, Systems::platformThread, true);
            case VTHREADS:
                return new ThreadsContender(name, virtualThreads(), false);
            case VTHREADS_FAIR:
                return new ThreadsContender(name, virtualThreads(), true);
            case FLOOR:
                return new Floor();
            default:
                throw new IllegalArgumentException("no system '" + name + "'; known: " + ALL);
        }
    }

    /** Whether this is a virtual-thread system (run on the JDK 21+ JVM). */
    public static boolean isVirtual(String name) {
        return name.equals(VTHREADS) || name.equals(VTHREADS_FAIR);
    }

    /** Whether this JVM can run the virtual-thread peer: JDK 21+ and the class was built. */
    public static boolean virtualThreadsAvailable() {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        try {
            Class.forName(VIRTUAL_THREADS, false, Systems.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Thread platformThread(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        return thread;
    }

    @SuppressWarnings("unchecked")
    private static ThreadFactory virtualThreads() {
        if (!virtualThreadsAvailable()) {
            throw new IllegalStateException("virtual threads need JDK 21+ and the class "
                    + VIRTUAL_THREADS + " (built where the pom's baton.vt.jdk exists); this is JDK "
                    + Runtime.version());
        }
        try {
            return ((Supplier<ThreadFactory>) Class.forName(VIRTUAL_THREADS)
                    .getDeclaredConstructor().newInstance()).get();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + VIRTUAL_THREADS, e);
        }
    }
}
