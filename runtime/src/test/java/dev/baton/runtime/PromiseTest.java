package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Machines.catching;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Twins.py;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link Promise}: states and errors against {@code twins/core/promise.py}, and every public method. */
class PromiseTest {
    private final List<String> out = new ArrayList<>();

    private static List<String> twin(String scenario) {
        return Twins.section("core/promise", scenario);
    }

    /** The twin's {@code describe}: a misuse of a promise is asyncio's InvalidStateError. */
    private static String describe(Throwable e) {
        return Twins.describe(e).replace("RuntimeError(", "InvalidStateError(");
    }

    /** The twin's {@code attempt(what, fn)}. */
    private void attempt(String what, Callable<?> fn) {
        try {
            Object value = fn.call();
            String shown = value == null ? "None"
                    : value instanceof Boolean ? py((Boolean) value)
                    : value instanceof Throwable ? Twins.message((Throwable) value)
                    : String.valueOf(value);
            out.add(what + " -> " + shown);
        } catch (Throwable e) {
            out.add(what + " raises " + describe(e));
        }
    }

    @Test
    void statesAndMisuse() {
        EventLoop.runVirtual(script(r -> {
            EventLoop loop = EventLoop.current();
            Promise<Integer> f = loop.createPromise();
            out.add("pending done " + py(f.isDone()) + " cancelled " + py(f.isCancelled()));
            attempt("result()", f::result);
            attempt("exception()", f::exception);
            f.setResult(1);
            out.add("finished done " + py(f.isDone()) + " cancelled " + py(f.isCancelled()));
            attempt("result()", f::result);
            attempt("exception()", f::exception);
            attempt("set_result(2)", () -> {
                f.setResult(2);
                return null;
            });
            attempt("set_exception()", () -> {
                f.setException(new IllegalArgumentException("x"));
                return null;
            });
            attempt("cancel()", f::cancel);

            Promise<Integer> g = loop.createPromise();
            g.setException(new IllegalArgumentException("bad"));
            attempt("result()", g::result);
            attempt("exception()", g::exception);
            attempt("cancel()", g::cancel);

            Promise<Integer> c = loop.createPromise();
            attempt("cancel('why')", () -> c.cancel("why"));
            out.add("cancelled done " + py(c.isDone()) + " cancelled " + py(c.isCancelled()));
            attempt("result()", c::result);
            attempt("result()", c::result);
            attempt("exception()", c::exception);
            attempt("cancel()", c::cancel);
            attempt("set_result(1)", () -> {
                c.setResult(1);
                return null;
            });

            Promise<Integer> d = loop.createPromise();
            d.cancel();
            attempt("result()", d::result);
            return null;
        }));
        assertEquals(twin("states"), out);
    }

    @Test
    void awaitingDeliversResultExceptionOrCancellation() {
        EventLoop.runVirtual(catching(
                (v, x) -> {
                    Promise<String> f = EventLoop.current().createPromise();
                    EventLoop.current().callLater(0.1, () -> f.setResult("later"));
                    return f;
                },
                (v, x) -> {
                    out.add("awaited " + v);
                    Promise<String> g = EventLoop.current().createPromise();
                    EventLoop.current().callLater(0.1, () -> g.setException(new IllegalArgumentException("failed")));
                    return g;
                },
                (v, x) -> {
                    out.add("await raised " + describe(x));
                    Promise<String> c = EventLoop.current().createPromise();
                    EventLoop.current().callLater(0.1, () -> c.cancel("stop"));
                    return c;
                },
                (v, x) -> {
                    out.add("await raised " + describe(x));
                    return null;
                }));
        assertEquals(twin("awaiting"), out);
    }

    @Test
    void cancellingTheAwaitingTaskCancelsThePromise() {
        Object[] held = new Object[2];
        EventLoop.runVirtual(catching(
                (v, x) -> {
                    Promise<Object> f = EventLoop.current().createPromise();
                    held[0] = f;
                    held[1] = Baton.spawn(catching(
                            (w, y) -> f,
                            (w, y) -> {
                                if (y instanceof CancelledException) {
                                    out.add("waiter got " + describe(y));
                                }
                                if (y != null) {
                                    throw y;
                                }
                                return null;
                            }));
                    return sleep(0);
                },
                (v, x) -> {
                    ((Task<?>) held[1]).cancel("from main");
                    return sleep(0);
                },
                (v, x) -> {
                    out.add("future cancelled " + py(((Promise<?>) held[0]).isCancelled()));
                    return (Task<?>) held[1];
                },
                (v, x) -> {
                    if (x instanceof CancelledException) {
                        out.add("task cancelled");
                    }
                    return null;
                }));
        assertEquals(twin("cancel_the_awaiter"), out);
    }

    @Test
    void theFailureIsTheOriginalObjectEvenIfChecked() {
        EventLoop loop = EventLoop.virtual();
        Promise<Object> p = loop.createPromise();
        Exception checked = new Exception("checked");
        p.setException(checked);
        Exception thrown = assertThrows(Exception.class, p::result);
        assertSame(checked, thrown);
        assertSame(checked, p.exception());
        loop.close();
    }

