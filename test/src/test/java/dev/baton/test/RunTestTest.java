package dev.baton.test;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.test.BatonTesting.runTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.DeadlockException;
import dev.baton.runtime.Event;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Task;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** runTest: virtual time, results and exceptions, and each failure it reports. */
@BatonTest
abstract class RunTestTest {
    static final IllegalStateException BOOM = new IllegalStateException("boom");

    final Event neverSet = new Event();

    @Async
    Coroutine<Double> sleepAnHour() {
        await(sleep(3600));
        return done(EventLoop.current().time());
    }

    @Async
    Coroutine<String> fail() {
        await(sleep(1));
        throw BOOM;
    }

    @Async
    Coroutine<Void> waitForNeverSet() {
        await(neverSet.waitSet());
        return done();
    }

    @Async
    Coroutine<Void> lockedForever(Lock a, Lock b) {
        await(a.acquire());
        await(sleep(0.1));
        await(b.acquire());
        return done();
    }

    @Async
    Coroutine<Void> lockOrderDeadlock() {
        Lock a = new Lock();
        Lock b = new Lock();
        Task<Void> ab = spawn(lockedForever(a, b), "a-then-b");
        Task<Void> ba = spawn(lockedForever(b, a), "b-then-a");
        await(ab);
        await(ba);
        return done();
    }

    @Async
    Coroutine<Void> leaveASleeper() {
        spawn(sleepAnHour(), "left-behind");
        await(sleep(1));
        return done();
    }

    @Async
    Coroutine<Void> leaveAFailure() {
        spawn(fail(), "failing");
        await(sleep(2));
        return done();
    }

    @Async
    Coroutine<Integer> awaitForeign() {
        int value = await(CompletableFuture.supplyAsync(() -> 42));
        return done(value + (int) EventLoop.current().time());
    }

    @Test
    void anHourOfSleepIsAnHourOfVirtualTime() {
        long start = System.nanoTime();
        assertEquals(3600.0, runTest(2 * 3600, sleepAnHour()));
        // a generous bound: the point is the virtual clock's reading above, not speed
        assertTrue(System.nanoTime() - start < 30_000_000_000L);
    }

    @Test
    void rethrowsTheCoroutinesExceptionUnchanged() {
        assertSame(BOOM, assertThrows(IllegalStateException.class, () -> runTest(fail())));
    }

    @Test
    void failsPastTheTimeoutInVirtualTime() {
        AssertionError e = assertThrows(AssertionError.class, () -> runTest(5, sleepAnHour()));
        assertTrue(e.getMessage().startsWith("runTest timed out: the coroutine was not done after 5 s of virtual"
                + " time\n1 pending task:\n└── Task 'Task-1' waiting on "), e.getMessage());
        assertTrue(e.getMessage().contains("RunTestTest.sleepAnHour("), e.getMessage());
    }

    @Test
    void theDefaultTimeoutIsAMinute() {
        AssertionError e = assertThrows(AssertionError.class, () -> runTest(sleepAnHour()));
        assertTrue(e.getMessage().contains("not done after 60 s of virtual time"), e.getMessage());
    }

    @Test
    void failsOnADeadlockWithTheBlockedTasks() {
        DeadlockException e = assertThrows(DeadlockException.class, () -> runTest(lockOrderDeadlock()));
        String message = e.getMessage();
        assertTrue(message.startsWith("deadlock: nothing can ever wake the task 'Task-1' of runTest: no callback is"
                + " ready, no timer is scheduled, no awaited CompletionStage is in flight and no thread-safe callback"
                + " is pending\n3 pending tasks:\n"), message);
        assertTrue(message.contains("Task 'a-then-b' waiting on acquire() of Lock[locked, waiters=1]"), message);
        assertTrue(message.contains("Task 'b-then-a' waiting on acquire() of Lock[locked, waiters=1]"), message);
    }

    @Test
    void failsOnAWaitNothingCanEnd() {
        DeadlockException e = assertThrows(DeadlockException.class, () -> runTest(waitForNeverSet()));
        assertTrue(e.getMessage().startsWith("deadlock: nothing can ever wake the task 'Task-1' of runTest"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Event["), e.getMessage());
    }

    @Test
    void failsWhenSpawnedTasksArePendingAtTheEnd() {
        AssertionError e = assertThrows(AssertionError.class, () -> runTest(leaveASleeper()));
        assertTrue(e.getMessage().startsWith("1 task still pending when the coroutine of runTest finished"
                + " (await or cancel what you spawn):\n1 pending task:\n└── Task 'left-behind' waiting on "),
                e.getMessage());
    }

    @Test
    void failsWhenATasksExceptionWasNeverRetrieved() {
        AssertionError e = assertThrows(AssertionError.class, () -> runTest(leaveAFailure()));
        String message = e.getMessage();
        assertTrue(message.startsWith("the test loop reported 1 problem:\n  Task exception was never retrieved ("),
                message);
        assertTrue(message.contains("name=failing"), message);
        assertTrue(message.endsWith("): java.lang.IllegalStateException: boom"), message);
        assertSame(BOOM, e.getCause());
    }

    @Test
    void waitsForForeignFuturesWithoutMovingTheClock() {
        assertEquals(42, runTest(awaitForeign()));
    }

    @Test
    void rejectsABadTimeout() {
        assertThrows(IllegalArgumentException.class, () -> runTest(0, sleepAnHour()));
        assertThrows(IllegalArgumentException.class, () -> runTest(Double.NaN, sleepAnHour()));
    }
}
