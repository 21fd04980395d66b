package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Baton.timeout;
import static dev.baton.runtime.Baton.timeoutAt;
import static dev.baton.runtime.Baton.waitFor;
import static dev.baton.runtime.Machines.catching;
import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Baton#timeout} and {@link Baton#timeoutAt}: asyncio.timeout's semantics (the
 * conformance scenarios timeout_zero, timeout_negative and timeout_mid_body compare them with
 * CPython); here, what only Java has: messages, argument checks, when the deadline is read.
 */
class TimeoutTest {
    private final List<String> out = new ArrayList<>();

    /** A body that prints when it starts, then sleeps. */
    private Coroutine<Object> body(String name, double seconds) {
        return script(r -> {
            out.add(name + " starts");
            return sleep(seconds);
        }, r -> {
            out.add(name + " ends");
            return Baton.done(name);
        });
    }

    @Test
    void zeroRunsTheBodyToItsFirstSuspensionWhereWaitForNeverRunsIt() {
        assertThrows(TimeoutException.class, () -> EventLoop.runVirtual(script(r -> timeout(0, body("timeout", 1)))));
        assertThrows(TimeoutException.class, () -> EventLoop.runVirtual(waitFor(body("waitFor", 1), 0)));
        assertEquals(List.of("timeout starts"), out);
    }

    @Test
    void theTimeoutExceptionNamesTheTimeoutAndTheBody() {
        Coroutine<Object> slow = body("slow", 1);
        TimeoutException e = assertThrows(TimeoutException.class, () -> EventLoop.runVirtual(script(r -> timeout(0.5, slow))));
        assertEquals("timeout(0.5): " + slow + " did not complete within 0.5 s", e.getMessage());
        assertInstanceOf(CancelledException.class, e.getCause());

        Coroutine<Object> late = body("late", 1);
        EventLoop loop = EventLoop.virtual();
        TimeoutException at = assertThrows(TimeoutException.class,
                () -> loop.runUntilComplete(script(r -> sleep(2), r -> timeoutAt(2.5, late))));
        assertEquals("timeoutAt(2.5): " + late + " did not complete by that loop time", at.getMessage());
        assertEquals(2.5, loop.time());
        loop.close();

        TimeoutException whole = assertThrows(TimeoutException.class,
                () -> EventLoop.runVirtual(script(r -> timeout(3, sleep(10)))));
        assertEquals("timeout(3): sleep(10.0) did not complete within 3 s", whole.getMessage());
    }

    @Test
    void theDeadlineOfTimeoutIsReadWhenItIsMadeAsAsyncioTimeoutReadsIt() {
        EventLoop loop = EventLoop.virtual();
        Object[] made = new Object[1];
        TimeoutException e = assertThrows(TimeoutException.class, () -> loop.runUntilComplete(script(
                r -> {
                    made[0] = timeout(1, body("b", 0.5));
                    return sleep(0.8); // 0.8 of the 1 s pass before the body starts
                },
                r -> (Coroutine<?>) made[0])));
        assertInstanceOf(CancelledException.class, e.getCause());
        assertEquals(1.0, loop.time(), 1e-9);
        assertEquals(List.of("b starts"), out);
        loop.close();
    }

    @Test
    void infinityNeverExpiresAndNeedsNoLoop() {
        Coroutine<Object> forever = timeout(Double.POSITIVE_INFINITY, body("b", 100));
        assertEquals("b", EventLoop.runVirtual(forever));
        assertEquals("b", EventLoop.runVirtual(timeoutAt(Double.POSITIVE_INFINITY, body("b", 100))));
        assertEquals(List.of("b starts", "b ends", "b starts", "b ends"), out);
    }

    @Test
    void aBodyDoneInTimeReturnsItsValueAndLeavesNoTimerOrCancelRequest() {
        EventLoop loop = EventLoop.virtual();
        Object result = loop.runUntilComplete(script(
                r -> timeout(1, body("b", 0.5)),
                r -> {
                    out.add("result " + r + ", cancelling " + Baton.currentTask().cancelling());
                    return sleep(2);
                }));
        assertEquals(List.of("b starts", "b ends", "result b, cancelling 0"), out);
        assertEquals(null, result);
        loop.close();
    }

    @Test
    void anotherCancellationInsideATimeoutStaysACancellation() {
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> t = spawn(timeout(5, body("b", 10)));
                    return script(r -> sleep(1), r -> {
                        t.cancel("not the timeout");
                        return t;
                    });
                },
                (v, f) -> {
                    out.add(f.getClass().getSimpleName() + " " + f.getMessage());
                    return null;
                }));
        assertEquals(List.of("b starts", "CancelledException not the timeout"), out);
    }

    @Test
    void badArgumentsAreRefusedWhenTheTimeoutIsMade() {
        Coroutine<Object> b = body("b", 1);
        IllegalStateException outside = assertThrows(IllegalStateException.class, () -> timeout(1, b));
        assertEquals("no running event loop", outside.getMessage());
        assertEquals("timeout must not be NaN",
                assertThrows(IllegalArgumentException.class, () -> timeout(Double.NaN, b)).getMessage());
        assertEquals("when must not be NaN",
                assertThrows(IllegalArgumentException.class, () -> timeoutAt(Double.NaN, b)).getMessage());
        assertEquals("body", assertThrows(NullPointerException.class, () -> timeoutAt(1, null)).getMessage());
        assertEquals(List.of(), out);
    }

    @Test
    void toStringShowsTheStateAndDeadline() {
        assertEquals("timeoutAt[created, when=2.5]", timeoutAt(2.5, body("b", 1)).toString());
        assertEquals("timeout[created, when=Infinity]", timeout(Double.POSITIVE_INFINITY, body("b", 1)).toString());
    }
}
