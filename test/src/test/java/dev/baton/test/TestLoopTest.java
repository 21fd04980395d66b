package dev.baton.test;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Async;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** TestLoop: the clock moves only when told, and exactly as far. */
@BatonTest
abstract class TestLoopTest {
    final List<String> log = new ArrayList<>();

    @Async
    Coroutine<String> after(double seconds, String what) {
        await(sleep(seconds));
        log.add(what + "@" + EventLoop.current().time());
        return done(what);
    }

    @Async
    Coroutine<Void> yieldingThrice() {
        for (int i = 0; i < 3; i++) {
            log.add("step " + i);
            await(sleep(0));
        }
        return done();
    }

    @Async
    Coroutine<String> awaitStage(CompletableFuture<String> stage) {
        return done(await(stage));
    }

    @Async
    Coroutine<Void> failNow() {
        throw new IllegalArgumentException("unretrieved");
    }

    @Test
    void advanceByRunsExactlyTheTimersDueAndEndsOnTime() {
        try (TestLoop loop = new TestLoop()) {
            loop.spawn(after(1.0, "a"));
            loop.spawn(after(2.0, "b"));
            loop.spawn(after(2.5, "c"));
            Task<String> last = loop.spawn(after(3.0, "d"));
            loop.loop().callLater(2.0, () -> log.add("callback@" + loop.time()));

            loop.advanceBy(2.0);
            // the callback's timer was scheduled at once, the sleeps' when their tasks first ran
            assertEquals(List.of("a@1.0", "callback@2.0", "b@2.0"), log, "due at 2.0 or before, in order");
            assertEquals(2.0, loop.time());

            loop.advanceBy(0.25);
            assertEquals(3, log.size(), "nothing is due between 2.0 and 2.25: " + log);
            assertEquals(2.25, loop.time());

            loop.advanceBy(0.25);
            assertEquals(List.of("a@1.0", "callback@2.0", "b@2.0", "c@2.5"), log);
            assertEquals(2.5, loop.time());
            assertFalse(last.isDone());

            loop.advanceBy(0);
            assertEquals(4, log.size());
            assertEquals(2.5, loop.time());
        }
    }

    @Test
    void advanceByMovesTheClockFromTimerToTimer() {
        try (TestLoop loop = new TestLoop()) {
            Task<String> late = loop.spawn(after(10, "late"));
            loop.advanceBy(9.999);
            assertFalse(late.isDone());
            assertEquals(9.999, loop.time());
            loop.advanceBy(0.001);
            assertEquals("late", late.result());
            assertEquals(List.of("late@10.0"), log);
        }
    }

    @Test
    void runCurrentRunsWhatIsReadyWithoutTime() {
        try (TestLoop loop = new TestLoop()) {
            Task<Void> yielding = loop.spawn(yieldingThrice());
            Task<String> sleeping = loop.spawn(after(0.5, "sleeper"));
            assertEquals(List.of(), log, "spawn only schedules");
            loop.runCurrent();
            assertTrue(yielding.isDone());
            assertFalse(sleeping.isDone());
            assertEquals(List.of("step 0", "step 1", "step 2"), log);
            assertEquals(0.0, loop.time());
            loop.advanceUntilIdle();
            assertEquals(0.5, loop.time());
            assertEquals("sleeper", sleeping.result());
        }
    }

    @Test
    void advanceUntilIdleStopsAtTheLastTimer() {
        try (TestLoop loop = new TestLoop()) {
            loop.spawn(after(7, "x"));
            loop.spawn(after(3, "y"));
            loop.advanceUntilIdle();
            assertEquals(List.of("y@3.0", "x@7.0"), log);
            assertEquals(7.0, loop.time());
            assertTrue(loop.loop().allTasks().isEmpty());
        }
    }

    @Test
    void foreignFuturesRunAtTheNextStep() {
        try (TestLoop loop = new TestLoop()) {
            CompletableFuture<String> stage = new CompletableFuture<>();
            Task<String> task = loop.spawn(awaitStage(stage));
            loop.runCurrent();
            assertFalse(task.isDone());
            stage.complete("from elsewhere");
            loop.runCurrent();
            assertEquals("from elsewhere", task.result());
        }
    }

    @Test
    void closeCancelsWhatIsLeft() {
        Task<String> left;
        try (TestLoop loop = new TestLoop()) {
            left = loop.spawn(after(100, "never"));
            loop.advanceBy(1);
        }
        assertTrue(left.isCancelled());
        assertThrows(CancelledException.class, left::result);
    }

    @Test
    void closeFailsOnAnExceptionNobodyRetrieved() {
        TestLoop loop = new TestLoop();
        loop.spawn(failNow());
        loop.runCurrent();
        AssertionError e = assertThrows(AssertionError.class, loop::close);
        assertTrue(e.getMessage().startsWith("the test loop reported 1 problem:\n  Task exception was never retrieved"),
                e.getMessage());
        assertTrue(e.getCause() instanceof IllegalArgumentException);
        assertThrows(IllegalStateException.class, () -> loop.spawn(failNow()));
    }

    @Test
    void rejectsBadDurations() {
        try (TestLoop loop = new TestLoop()) {
            assertThrows(IllegalArgumentException.class, () -> loop.advanceBy(-1));
            assertThrows(IllegalArgumentException.class, () -> loop.advanceBy(Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> loop.advanceBy(Double.POSITIVE_INFINITY));
        }
    }
}
