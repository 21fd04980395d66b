package dev.baton.test;

import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.ExceptionContext;
import dev.baton.runtime.Task;
import dev.baton.runtime.internal.LoopDriver;
import java.util.ArrayList;
import java.util.List;

/**
 * An event loop on a virtual clock, driven step by step from ordinary JUnit code: time
 * passes only when the test says so.
 *
 * <pre>{@code
 * try (TestLoop loop = new TestLoop()) {
 *     Task<String> task = loop.spawn(new Baton_Greeter().greetAfter(2.0));
 *     loop.advanceBy(1.999);
 *     assertFalse(task.isDone());
 *     loop.advanceBy(0.001);
 *     assertEquals("hello", task.result());
 * }
 * }</pre>
 *
 * <p>Each step is one iteration of the loop, with asyncio's rules (a FIFO ready queue,
 * timers due join it in deadline order). Errors the loop reports (a task exception nobody
 * retrieved, an exception in a callback) are collected, and {@link #close()} fails with them.
 * The loop does not wait for foreign futures ({@code CompletionStage}s) awaited by its tasks:
 * what they sent the loop thread runs at the next step, so a test completes them and then
 * calls {@link #runCurrent()}. Not thread-safe: use it from the test's thread.
 */
public final class TestLoop implements AutoCloseable {
    private final EventLoop loop;
    private final List<ExceptionContext> errors = new ArrayList<>();
    private boolean closed;

    /**
     * A new loop at time 0. Inside an {@link Explore} run, the loop takes that run's
     * perturbation of the schedule.
     */
    public TestLoop() {
        this(Exploration.forNewLoop());
    }

    private TestLoop(LoopDriver.Perturbation perturbation) {
        loop = LoopDriver.newVirtualLoop(perturbation);
        loop.setExceptionHandler((l, context) -> errors.add(context));
    }

    /**
     * The loop itself, for what the kit does not wrap ({@code callLater}, {@code createPromise},
     * {@code setExceptionHandler}, which replaces the kit's collecting handler).
     *
     * @return the virtual-clock loop this test loop drives
     */
    public EventLoop loop() {
        return loop;
    }

    /**
     * Schedules the coroutine as a task ({@code loop.create_task}); it starts at the next step.
     *
     * @param <T> the coroutine's result type
     * @param coroutine what the task runs
     * @return the task
     */
    public <T> Task<T> spawn(Coroutine<T> coroutine) {
        checkOpen();
        return loop.createTask(coroutine);
    }

    /** Runs what is ready now, and what that makes ready, until nothing is; no time passes. */
    public void runCurrent() {
        checkOpen();
        while (LoopDriver.hasReady(loop) || LoopDriver.nextDeadline(loop) <= loop.time()) {
            step();
        }
    }

    /**
     * Runs everything due within {@code seconds} from now, in order (a timer due at exactly
     * the end included), moving the clock from timer to timer, and ends with {@link #time()}
     * exactly {@code seconds} later.
     *
     * @param seconds how far to move the clock; finite and at least 0
     */
    public void advanceBy(double seconds) {
        checkOpen();
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("advanceBy takes a finite number of seconds >= 0, got " + seconds);
        }
        double end = loop.time() + seconds;
        runUntil(end);
        LoopDriver.setVirtualTime(loop, end);
    }

    /** Runs until nothing is ready and no timer is scheduled, moving the clock from timer to timer. */
    public void advanceUntilIdle() {
        checkOpen();
        runUntil(Double.POSITIVE_INFINITY);
    }

    /**
     * The virtual time.
     *
     * @return the loop's time in seconds: 0 when the loop is made
     */
    public double time() {
        return loop.time();
    }

    /**
     * Cancels the tasks left and lets them finish (at most a minute of virtual time), closes
     * the loop, and fails with an {@link AssertionError} if the loop reported an error: a
     * task's exception nobody retrieved, an exception in a callback, a task that ignored its
     * cancellation.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        List<Task<?>> left = loop.allTasks();
        for (Task<?> task : left) {
            task.cancel();
        }
        double giveUp = loop.time() + 60;
        runCurrent();
        while (!allDone(left) && LoopDriver.nextDeadline(loop) <= giveUp) {
            LoopDriver.setVirtualTime(loop, LoopDriver.nextDeadline(loop));
            runCurrent();
        }
        List<String> stuck = new ArrayList<>();
        for (Task<?> task : left) {
            if (!task.isDone()) {
                stuck.add(task.toString());
            }
        }
        closed = true;
        loop.close();
        List<String> problems = new ArrayList<>();
        for (ExceptionContext context : errors) {
            String line = context.message();
            if (context.source() != null) {
                line += " (" + context.source() + ")";
            }
            if (context.exception() != null) {
                line += ": " + context.exception();
            }
            problems.add(line);
        }
        if (!stuck.isEmpty()) {
            problems.add("tasks still pending after being cancelled at close: " + stuck);
        }
        if (problems.isEmpty()) {
            return;
        }
        AssertionError failure = new AssertionError("the test loop reported " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:") + "\n  " + String.join("\n  ", problems));
        for (ExceptionContext context : errors) {
            if (context.exception() != null) {
                if (failure.getCause() == null) {
                    failure.initCause(context.exception());
                } else {
                    failure.addSuppressed(context.exception());
                }
            }
        }
        throw failure;
    }

    // ---- for BatonTesting.runTest ----

    /** Whether an awaited foreign future has not reported to the loop yet. */
    boolean foreignInFlight() {
        return LoopDriver.foreignInFlight(loop) > 0;
    }

    /** The deadline of the timer that fires next, or positive infinity. */
    double nextDeadline() {
        return LoopDriver.nextDeadline(loop);
    }

    /** Moves the clock forward to {@code time}. */
    void jumpTo(double time) {
        LoopDriver.setVirtualTime(loop, time);
    }

    /** Sleeps until a foreign future reports to the loop or {@code nanos} pass; whether one did. */
    boolean awaitForeign(long nanos) {
        return LoopDriver.awaitThreadsafe(loop, nanos);
    }

    // ---- driving ----

    private void runUntil(double end) {
        runCurrent();
        double next;
        // a timer at infinity never fires: it does not keep advanceUntilIdle going
        while ((next = LoopDriver.nextDeadline(loop)) <= end && next < Double.POSITIVE_INFINITY) {
            LoopDriver.setVirtualTime(loop, next);
            runCurrent();
        }
    }

    /** One iteration: asyncio's {@code loop.stop(); loop.run_forever()}, which never waits nor moves the clock. */
    private void step() {
        loop.stop();
        loop.runForever();
    }

    private static boolean allDone(List<Task<?>> tasks) {
        for (Task<?> task : tasks) {
            if (!task.isDone()) {
                return false;
            }
        }
        return true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the TestLoop is closed");
        }
    }
}
