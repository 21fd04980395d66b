package dev.baton.benchmarks;

/**
 * The size of each scenario, per system. The sizes hold for every system except
 * where one invocation would take far too long or more threads than the machine can start:
 * platform threads get fewer waiters, spawns and blocked tasks; the handoff and ping-pong,
 * whose length the issue leaves open, get fewer items where each costs a thread switch.
 * Rates (per second) and per-item figures make the sizes comparable.
 */
public final class Sizes {
    public static final int LOCK_TASKS = 100;
    public static final int LOCK_ACQUISITIONS = 2_000;
    public static final int YIELDS = 1_000_000;
    /** Operations per invocation of the fast-path benchmarks. */
    public static final int FAST_PATH_OPS = 1_000_000;

    private Sizes() {}

    private static boolean threads(String system) {
        return system.startsWith(Systems.THREADS) || system.startsWith(Systems.VTHREADS);
    }

    private static boolean platform(String system) {
        return system.startsWith(Systems.THREADS);
    }

    /** Items passed in one handoff. */
    public static int handoffItems(String system) {
        if (system.equals(Systems.ASYNCIO)) {
            return 200_000;
        }
        return threads(system) ? 100_000 : 1_000_000;
    }

    /** Round trips in one ping-pong. */
    public static int pingPongRounds(String system) {
        if (system.equals(Systems.ASYNCIO) || platform(system)) {
            return 20_000;
        }
        return threads(system) ? 50_000 : 200_000;
    }

    /** Tasks in one spawn-and-complete. */
    public static int spawns(String system) {
        return platform(system) ? 10_000 : 1_000_000;
    }

    /** Waiters woken by one event. */
    public static int fanOutWaiters(String system) {
        return platform(system) ? 1_000 : 100_000;
    }

    /** Tasks blocked at once in the memory scenario. */
    public static int blocked(String system) {
        return platform(system) ? 1_000 : 100_000;
    }
}
