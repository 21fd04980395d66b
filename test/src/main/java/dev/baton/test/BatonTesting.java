package dev.baton.test;

import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs Baton coroutines in tests: on a virtual clock (a test that sleeps an hour takes
 * milliseconds), failing on what a test should never leave behind.
 *
 * <pre>{@code
 * @Test
 * void retriesThreeTimes() {
 *     assertEquals("ok", runTest(new Baton_Client().fetchWithRetry()));
 * }
 * }</pre>
 */
public final class BatonTesting {
    /** {@link #runTest(Coroutine)}'s timeout, in virtual seconds. */
    public static final double DEFAULT_TIMEOUT = 60;
    /** {@link #explore(int, long, Supplier)}'s jitter, in seconds, as {@link Explore#jitter()}'s. */
    public static final double DEFAULT_JITTER = 0.001;

    private BatonTesting() {}

    /**
     * {@link #runTest(double, Coroutine)} with a timeout of 60 virtual seconds.
     *
     * @param <T> the coroutine's result type
     * @param coroutine the test's body, run as a task
     * @return the coroutine's result
     */
    public static <T> T runTest(Coroutine<T> coroutine) {
        return runTest(DEFAULT_TIMEOUT, coroutine);
    }

    /**
     * Runs {@code coroutine} as a task on a fresh {@link TestLoop}, jumping the clock to the
     * next timer whenever nothing is ready, and returns its result or rethrows its exception
     * unchanged. Fails the test with an {@link AssertionError}:
     * <ul>
     *   <li>with a {@link dev.baton.runtime.DeadlockException} when nothing can ever happen
     *       again while the coroutine is not done, whose message is the task dump (every
     *       pending task, what it waits on, its await chain);
     *   <li>when the coroutine is not done after {@code timeoutSeconds} of virtual time,
     *       naming the timeout, with the task dump;
     *   <li>when tasks it spawned are still pending once it is done, with their dump;
     *   <li>when a task's exception was never retrieved, or the loop reported another error.
     * </ul>
     * Virtual time does not pass while a foreign future ({@code CompletionStage}) awaited by
     * a task is in flight: runTest waits for it in real time, at most {@code timeoutSeconds}
     * real seconds. Inside an {@link Explore} run, the loop takes the run's perturbation.
     *
     * @param <T> the coroutine's result type
     * @param timeoutSeconds how much virtual time the coroutine may take; more than 0
     * @param coroutine the test's body, run as a task
     * @return the coroutine's result
     */
    public static <T> T runTest(double timeoutSeconds, Coroutine<T> coroutine) {
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("timeoutSeconds must be > 0, got " + timeoutSeconds);
        }
        if (coroutine == null) {
            throw new NullPointerException("coroutine");
        }
        TestLoop test = new TestLoop();
        Task<T> main;
        try {
            main = test.spawn(coroutine);
        } catch (RuntimeException e) {
            test.close();
            throw e;
        }
        Throwable failure = drive(test, main, timeoutSeconds);
        Throwable thrown = null;
        T result = null;
        if (failure == null) {
            try {
                result = main.result();
            } catch (Throwable t) {
                thrown = t; // retrieved: the loop will not report it at close
            }
            List<Task<?>> left = test.loop().allTasks();
            if (!left.isEmpty()) {
                AssertionError leak = new AssertionError(left.size() + (left.size() == 1 ? " task" : " tasks")
                        + " still pending when the coroutine of runTest finished (await or cancel what you"
                        + " spawn):\n" + TaskDump.of(test.loop()));
                if (thrown == null) {
                    failure = leak;
                } else {
                    thrown.addSuppressed(leak);
                }
            }
        }
        try {
            test.close();
        } catch (AssertionError closing) {
            if (failure != null) {
                failure.addSuppressed(closing);
            } else if (thrown != null) {
                thrown.addSuppressed(closing);
            } else {
                failure = closing;
            }
        }
        if (failure != null) {
            throw BatonTesting.<RuntimeException>sneaky(failure);
        }
        if (thrown != null) {
            throw BatonTesting.<RuntimeException>sneaky(thrown);
        }
        return result;
    }

    /**
     * Runs {@code scenario} under {@link #runTest(Coroutine)} {@code runs} times, each run with
     * a seeded perturbation of the schedule: timers whose deadlines lie within 0.001 s of each
     * other fire in a random order, and awaited foreign futures deliver after a random virtual
     * delay. asyncio's rules inside one iteration are kept. The first run uses {@code seed}
     * itself, so {@code explore(1, s, scenario)} replays the run reported with seed {@code s}.
     * A failing run stops the exploration with an {@link AssertionError}:
     * {@code failed on run 37 of 100 (seed 0x...); replay with @Explore(seed = 0x...L)}, whose
     * cause is the run's failure.
     *
     * @param runs how many runs at most; at least 1
     * @param seed the first run's seed
     * @param scenario makes a fresh coroutine (and the state it works on) for each run
     */
    public static void explore(int runs, long seed, Supplier<Coroutine<?>> scenario) {
        explore(runs, seed, DEFAULT_JITTER, scenario);
    }

    /**
     * {@link #explore(int, long, Supplier)} with timers within {@code jitterSeconds} of each other reordered.
     *
     * @param runs how many runs at most; at least 1
     * @param seed the first run's seed
     * @param jitterSeconds how close two timers' deadlines must be for their order to change;
     *     also the bound of a foreign future's delay
     * @param scenario makes a fresh coroutine (and the state it works on) for each run
     */
    public static void explore(int runs, long seed, double jitterSeconds, Supplier<Coroutine<?>> scenario) {
        if (scenario == null) {
            throw new NullPointerException("scenario");
        }
        Exploration.explore(runs, seed, jitterSeconds, () -> runTest(scenario.get()));
    }

    // ---- driving runTest's loop ----

    /** Runs until main is done; the failure if it cannot be (timeout, deadlock), else null. */
    private static Throwable drive(TestLoop test, Task<?> main, double timeout) {
        double deadline = test.time() + timeout;
        long foreignWaitNanos = (long) Math.min(Long.MAX_VALUE, timeout * 1e9);
        while (true) {
            test.runCurrent();
            if (main.isDone()) {
                return null;
            }
            if (test.foreignInFlight()) {
                // virtual time stands still while real work happens: replays stay exact
                long start = System.nanoTime();
                if (foreignWaitNanos <= 0 || !test.awaitForeign(foreignWaitNanos)) {
                    return new AssertionError("runTest waited " + seconds(timeout) + " of real time for a foreign"
                            + " future (CompletionStage) that a task awaits; virtual time does not pass while"
                            + " one is in flight:\n" + TaskDump.of(test.loop()));
                }
                foreignWaitNanos -= System.nanoTime() - start;
                continue;
            }
            double next = test.nextDeadline();
            if (next <= deadline) {
                test.jumpTo(next);
            } else if (next < Double.POSITIVE_INFINITY) {
                test.jumpTo(deadline);
                return new AssertionError("runTest timed out: the coroutine was not done after " + seconds(timeout)
                                + " of virtual time\n" + TaskDump.of(test.loop()));
            } else {
                return TaskDump.deadlock(test.loop(), main);
            }
        }
    }

    private static String seconds(double s) {
        return (s == Math.rint(s) && Math.abs(s) < 1e15 ? Long.toString((long) s) : Double.toString(s)) + " s";
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
