package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.waitAll;
import static dev.baton.runtime.Baton.waitTasks;
import static dev.baton.runtime.Machines.catching;
import static dev.baton.runtime.Machines.repeat;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Twins.py;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.runtime.Baton.ReturnWhen;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Baton#waitTasks} and {@link Baton#waitAll}: scenarios against {@code twins/combinators/wait.py}. */
class WaitTasksTest {
    private final List<String> out = new ArrayList<>();
    private double t0;

    private static List<String> twin(String scenario) {
        return Twins.section("combinators/wait", scenario);
    }

    /** Runs a scenario as the twin's {@code main}: the loop's handler prints what it gets. */
    private void run(Coroutine<?> scenario) {
        EventLoop.runVirtual(script(
                r -> {
                    EventLoop.current().setExceptionHandler((loop, context) -> out.add("handler: " + context.message()));
                    t0 = EventLoop.current().time();
                    return scenario;
                }));
    }

    private Coroutine<Object> child(String name, double delay, boolean fail) {
        return catching(
                (v, f) -> sleep(delay),
                (v, f) -> {
                    if (f instanceof CancelledException) {
                        out.add(name + " cancelled");
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

    private Task<Object> spawn(String name, double delay) {
        return spawn(name, delay, false);
    }

    private Task<Object> spawn(String name, double delay, boolean fail) {
        return Baton.spawn(child(name, delay, fail), name);
    }

    private static String names(Collection<Promise<?>> tasks) {
        return tasks.stream().map(t -> ((Task<?>) t).name()).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private String now() {
        return String.format(Locale.ROOT, "%.1f", EventLoop.current().time() - t0);
    }

    /** The twin's {@code report}: awaits the wait and prints when, what is done, what is pending. */
    private Coroutine<WaitResult> report(Awaitable<WaitResult> wait) {
        return script(
                r -> wait,
                r -> {
                    WaitResult result = (WaitResult) r;
                    out.add("at " + now() + " done " + names(result.done()) + " pending " + names(result.pending()));
                    return null;
                });
    }

    @Test
    void allCompleted() {
        run(script(r -> report(waitAll(spawn("a", 0.2), spawn("b", 0.1, true), spawn("c", 0.3)))));
        assertEquals(twin("all_completed"), out);
    }

    @Test
    void firstCompleted() {
        run(script(
                r -> report(waitTasks(List.of(spawn("a", 0.2), spawn("b", 0.1), spawn("c", 0.3)),
                        ReturnWhen.FIRST_COMPLETED)),
                r -> report(waitTasks(((WaitResult) r).pending(), ReturnWhen.ALL_COMPLETED))));
        assertEquals(twin("first_completed"), out);
    }

    @Test
    void firstExceptionIgnoresCancellations() {
        run(script(
                r -> report(waitTasks(List.of(spawn("a", 0.3), spawn("b", 0.1, true), spawn("c", 0.2)),
                        ReturnWhen.FIRST_EXCEPTION)),
                r -> {
                    Task<Object> x = spawn("x", 10);
                    EventLoop.current().callLater(0.1, x::cancel);
                    return report(waitTasks(List.of(x, spawn("y", 0.2)), ReturnWhen.FIRST_EXCEPTION));
                },
                r -> sleep(0.2)));
        assertEquals(twin("first_exception"), out);
    }

    @Test
    void timeoutReturnsPendingWithoutCancelling() {
        run(script(
                r -> report(waitTasks(List.of(spawn("a", 0.1), spawn("b", 0.3)), ReturnWhen.ALL_COMPLETED, 0.2)),
                r -> {
                    WaitResult result = (WaitResult) r;
                    out.add("cancelled " + result.pending().stream().map(p -> py(p.isCancelled()))
                            .collect(Collectors.joining(", ", "[", "]")));
                    return report(waitTasks(result.pending(), ReturnWhen.ALL_COMPLETED, 1));
                },
                r -> report(waitTasks(List.of(spawn("z", 0)), ReturnWhen.ALL_COMPLETED, 0))));
        assertEquals(twin("timeout"), out);
    }

    @Test
    void badArgumentsFailWithAsyncioMessages() {
        run(script(r -> {
            IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                    () -> waitTasks(List.of(), ReturnWhen.ALL_COMPLETED));
            out.add("ValueError " + empty.getMessage());
            IllegalArgumentException coroutine = assertThrows(IllegalArgumentException.class,
                    () -> waitAll(child("coro", 0, false)));
            out.add("TypeError " + coroutine.getMessage());
            return null;
        }));
        assertEquals(twin("errors"), out);
    }

    @Test
    void moreBadArguments() {
        assertThrows(IllegalArgumentException.class, Baton::waitAll);
        assertThrows(NullPointerException.class, () -> waitAll((Awaitable<?>[]) null));
        assertThrows(NullPointerException.class, () -> waitTasks(null, ReturnWhen.ALL_COMPLETED));
        EventLoop loop = EventLoop.virtual();
        Promise<Object> p = loop.createPromise();
        IllegalArgumentException when = assertThrows(IllegalArgumentException.class, () -> waitTasks(List.of(p), null));
        assertEquals("Invalid return_when value: null", when.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> waitTasks(List.of(p), ReturnWhen.ALL_COMPLETED, Double.NaN));
        assertThrows(NullPointerException.class, () -> waitAll(p, null));
        Awaitable<Void> operation = machine -> null; // like lock.acquire(): a coroutine in asyncio
        IllegalArgumentException notAPromise = assertThrows(IllegalArgumentException.class, () -> waitAll(operation));
        assertEquals("Passing coroutines is forbidden, use tasks explicitly.", notAPromise.getMessage());
        loop.close();
    }

    @Test
    void cancellingTheWaiterLeavesThePromisesRunning() {
        Object[] held = new Object[2];
        run(catching(
                (v, f) -> {
                    Task<Object> a = spawn("a", 0.2);
                    held[0] = a;
                    held[1] = Baton.spawn(report(waitAll(a)));
                    return sleep(0.1);
                },
                (v, f) -> {
                    ((Task<?>) held[1]).cancel();
                    return (Task<?>) held[1];
                },
                (v, f) -> {
                    if (!(f instanceof CancelledException)) {
                        throw new AssertionError("expected CancelledException", f);
                    }
                    out.add("waiter cancelled at " + now() + ", a done " + py(((Task<?>) held[0]).isDone()));
                    return (Task<?>) held[0];
                },
                (v, f) -> {
                    out.add("a done at " + now());
                    return null;
                }));
        assertEquals(twin("cancel_waiter"), out);
    }

    @Test
    void doneCallbacksCostLoopTripsEvenForDonePromises() {
        Object[] tick = new Object[1];
        run(script(
                r -> {
                    tick[0] = Baton.spawn(repeat(5, i -> {
                        out.add("tick " + i);
                        return sleep(0);
                    }));
                    Promise<Integer> f = EventLoop.current().createPromise();
                    f.setResult(1);
                    Promise<Integer> g = EventLoop.current().createPromise();
                    g.setResult(2);
                    out.add("waiting on done futures");
                    return waitAll(f, g, f);
                },
                r -> {
                    WaitResult result = (WaitResult) r;
                    out.add("resumed done " + result.done().size() + " pending " + result.pending().size());
                    return (Task<?>) tick[0];
                }));
        assertEquals(twin("wakeup_order"), out);
    }

    @Test
    void callbacksAreRemovedWhenTheWaitReturns() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> a = loop.createPromise();
        Promise<String> b = loop.createPromise();
        loop.callLater(0.1, () -> a.setResult("a"));
        WaitResult result = loop.runUntilComplete(script(r -> waitTasks(List.of(a, b), ReturnWhen.FIRST_COMPLETED)));
        assertEquals(List.of(a), List.copyOf(result.done()));
        assertEquals(List.of(b), List.copyOf(result.pending()));
        assertEquals("WaitResult[done=1, pending=1]", result.toString());
        assertThrows(UnsupportedOperationException.class, () -> result.done().clear());
        // the wait's callback is gone from b: completing it schedules nothing
        b.setResult("b");
        assertEquals("EventLoop[idle, virtual clock, ready=0, timers=0, tasks=0]", loop.toString());
        loop.close();
    }

    @Test
    void doneAndPendingKeepArgumentOrder() {
        EventLoop loop = EventLoop.virtual();
        List<Promise<Integer>> promises = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            promises.add(loop.createPromise());
        }
        for (int i : new int[] {4, 1, 3}) {
            promises.get(i).setResult(i);
        }
        WaitResult result = loop.runUntilComplete(
                script(r -> waitTasks(promises, ReturnWhen.FIRST_COMPLETED)));
        assertEquals(List.of(promises.get(1), promises.get(3), promises.get(4)), List.copyOf(result.done()));
        assertEquals(List.of(promises.get(0), promises.get(2), promises.get(5)), List.copyOf(result.pending()));
        loop.close();
    }

    @Test
    void toStringDescribesTheWait() {
        EventLoop loop = EventLoop.virtual();
        Promise<Object> p = loop.createPromise();
        assertEquals("waitTasks[FIRST_EXCEPTION, promises=1]", waitTasks(List.of(p, p), ReturnWhen.FIRST_EXCEPTION).toString());
        assertEquals("waitTasks[ALL_COMPLETED, promises=1, timeout=2.5]",
                waitTasks(List.of(p), ReturnWhen.ALL_COMPLETED, 2.5).toString());
        loop.close();
    }
}