    @Test
    void nullArgumentsAreRefused() {
        EventLoop loop = EventLoop.virtual();
        Promise<Object> p = loop.createPromise();
        assertThrows(NullPointerException.class, () -> p.setException(null));
        assertThrows(NullPointerException.class, () -> p.addDoneCallback(null));
        assertFalse(p.isDone());
        p.setResult(null);
        assertEquals(null, p.result());
        loop.close();
    }

    @Test
    void doneCallbacksReceiveThePromise() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> p = loop.createPromise();
        List<Promise<String>> seen = new ArrayList<>();
        p.addDoneCallback(seen::add);
        p.setResult("x");
        assertEquals(List.of(), seen, "callbacks never run inline");
        loop.runUntilComplete(sleep(0));
        assertEquals(List.of(p), seen);
        loop.close();
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistration() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> p = loop.createPromise();
        Consumer<Promise<String>> cb = x -> out.add("cb");
        Consumer<Promise<String>> other = x -> out.add("other");
        assertFalse(p.removeDoneCallback(cb));
        p.addDoneCallback(cb);
        assertTrue(p.removeDoneCallback(cb));
        assertFalse(p.removeDoneCallback(cb));
        p.addDoneCallback(cb);
        p.addDoneCallback(other);
        p.addDoneCallback(cb);
        assertTrue(p.removeDoneCallback(cb));
        p.setResult("x");
        assertFalse(p.removeDoneCallback(other), "callbacks of a done promise are already scheduled");
        loop.runUntilComplete(sleep(0));
        assertEquals(List.of("other"), out);
        loop.close();
    }

    @Test
    void theConstructorBindsToTheRunningLoop() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Promise::new);
        assertEquals("no running event loop", e.getMessage());
        EventLoop loop = EventLoop.virtual();
        Promise<?> p = loop.runUntilComplete(script(r -> Baton.done(new Promise<String>())));
        assertSame(loop, p.loop());
        loop.close();
    }

    @Test
    void aPromiseOfAnotherLoopCannotBeAwaited() {
        EventLoop other = EventLoop.virtual();
        Promise<Object> foreign = other.createPromise();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EventLoop.runVirtual(script(r -> foreign)));
        assertTrue(e.getMessage().startsWith("Task Task["), e.getMessage());
        assertTrue(e.getMessage().endsWith("attached to a different loop"), e.getMessage());
        other.close();
    }

    @Test
    void awaitingADonePromiseAllocatesNothing() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> done = loop.createPromise();
        done.setResult("ready");
        Runnable awaits = () -> {
            for (int i = 0; i < 100_000; i++) {
                done.awaitFrom(Allocations.NO_MACHINE);
            }
        };
        // the least of a few measurements: the JIT's own work (OSR) may allocate in one of them
        long bytes = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            bytes = Math.min(bytes, Allocations.allocatedBy(awaits));
        }
        assertTrue(bytes < 512, "awaiting a done promise allocated " + bytes + " bytes in 100000 awaits");
        loop.close();
    }

    @Test
    void aMachineAwaitingADonePromiseAllocatesNothingPerAwait() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> done = loop.createPromise();
        done.setResult("ready");
        long few = Long.MAX_VALUE;
        long many = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            few = Math.min(few, allocationsOfATaskAwaiting(loop, done, 10));
            many = Math.min(many, allocationsOfATaskAwaiting(loop, done, 100_000));
        }
        assertTrue(many - few < 1024, "100000 awaits cost " + many + " bytes, 10 awaits " + few);
        loop.close();
    }

    private static long allocationsOfATaskAwaiting(EventLoop loop, Promise<String> done, int times) {
        Runnable body = () -> loop.runUntilComplete(new AwaitRepeatedly(done, times));
        return Allocations.allocatedBy(body);
    }

    /** Awaits the same promise {@code times} times in one step: the generated shape of a loop. */
    private static final class AwaitRepeatedly extends StateMachine<Integer> {
        private final Promise<String> promise;
        private final int times;
        private int i;

        AwaitRepeatedly(Promise<String> promise, int times) {
            this.promise = promise;
            this.times = times;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            if (failure != null) {
                throw failure;
            }
            while (i < times) {
                if ($await(promise, 1) == SUSPENDED) {
                    return SUSPENDED;
                }
                i++;
            }
            return i;
        }
    }

    @Test
    void toStringShowsTheState() {
        EventLoop loop = EventLoop.virtual();
        Promise<Integer> p = loop.createPromise();
        assertEquals("Promise[pending]", p.toString());
        p.setResult(1);
        assertEquals("Promise[finished, result=1]", p.toString());
        Promise<Integer> f = loop.createPromise();
        f.setException(new IllegalArgumentException("bad"));
        assertEquals("Promise[finished, exception=java.lang.IllegalArgumentException: bad]", f.toString());
        f.exception();
        Promise<Integer> c = loop.createPromise();
        c.cancel();
        assertEquals("Promise[cancelled]", c.toString());
        loop.close();
    }
}
