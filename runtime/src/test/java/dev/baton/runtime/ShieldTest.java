package dev.baton.runtime;

import static dev.baton.runtime.Baton.shield;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.catching;
import static dev.baton.runtime.Machines.repeat;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Twins.message;
import static dev.baton.runtime.Twins.py;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Baton#shield}: scenarios against {@code twins/combinators/shield.py}. */
class ShieldTest {
    private final List<String> out = new ArrayList<>();

    private static List<String> twin(String scenario) {
        return Twins.section("combinators/shield", scenario);
    }

    private Coroutine<Object> child(String name, double delay, boolean fail) {
        return GatherTest.child(out, name, delay, fail);
    }

    @Test
    void passesTheResultOn() {
        EventLoop.runVirtual(script(
                r -> shield(child("a", 0.1, false)),
                r -> {
                    out.add("result " + r);
                    return null;
                }));
        assertEquals(twin("basic"), out);
    }

    @Test
    void cancellingTheWaiterLeavesTheInnerTaskRunning() {
        Object[] held = new Object[2];
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> inner = spawn(child("inner", 0.2, false));
                    held[0] = inner;
                    held[1] = spawn(catching(
                            (x, g) -> shield(inner),
                            (x, g) -> {
                                if (g instanceof CancelledException) {
                                    out.add("waiter cancelled(" + message(g) + ")");
                                }
                                if (g != null) {
                                    throw g;
                                }
                                return Baton.done(x);
                            }));
                    return sleep(0.1);
                },
                (v, f) -> {
                    ((Task<?>) held[1]).cancel("stop");
                    return (Task<?>) held[1];
                },
                (v, f) -> {
                    if (!(f instanceof CancelledException)) {
                        throw new AssertionError("expected CancelledException", f);
                    }
                    out.add("waiter done, inner done " + py(((Task<?>) held[0]).isDone()));
                    return (Task<?>) held[0];
                },
                (v, f) -> {
                    out.add("inner result " + v);
                    return null;
                }));
        assertEquals(twin("outer_cancelled"), out);
    }

    @Test
    void cancellingTheInnerCancelsTheOuter() {
        Object[] outer = new Object[1];
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> inner = spawn(child("inner", 1, false));
                    outer[0] = shield(inner);
                    EventLoop.current().callLater(0.1, () -> inner.cancel("by other means"));
                    return (Promise<?>) outer[0];
                },
                (v, f) -> {
                    if (!(f instanceof CancelledException)) {
                        throw new AssertionError("expected CancelledException", f);
                    }
                    out.add("caught cancelled(" + message(f) + ") outer cancelled "
                            + py(((Promise<?>) outer[0]).isCancelled()));
                    return null;
                }));
        assertEquals(twin("inner_cancelled"), out);
    }

    @Test
    void passesTheExceptionOn() {
        EventLoop.runVirtual(catching(
                (v, f) -> shield(child("f", 0.1, true)),
                (v, f) -> {
                    if (!(f instanceof IllegalArgumentException)) {
                        throw new AssertionError("expected the child's exception", f);
                    }
                    out.add("caught error(" + f.getMessage() + ")");
                    return null;
                }));
        assertEquals(twin("inner_fails"), out);
    }

    @Test
    void aDonePromiseIsReturnedItself() {
        EventLoop.runVirtual(script(r -> {
            Promise<Integer> f = EventLoop.current().createPromise();
            f.setResult(1);
            out.add("same " + py(shield(f) == f));
            Promise<Integer> g = EventLoop.current().createPromise();
            out.add("same " + py(shield(g) == g));
            g.cancel();
            return null;
        }));
        assertEquals(twin("done_shortcut"), out);
    }

    @Test
    void theOuterCompletesOneStepAfterTheInner() {
        Object[] tick = new Object[1];
        EventLoop.runVirtual(script(
                r -> {
                    EventLoop loop = EventLoop.current();
                    Promise<String> inner = loop.createPromise();
                    Promise<String> outer = shield(inner);
                    tick[0] = spawn(repeat(5, i -> {
                        out.add("tick " + i);
                        return sleep(0);
                    }));
                    loop.callSoon(() -> inner.setResult("x"));
                    return outer;
                },
                r -> {
                    out.add("resumed " + r);
                    return (Task<?>) tick[0];
                }));
        assertEquals(twin("wakeup_order"), out);
    }

    @Test
    void aShieldedCoroutineRunsOnWhenTheOuterIsCancelled() {
        Object[] outer = new Object[1];
        EventLoop.runVirtual(script(
                r -> {
                    outer[0] = shield(child("c", 0.2, false));
                    return sleep(0.1);
                },
                r -> {
                    out.add("cancel " + py(((Promise<?>) outer[0]).cancel()));
                    return sleep(0.2);
                }));
        assertEquals(twin("cancel_shielded_coroutine"), out);
    }

    @Test
    void anInnerExceptionIsRetrievedOnlyIfItArrivesBeforeTheOuterLetsGo() {
        EventLoop.runVirtual(script(
                r -> {
                    EventLoop loop = EventLoop.current();
                    loop.setExceptionHandler((l, context) -> out.add("handler: " + context.message()));
                    Promise<Object> inner = loop.createPromise();
                    Promise<Object> outer = shield(inner);
                    inner.setException(new IllegalArgumentException("same step"));
                    outer.cancel();
                    return sleep(0.1);
                },
                r -> {
                    out.add("outer cancelled first:");
                    Promise<Object> outer = shield(child("f", 0.1, true));
                    outer.cancel();
                    return sleep(0.2);
                }));
        assertEquals(twin("retrieved"), out);
    }

    @Test
    void badArguments() {
        assertThrows(NullPointerException.class, () -> shield(null));
        assertThrows(IllegalStateException.class, () -> shield(child("x", 0, false)));
        EventLoop loop = EventLoop.virtual();
        Promise<String> p = loop.createPromise();
        assertSame(loop, shield(p).loop());
        loop.close();
    }
}
