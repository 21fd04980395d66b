package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Baton.waitFor;
import static dev.baton.runtime.Machines.catching;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Twins.describe;
import static dev.baton.runtime.Twins.message;
import static dev.baton.runtime.Twins.py;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link Baton#waitFor}: scenarios against {@code twins/combinators/wait_for.py}. */
class WaitForTest {
    private final List<String> out = new ArrayList<>();
    private double t0;

    private static List<String> twin(String scenario) {
        return Twins.section("combinators/wait_for", scenario);
    }

    private void run(Coroutine<?> scenario) {
        EventLoop.runVirtual(script(
                r -> {
                    t0 = EventLoop.current().time();
                    return scenario;
                }));
    }

    private String now() {
        return String.format(Locale.ROOT, "%.1f", EventLoop.current().time() - t0);
    }

    /** The twin's {@code child(name, delay, swallow)}: returns {@code swallow} when cancelled, if not null. */
    private Coroutine<Object> child(String name, double delay, Object swallow) {
        return catching(
                (v, f) -> {
                    out.add(name + " start");
                    return sleep(delay);
                },
                (v, f) -> {
                    if (f instanceof CancelledException) {
                        out.add(name + " cancelled(" + message(f) + ")");
                        if (swallow != null) {
                            return Baton.done(swallow);
                        }
                    }
                    if (f != null) {
                        throw f;
                    }
                    out.add(name + " end");
                    return Baton.done(name);
                });
    }

    private Coroutine<Object> child(String name, double delay) {
        return child(name, delay, null);
    }

    /** Awaits {@code awaitable}; prints {@code caught <describe>} if it fails, and carries on. */
    private Coroutine<Object> caught(String prefix, Awaitable<?> awaitable) {
        return catching(
                (v, f) -> awaitable,
                (v, f) -> {
                    if (f == null) {
                        throw new AssertionError("expected a failure, got " + v);
                    }
                    out.add(prefix + describe(f));
                    return null;
                });
    }

    @Test
    void completesInTime() {
        run(script(
                r -> waitFor(child("a", 0.1), 1),
                r -> {
                    out.add("result " + r + " at " + now());
                    return null;
                }));
        assertEquals(twin("completes"), out);
    }

    @Test
    void expiryCancelsTheAwaitableAndRaisesTimeout() {
        run(script(
                r -> catching(
                        (v, f) -> waitFor(child("a", 1), 0.2),
                        (v, f) -> {
                            out.add("caught " + describe(f) + " at " + now());
                            return null;
                        }),
                r -> {
                    out.add("cancelling " + Baton.currentTask().cancelling());
                    return sleep(1);
                },
                r -> {
                    out.add("nothing left at " + now());
                    return null;
                }));
        assertEquals(twin("times_out"), out);
    }

    @Test
    void anAwaitedTaskIsCancelledOnExpiry() {
        Object[] t = new Object[1];
        run(script(
                r -> {
                    t[0] = spawn(child("t", 1));
                    return caught("caught ", waitFor((Task<?>) t[0], 0.2));
                },
                r -> {
                    out.add("task cancelled " + py(((Task<?>) t[0]).isCancelled()));
                    return null;
                }));
        assertEquals(twin("task_times_out"), out);
    }

    @Test
    void aSwallowedCancellationReturnsTheValue() {
        run(script(
                r -> waitFor(child("a", 1, "late"), 0.1),
                r -> {
                    out.add("result " + r);
                    out.add("cancelling " + Baton.currentTask().cancelling());
                    return null;
                }));
        assertEquals(twin("swallowed"), out);
    }

    @Test
    void anotherCancelRequestIsNotTurnedIntoTimeout() {
        Coroutine<Object> stubborn = catching(
                (v, f) -> sleep(1),
                (v, f) -> {
                    Task<?> me = Baton.currentTask();
                    out.add("inner cancelled, cancelling " + me.cancelling());
                    me.cancel("again");
                    out.add("cancelled again, cancelling " + me.cancelling());
                    throw f;
                });
        run(catching(
                (v, f) -> caught("caught ", waitFor(stubborn, 0.1)),
                (v, f) -> {
                    out.add("cancelling " + Baton.currentTask().cancelling());
                    return sleep(0);
                },
                (v, f) -> {
                    if (f == null) {
                        out.add("not reached");
                    } else {
                        out.add("next await " + describe(f));
                    }
                    out.add("uncancel " + Baton.currentTask().uncancel());
                    return null;
                }));
        assertEquals(twin("another_cancel"), out);
    }

    @Test
    void anOutsideCancellationPropagates() {
        Object[] t = new Object[1];
        Coroutine<Object> body = catching(
                (v, f) -> waitFor(child("a", 1), 0.5),
                (v, f) -> {
                    if (f != null) {
                        out.add("caught " + describe(f));
                        throw f;
                    }
                    return null;
                });
        run(catching(
                (v, f) -> {
                    t[0] = spawn(body);
                    return sleep(0.1);
                },
                (v, f) -> {
                    ((Task<?>) t[0]).cancel("from outside");
                    return (Task<?>) t[0];
                },
                (v, f) -> {
                    if (!(f instanceof CancelledException)) {
                        throw new AssertionError("expected CancelledException", f);
                    }
                    out.add("task cancelled " + py(((Task<?>) t[0]).isCancelled()));
                    return null;
                }));
        assertEquals(twin("outside_cancel"), out);
    }

