package dev.baton.runtime;

import java.lang.management.ManagementFactory;

/** Measures the heap a piece of code allocates on the current thread (HotSpot's counter). */
final class Allocations {
    private Allocations() {}

    /** Bytes allocated by {@code body} on this thread, after {@code body} ran once to warm up. */
    static long allocatedBy(Runnable body) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        body.run();
        long before = threads.getThreadAllocatedBytes(id);
        body.run();
        long after = threads.getThreadAllocatedBytes(id);
        // the second reading itself allocates nothing, but leave a little slack for the MXBean
        return after - before;
    }

    /** A machine to pass to {@code awaitFrom} on a fast path, which never touches it. */
    static final Machines.Frame<Object> NO_MACHINE = new Machines.Frame<>((f, v, x) -> null);
}
