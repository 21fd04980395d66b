package dev.baton.runtime;

import static dev.baton.runtime.Baton.gather;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.catching;
import static dev.baton.runtime.Machines.repeat;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Twins.fmt;
import static dev.baton.runtime.Twins.fmtList;
import static dev.baton.runtime.Twins.message;
import static dev.baton.runtime.Twins.py;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Baton#gather}: each scenario against {@code twins/combinators/gather.py}. */
class GatherTest {
    private final List<String> out = new ArrayList<>();

    private static List<String> twin(String scenario) {
        return Twins.section("combinators/gather", scenario);
    }

    /** The twin's {@code child(name, delay, fail)}. */
    static Coroutine<Object> child(List<String> out, String name, double delay, boolean fail) {
        return catching(
                (v, f) -> {
                    out.add(name + " start");
                    return sleep(delay);
                },
                (v, f) -> {
                    if (f instanceof CancelledException) {
                        out.add(name + " cancelled(" + message(f) + ")");
                    }
                    if (f != null) {
                        throw f;
                    }
                    if (fail) {
                        out.add(name + " fails");
                        throw new IllegalArgumentException(name);
                    }
                    out.add(name + " end");
                    return Baton.done(name);
                });
    }

    private Coroutine<Object> child(String name, double delay) {
        return child(out, name, delay, false);
    }

    @Test
    void resultsInArgumentOrder() {
        EventLoop.runVirtual(script(
                r -> gather(child("a", 0.2), child("b", 0.1), child("c", 0)),
                r -> {
                    out.add(fmtList((List<?>) r));
                    return null;
                }));
        assertEquals(twin("basic"), out);
    }

