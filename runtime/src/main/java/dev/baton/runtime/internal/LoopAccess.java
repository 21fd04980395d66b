package dev.baton.runtime.internal;

import dev.baton.runtime.EventLoop;

/**
 * Lets the internal package tell a loop about work in flight outside it, without making that
 * public API (the pattern of {@link TaskAccess}). {@link EventLoop} installs the bridge once.
 */
public final class LoopAccess {

    /** What the internal package may tell a loop. */
    public interface Bridge {
        /**
         * A foreign future is awaited ({@code delta} 1) or has handed its outcome back
         * ({@code delta} -1): while one is in flight, an idle virtual-clock loop is not
         * deadlocked, as the future's thread will wake it.
         */
        void foreignInFlight(EventLoop loop, int delta);

        /** A coroutine was made while a loop in debug mode runs on this thread. */
        void coroutineCreated(StateMachine<?> coroutine);

        /** A coroutine made in debug mode was awaited or spawned. */
        void coroutineStarted(StateMachine<?> coroutine);
    }

    private static Bridge bridge;
    /**
     * Whether a loop was ever put in debug mode: until then making or starting a coroutine costs
     * one read of this field, and nothing else, for debug mode's never-awaited report.
     */
    static boolean debugHooks;

    private LoopAccess() {}

    /** Called once, by {@link EventLoop}'s static initializer. */
    public static synchronized void install(Bridge b) {
        if (bridge != null) {
            throw new IllegalStateException("LoopAccess is installed already");
        }
        bridge = b;
    }

    static void foreignInFlight(EventLoop loop, int delta) {
        bridge.foreignInFlight(loop, delta);
    }

    /** Turns on the hooks of {@link Bridge#coroutineCreated} and {@link Bridge#coroutineStarted}, for good. */
    public static void enableDebugHooks() {
        debugHooks = true;
    }

    static void coroutineCreated(StateMachine<?> coroutine) {
        bridge.coroutineCreated(coroutine);
    }

    static void coroutineStarted(StateMachine<?> coroutine) {
        bridge.coroutineStarted(coroutine);
    }
}