    @Test
    void aZeroTimeoutCancelsBeforeRunning() {
        boolean[] started = {false};
        Object[] t = new Object[1];
        Coroutine<Object> func = script(r -> {
            started[0] = true;
            return Baton.done("ran");
        });
        run(script(
                r -> catching(
                        (v, f) -> waitFor(func, 0),
                        (v, f) -> {
                            out.add("caught " + describe(f) + ", started " + py(started[0]));
                            return null;
                        }),
                r -> {
                    Promise<String> f = EventLoop.current().createPromise();
                    f.setResult("ready");
                    return waitFor(f, 0);
                },
                r -> {
                    out.add("done future " + r);
                    t[0] = spawn(child("t", 1, "kept"));
                    return sleep(0);
                },
                r -> waitFor((Task<?>) t[0], -1),
                r -> {
                    out.add("swallowing task " + r);
                    t[0] = spawn(child("u", 1));
                    return sleep(0);
                },
                r -> caught("caught ", waitFor((Task<?>) t[0], 0))));
        assertEquals(twin("zero_timeout"), out);
    }

    @Test
    void theInnermostExpiredTimeoutRaises() {
        run(script(
                r -> outerCaught(waitFor(inner(1), 0.1)),
                r -> outerCaught(waitFor(inner(0.1), 1))));
        assertEquals(twin("nested"), out);
    }

    private Coroutine<Object> outerCaught(Awaitable<?> awaitable) {
        return catching(
                (v, f) -> awaitable,
                (v, f) -> {
                    out.add("outer caught " + describe(f) + " at " + now());
                    return null;
                });
    }

    private Coroutine<Object> inner(double timeout) {
        return catching(
                (v, f) -> waitFor(child("n", 1), timeout),
                (v, f) -> {
                    if (f != null) {
                        out.add("inner caught " + describe(f) + " at " + now());
                        throw f;
                    }
                    return Baton.done(v);
                });
    }

    @Test
    void theAwaitableRunsInlineAndADoneOneNeedsNoLoopTrip() {
        run(script(
                r -> {
                    Task<?> me = Baton.currentTask();
                    return waitFor(script(x -> Baton.done(Baton.currentTask() == me)), 1);
                },
                r -> {
                    out.add("same task " + ((Boolean) r ? "True" : "False"));
                    EventLoop.current().callSoon(() -> out.add("callback"));
                    Promise<String> f = EventLoop.current().createPromise();
                    f.setResult("done");
                    return waitFor(f, 1);
                },
                r -> {
                    out.add("done future " + r);
                    return sleep(0);
                }));
        assertEquals(twin("inline"), out);
    }

    @Test
    void otherExceptionsPassThrough() {
        run(script(r -> caught("caught ", waitFor(script(
                x -> sleep(0),
                x -> {
                    throw new IllegalArgumentException("boom");
                }), 1))));
        assertEquals(twin("error_passes"), out);
    }

    @Test
    void noTimerIsLeftBehind() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> p = loop.createPromise();
        loop.callLater(0.5, () -> p.setResult("x"));
        assertEquals("x", loop.runUntilComplete(script(r -> waitFor(p, 100))));
        assertEquals(0.5, loop.time());
        assertEquals("EventLoop[idle, virtual clock, ready=0, timers=0, tasks=0]", loop.toString());
        loop.close();
    }

    @Test
    void infinityMeansNoTimeout() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> p = loop.createPromise();
        loop.callLater(1e9, () -> p.setResult("late"));
        assertEquals("late", loop.runUntilComplete(script(r -> waitFor(p, Double.POSITIVE_INFINITY))));
        loop.close();
    }

    @Test
    void badArguments() {
        assertThrows(NullPointerException.class, () -> waitFor(null, 1));
        EventLoop loop = EventLoop.virtual();
        Promise<Object> p = loop.createPromise();
        assertThrows(IllegalArgumentException.class, () -> waitFor(p, Double.NaN));
        loop.close();
    }

    @Test
    void coldUntilAwaited() {
        boolean[] ran = {false};
        EventLoop.runVirtual(script(r -> {
            waitFor(script(x -> {
                ran[0] = true;
                return null;
            }), 1);
            return sleep(0.1);
        }));
        assertEquals(false, ran[0]);
    }

    @Test
    void theTimeoutExceptionNamesTheTimeoutAndTheAwaitable() {
        Coroutine<Object> slow = script(r -> sleep(1));
        TimeoutException late = assertThrows(TimeoutException.class,
                () -> EventLoop.runVirtual(waitFor(slow, 0.25)));
        assertEquals("waitFor(timeout=0.25): " + slow + " did not complete within 0.25 s", late.getMessage());
        assertTrue(late.getMessage().startsWith("waitFor(timeout=0.25): dev.baton.runtime.Machines$Script@"));
        assertInstanceOf(CancelledException.class, late.getCause());

        Coroutine<Object> never = script(r -> sleep(1));
        TimeoutException zero = assertThrows(TimeoutException.class,
                () -> EventLoop.runVirtual(waitFor(never, 0)));
        assertEquals("waitFor(timeout=0): " + never + " was not done, so it was cancelled"
                + " (a timeout of zero or less does not wait)", zero.getMessage());
        assertInstanceOf(CancelledException.class, zero.getCause());

        TimeoutException seconds = assertThrows(TimeoutException.class,
                () -> EventLoop.runVirtual(waitFor(sleep(5), 2)));
        assertEquals("waitFor(timeout=2): sleep(5.0) did not complete within 2 s", seconds.getMessage());
    }

    @Test
    void toStringShowsTheTimeoutState() {
        EventLoop loop = EventLoop.virtual();
        Promise<Object> p = loop.createPromise();
        assertEquals("waitFor[created, timeout=1.5]", waitFor(p, 1.5).toString());
        loop.close();
    }
}