    @Test
    void firstExceptionPropagatesAndOthersGoOn() {
        Object[] held = new Object[2];
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> a = spawn(child("a", 0.3));
                    held[0] = a;
                    held[1] = gather(a, child(out, "b", 0.1, true));
                    return (Promise<?>) held[1];
                },
                (v, f) -> {
                    if (!(f instanceof IllegalArgumentException)) {
                        throw new AssertionError("expected the child's exception", f);
                    }
                    out.add("caught " + fmt(f));
                    Task<?> a = (Task<?>) held[0];
                    out.add("a done " + py(a.isDone()));
                    out.add("cancel after done " + py(((Promise<?>) held[1]).cancel()));
                    return a;
                },
                (v, f) -> {
                    out.add("result " + v);
                    return null;
                }));
        assertEquals(twin("first_exception"), out);
    }

    @Test
    void returnExceptionsPutsFailuresAndCancellationsInTheList() {
        EventLoop.runVirtual(script(
                r -> {
                    EventLoop loop = EventLoop.current();
                    Task<Object> c = spawn(child("c", 10));
                    loop.callLater(0.05, () -> c.cancel("stop"));
                    Task<Object> d = spawn(child("d", 10));
                    loop.callLater(0.05, () -> d.cancel());
                    return gather(true, child("a", 0.1), child(out, "b", 0.1, true), c, d);
                },
                r -> {
                    out.add(fmtList((List<?>) r));
                    return null;
                }));
        assertEquals(twin("return_exceptions"), out);
    }

    @Test
    void aCancelledChildFailsTheGatherWithoutCancellingIt() {
        Object[] g = new Object[1];
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> b = spawn(child("b", 10));
                    g[0] = gather(child("a", 0.2), b);
                    EventLoop.current().callLater(0.1, () -> b.cancel("just b"));
                    return (Promise<?>) g[0];
                },
                (v, f) -> {
                    if (!(f instanceof CancelledException)) {
                        throw new AssertionError("expected CancelledException", f);
                    }
                    out.add("caught " + fmt(f));
                    Promise<?> gathered = (Promise<?>) g[0];
                    out.add("gather cancelled " + py(gathered.isCancelled()) + " done " + py(gathered.isDone()));
                    return sleep(0.2);
                }));
        assertEquals(twin("child_cancelled"), out);
    }

    @Test
    void cancellingTheGatherCancelsChildrenEvenWithReturnExceptions() {
        Object[] g = new Object[1];
        EventLoop.runVirtual(repeat(2, i -> catching(
                (v, f) -> {
                    g[0] = gather(i == 1, child("a", 10), child("b", 10));
                    return sleep(0);
                },
                (v, f) -> {
                    out.add("cancel " + py(((Promise<?>) g[0]).cancel("halt")));
                    return (Promise<?>) g[0];
                },
                (v, f) -> {
                    if (f instanceof CancelledException) {
                        out.add("caught " + fmt(f));
                    } else if (f != null) {
                        throw f;
                    } else {
                        out.add(fmtList((List<?>) v));
                    }
                    Promise<?> gathered = (Promise<?>) g[0];
                    out.add("gather cancelled " + py(gathered.isCancelled()) + " done " + py(gathered.isDone()));
                    return null;
                })));
        assertEquals(twin("cancel_gather"), out);
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheChildren() {
        Object[] t = new Object[1];
        Coroutine<Object> waiter = catching(
                (v, f) -> gather(child("a", 10), child("b", 10)),
                (v, f) -> {
                    if (f instanceof CancelledException) {
                        out.add("waiter cancelled(" + message(f) + ")");
                    }
                    if (f != null) {
                        throw f;
                    }
                    return null;
                });
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    t[0] = spawn(waiter);
                    return sleep(0.1);
                },
                (v, f) -> {
                    ((Task<?>) t[0]).cancel("outer");
                    return (Task<?>) t[0];
                },
                (v, f) -> {
                    if (!(f instanceof CancelledException)) {
                        throw new AssertionError("expected CancelledException", f);
                    }
                    out.add("task cancelled " + py(((Task<?>) t[0]).isCancelled()));
                    return null;
                }));
        assertEquals(twin("cancel_awaiting_task"), out);
    }

    @Test
    void theSamePromiseOrCoroutineTwiceIsOneChild() {
        EventLoop.runVirtual(script(
                r -> {
                    Task<Object> t = spawn(child("t", 0.1));
                    Coroutine<Object> c = child("c", 0);
                    return gather(t, c, t, c);
                },
                r -> {
                    out.add(fmtList((List<?>) r));
                    return null;
                }));
        assertEquals(twin("duplicates"), out);
    }

    @Test
    void doneChildrenCompleteTheGatherAtOnce() {
        EventLoop.runVirtual(script(r -> {
            EventLoop loop = EventLoop.current();
            Promise<Integer> f1 = loop.createPromise();
            f1.setResult(1);
            Promise<Integer> f2 = loop.createPromise();
            f2.setResult(2);
            Promise<List<Object>> g = gather(f1, f2, f1);
            out.add("done at once " + py(g.isDone()) + " " + fmtList(g.result()));
            Promise<Integer> f3 = loop.createPromise();
            f3.setException(new IllegalArgumentException("early"));
            g = gather(f1, f3);
            out.add("failed at once " + py(g.isDone()) + " " + fmt(g.exception()));
            g = gather();
            out.add("empty " + py(g.isDone()) + " " + fmtList(g.result()));
            return null;
        }));
        assertEquals(twin("done_children"), out);
    }

    @Test
    void theAwaitingTaskWakesOneStepAfterTheLastChild() {
        Object[] tick = new Object[1];
        EventLoop.runVirtual(script(
                r -> {
                    tick[0] = spawn(repeat(6, i -> {
                        out.add("tick " + i);
                        return sleep(0);
                    }));
                    out.add("gather created");
                    return gather(quick("x", 2), quick("y", 1));
                },
                r -> {
                    out.add("resumed " + fmtList((List<?>) r));
                    return (Task<?>) tick[0];
                }));
        assertEquals(twin("wakeup_order"), out);
    }

    private Coroutine<Object> quick(String name, int n) {
        return script(
                r -> repeat(n, i -> sleep(0)),
                r -> {
                    out.add(name + " done");
                    return Baton.done(name);
                });
    }

    @Test
    void awaitingADoneGatherContinuesWithoutALoopTrip() {
        List<String> trace = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    EventLoop.current().callSoon(() -> trace.add("callback"));
                    Promise<Integer> p = EventLoop.current().createPromise();
                    p.setResult(7);
                    return gather(p);
                },
                r -> {
                    trace.add("resumed " + r);
                    return null;
                }));
        assertEquals(List.of("resumed [7]", "callback"), trace);
    }

    @Test
    void childrenAreHotEvenIfTheGatherIsNeverAwaited() {
        EventLoop.runVirtual(script(
                r -> {
                    gather(child("a", 0.1));
                    return sleep(0.2);
                }));
        assertEquals(List.of("a start", "a end"), out);
    }

    @Test
    void awaitablesThatAreNotPromisesOrCoroutinesRunOncePerOccurrence() {
        int[] runs = {0};
        Awaitable<String> operation = machine -> {
            runs[0]++;
            return "op";
        };
        Object result = EventLoop.runVirtual(script(r -> gather(operation, operation)));
        assertEquals(List.of("op", "op"), result);
        assertEquals(2, runs[0]);
    }

    @Test
    void gatherNeedsARunningLoopForCoroutines() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> gather(child("a", 0)));
        assertEquals("no running event loop", e.getMessage());
        assertThrows(IllegalStateException.class, Baton::gather);
    }

    @Test
    void promisesOfAnotherLoopAreRefused() {
        EventLoop other = EventLoop.virtual();
        Promise<Object> foreign = other.createPromise();
        EventLoop.runVirtual(script(r -> {
            Promise<Object> own = EventLoop.current().createPromise();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gather(own, foreign));
            assertTrue(e.getMessage().startsWith("The future belongs to a different loop"));
            own.setResult(null);
            return null;
        }));
        other.close();
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThrows(NullPointerException.class, () -> gather((Awaitable<?>[]) null));
        EventLoop.runVirtual(script(r -> {
            assertThrows(NullPointerException.class, () -> gather(sleep(0), null));
            return null;
        }));
    }

    @Test
    void theGatherIsBoundToTheFirstPromisesLoop() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> p = loop.createPromise();
        Promise<List<Object>> g = gather(p);
        assertSame(loop, g.loop());
        assertFalse(g.isDone());
        p.setResult("x");
        assertEquals(List.of("x"), loop.runUntilComplete(g));
        loop.close();
    }

    @Test
    void toStringShowsStateAndChildren() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> p = loop.createPromise();
        Promise<String> q = loop.createPromise();
        Promise<List<Object>> g = gather(p, q);
        assertEquals("Gather[pending, children=2, pending=2]", g.toString());
        p.setResult("x");
        assertEquals("Gather[pending, children=2, pending=1]", g.toString());
        assertTrue(g.cancel());
        assertEquals("Gather[pending, cancel requested, children=2, pending=0]", g.toString());
        loop.runUntilComplete(Machines.catching((v, f) -> g, (v, f) -> null));
        assertTrue(g.toString().startsWith("Gather[finished, exception=dev.baton.runtime.CancelledException"));
        loop.close();
    }
}
