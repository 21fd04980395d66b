package dev.baton.runtime.internal;

import dev.baton.runtime.EventLoop;

/**
 * Lets the test kit ({@code dev.baton:baton-test}) drive a virtual-clock loop step by step
 * and perturb its schedule, without making either public API (the "shared secrets" pattern
 * of the JDK, as {@link TaskAccess}). {@link EventLoop} installs the bridge once.
 *
 * <p>Nothing here is used by a loop made with {@code new EventLoop()} or
 * {@link EventLoop#virtual()}: they pay nothing for it.
 */
public final class LoopDriver {

    /**
     * What a real system can do that a virtual loop does not: fire timers a little late, and
     * deliver a foreign future's outcome after a while. Both answers must be pure functions of
     * their argument, so that a run can be replayed.
     */
    public interface Perturbation {
        /**
         * How late, in {@code [0, jitter)} seconds, the loop's timer number {@code sequence}
         * (in scheduling order) counts when timers are ordered: timers whose deadlines lie
         * within the jitter of each other fire in an order this decides.
         */
        double timerLateness(long sequence);

        /** How long (virtual seconds) the outcome of the loop's foreign future number {@code n} takes to arrive. */
        double foreignDelay(long n);
    }

    /** The loop's side; implemented in {@code dev.baton.runtime}. */
    public interface Bridge {
        EventLoop newVirtualLoop(Perturbation perturbation);

        boolean hasReady(EventLoop loop);

        double nextDeadline(EventLoop loop);

        void setVirtualTime(EventLoop loop, double time);

        int foreignInFlight(EventLoop loop);

        boolean awaitThreadsafe(EventLoop loop, long nanos);

        long foreignNumber(EventLoop loop);

        double foreignDelay(EventLoop loop, long n);
    }

    private static volatile Bridge bridge;

    private LoopDriver() {}

    /** Called once, by {@link EventLoop}'s static initializer. */
    public static synchronized void install(Bridge b) {
        if (bridge != null) {
            throw new IllegalStateException("LoopDriver is installed already");
        }
        bridge = b;
    }

    private static Bridge bridge() {
        Bridge b = bridge;
        if (b == null) {
            try {
                // EventLoop's static initializer installs the bridge
                Class.forName(EventLoop.class.getName(), true, EventLoop.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            b = bridge;
        }
        return b;
    }

    /** A loop on the virtual clock whose clock moves only when told to; {@code perturbation} may be null. */
    public static EventLoop newVirtualLoop(Perturbation perturbation) {
        return bridge().newVirtualLoop(perturbation);
    }

    /** Whether a callback or task step is ready, or a thread-safe callback is waiting to join them. */
    public static boolean hasReady(EventLoop loop) {
        return bridge().hasReady(loop);
    }

    /**
     * The deadline of the timer that fires next (cancelled ones skipped), or positive infinity.
     * With a perturbation, the timer that fires next is not always the one due first.
     */
    public static double nextDeadline(EventLoop loop) {
        return bridge().nextDeadline(loop);
    }

    /** Moves a virtual clock forward to {@code time}; never backward. */
    public static void setVirtualTime(EventLoop loop, double time) {
        bridge().setVirtualTime(loop, time);
    }

    /** How many awaited foreign futures ({@code CompletionStage}s) have not reported to the loop yet. */
    public static int foreignInFlight(EventLoop loop) {
        return bridge().foreignInFlight(loop);
    }

    /**
     * Sleeps, on the thread that drives the loop (which must not be running), until a
     * thread-safe callback arrives or {@code nanos} pass; whether one arrived.
     */
    public static boolean awaitThreadsafe(EventLoop loop, long nanos) {
        return bridge().awaitThreadsafe(loop, nanos);
    }

    /** A foreign future is awaited, on the loop thread: its number on this loop, from 0. */
    public static long foreignNumber(EventLoop loop) {
        return bridge().foreignNumber(loop);
    }

    /**
     * The outcome of foreign future {@code n} reached the loop thread: the virtual delay to
     * deliver it after (0 but on a perturbed loop).
     */
    public static double foreignDelay(EventLoop loop, long n) {
        return bridge().foreignDelay(loop, n);
    }
}
