package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.catching;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Twins.describe;
import static dev.baton.runtime.Twins.py;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Task}: cancellation and errors against {@code twins/core/task.py}, and every public method. */
class TaskTest {
    private final List<String> out = new ArrayList<>();

    private static List<String> twin(String scenario) {
        return Twins.section("core/task", scenario);
    }

    /** The twin's {@code sleeper(name, delay, swallow)}. */
    private Coroutine<Object> sleeper(String name, double delay, Object swallow) {
        return catching(
                (v, f) -> sleep(delay),
                (v, f) -> {
                    if (f instanceof CancelledException) {
                        out.add(name + " got " + describe(f) + ", cancelling " + Baton.currentTask().cancelling());
                        if (swallow != null) {
                            return Baton.done(swallow);
                        }
                    }
                    if (f != null) {
                        throw f;
                    }
                    return Baton.done(name + " slept");
                });
    }

    private Coroutine<Object> sleeper(String name) {
        return sleeper(name, 10, null);
    }

    @Test
    void cancelWithAMessage() {
        Object[] t = new Object[1];
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    t[0] = Baton.spawn(sleeper("t"));
                    return sleep(0);
                },
                (v, f) -> {
                    Task<?> task = (Task<?>) t[0];
                    boolean cancelled = task.cancel("why");
                    out.add("cancel " + py(cancelled) + " cancelling " + task.cancelling()
                            + " cancelled " + py(task.isCancelled()));
                    return task;
                },
                (v, f) -> {
                    Task<?> task = (Task<?>) t[0];
                    out.add("awaiter got " + describe(f));
                    out.add("cancelled " + py(task.isCancelled()) + " done " + py(task.isDone()));
                    try {
                        task.result();
                    } catch (CancelledException e) {
                        out.add("result() raises " + describe(e));
                    }
                    boolean again = task.cancel();
                    out.add("cancel again " + py(again) + " cancelling " + task.cancelling());
                    return null;
                }));
        assertEquals(twin("cancel_msg"), out);
    }

    @Test
    void cancelBeforeTheFirstStepNeverRunsTheBody() {
        boolean[] ran = {false};
        Object[] t = new Object[1];
        EventLoop.runVirtual(script(
                r -> {
                    Task<Object> task = Baton.spawn(script(x -> {
                        ran[0] = true;
                        return null;
                    }));
                    t[0] = task;
                    boolean cancelled = task.cancel("early");
                    out.add("cancel " + py(cancelled) + " cancelling " + task.cancelling());
                    return sleep(0);
                },
                r -> {
                    Task<?> task = (Task<?>) t[0];
                    out.add("cancelled " + py(task.isCancelled()) + " ran " + py(ran[0]));
                    try {
                        task.result();
                    } catch (CancelledException e) {
                        out.add("result() raises " + describe(e));
                    }
                    return null;
                }));
        assertEquals(twin("cancel_before_start"), out);
    }

    @Test
    void cancellingTwiceCountsTwoRequests() {
        Coroutine<Object> stubborn = catching(
                (v, f) -> sleep(10),
                (v, f) -> {
                    Task<?> me = Baton.currentTask();
                    out.add("caught " + describe(f) + " cancelling " + me.cancelling());
                    out.add("uncancel " + me.uncancel());
                    out.add("uncancel " + me.uncancel());
                    out.add("uncancel " + me.uncancel());
                    return sleep(0);
                },
                (v, f) -> Baton.done("finished"));
        Object[] t = new Object[1];
        EventLoop.runVirtual(script(
                r -> {
                    t[0] = Baton.spawn(stubborn);
                    return sleep(0);
                },
                r -> {
                    Task<?> task = (Task<?>) t[0];
                    out.add("cancel " + py(task.cancel("one")));
                    out.add("cancel " + py(task.cancel("two")));
                    out.add("cancelling " + task.cancelling());
                    return task;
                },
                r -> {
                    out.add("result " + r);
                    return null;
                }));
        assertEquals(twin("cancel_twice"), out);
    }

    @Test
    void uncancelWithdrawsAPendingSelfCancellation() {
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<?> me = Baton.currentTask();
                    boolean cancelled = me.cancel();
                    out.add("self cancel " + py(cancelled) + " cancelling " + me.cancelling());
                    out.add("uncancel " + me.uncancel());
                    return sleep(0);
                },
                (v, f) -> {
                    if (f != null) {
                        throw f;
                    }
                    out.add("not cancelled");
                    Baton.currentTask().cancel("late");
                    return sleep(0);
                },
                (v, f) -> {
                    out.add("caught " + describe(f));
                    Baton.currentTask().uncancel();
                    return null;
                }));
        assertEquals(twin("self_cancel_and_uncancel"), out);
    }

    @Test
    void cancellingATaskAwaitingAnotherCancelsThatOne() {
        Object[] held = new Object[2];
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> inner = Baton.spawn(sleeper("inner"));
                    held[0] = inner;
                    held[1] = Baton.spawn(catching(
                            (w, g) -> inner,
                            (w, g) -> {
                                if (g instanceof CancelledException) {
                                    out.add("outer got " + describe(g));
                                }
                                if (g != null) {
                                    throw g;
                                }
                                return Baton.done(w);
                            }));
                    return sleep(0);
                },
                (v, f) -> {
                    out.add("cancel outer " + py(((Task<?>) held[1]).cancel("m")));
                    return (Task<?>) held[1];
                },
                (v, f) -> {
                    out.add("main got " + describe(f));
                    out.add("inner cancelled " + py(((Task<?>) held[0]).isCancelled())
                            + " outer cancelled " + py(((Task<?>) held[1]).isCancelled()));
                    return null;
                }));
        assertEquals(twin("cancel_chain"), out);
    }

    @Test
    void aTaskMaySwallowItsCancellation() {
        Object[] t = new Object[1];
        EventLoop.runVirtual(script(
                r -> {
                    t[0] = Baton.spawn(sleeper("t", 10, "kept"));
                    return sleep(0);
                },
                r -> {
                    ((Task<?>) t[0]).cancel();
                    return (Task<?>) t[0];
                },
                r -> {
                    Task<?> task = (Task<?>) t[0];
                    out.add("result " + r + " cancelled " + py(task.isCancelled()) + " cancelling " + task.cancelling());
                    return null;
                }));
        assertEquals(twin("swallow"), out);
    }

    @Test
    void aCancelRequestedWhileRunningCancelsTheTaskAtItsEnd() {
        Object[] t = new Object[1];
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> task = Baton.spawn(script(x -> {
                        Baton.currentTask().cancel("on the way out");
                        return Baton.done("value");
                    }));
                    t[0] = task;
                    return task;
                },
                (v, f) -> {
                    out.add("got " + describe(f) + " cancelled " + py(((Task<?>) t[0]).isCancelled()));
                    return null;
                }));
        assertEquals(twin("cancel_while_running_completes_cancelled"), out);
    }

    @Test
    void misuseFailsWithAsyncioMessages() {
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> t = Baton.spawn(sleeper("t", 0, null));
                    out.add(describe(assertThrows(IllegalStateException.class, () -> t.setResult(1))));
                    out.add(describe(assertThrows(IllegalStateException.class,
                            () -> t.setException(new IllegalArgumentException()))));
                    return t;
                },
                (v, f) -> Baton.spawn(script(x -> Baton.currentTask())),
                (v, f) -> {
                    out.add(describe(f).split(":")[0]);
                    return null;
                }));
        assertEquals(twin("errors"), out);
    }

    @Test
    void aFailingTaskPassesItsExceptionOn() {
        Object[] t = new Object[1];
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> task = Baton.spawn(script(x -> sleep(0), x -> {
                        throw new IllegalArgumentException("boom");
                    }));
                    t[0] = task;
                    return task;
                },
                (v, f) -> {
                    out.add("awaiter got " + describe(f));
                    Task<?> task = (Task<?>) t[0];
                    out.add("exception() " + describe(task.exception()) + " cancelled " + py(task.isCancelled()));
                    return null;
                }));
        assertEquals(twin("failure"), out);
    }

    @Test
    void currentTaskInATaskAndInACallback() {
        EventLoop.runVirtual(script(r -> {
            Task<?> me = Baton.currentTask();
            out.add("current in task " + py(Baton.currentTask() == me));
            EventLoop.current().callSoon(() -> out.add("current in callback "
                    + (Baton.currentTask() == null ? "None" : Baton.currentTask())));
            return sleep(0);
        }));
        assertEquals(twin("current"), out);
    }

    /** The twin's {@code blocked(name, op)}: awaits {@code op}, reporting a cancellation. */
    private Coroutine<Object> blocked(String name, java.util.function.Supplier<Awaitable<?>> op) {
        return catching(
                (v, f) -> op.get(),
                (v, f) -> {
                    if (f != null) {
                        out.add(name + " got " + describe(f) + " cancelling " + Baton.currentTask().cancelling());
                        throw f;
                    }
                    return Baton.done(name + " done");
                });
    }

    @Test
    void aTaskBlockedInAPrimitiveAndCancelledTwiceSeesTheFirstMessage() {
        Lock lock = new Lock();
        Event event = new Event();
        Queue<String> queue = new Queue<>();
        List<Task<Object>> tasks = new ArrayList<>();
        Object[] late = new Object[2];
        EventLoop.runVirtual(script(
                r -> lock.acquire(),
                r -> {
                    tasks.add(spawn(blocked("lock", lock::acquire)));
                    tasks.add(spawn(blocked("event", event::waitSet)));
                    tasks.add(spawn(blocked("queue", queue::get)));
                    return sleep(0);
                },
                r -> {
                    for (Task<Object> t : tasks) {
                        out.add("cancel " + py(t.cancel("one")) + " " + py(t.cancel("two"))
                                + " cancelling " + t.cancelling());
                    }
                    return sleep(0);
                },
                r -> {
                    List<Boolean> cancelled = new ArrayList<>();
                    for (Task<Object> t : tasks) {
                        cancelled.add(t.isCancelled());
                    }
                    out.add("cancelled " + py(cancelled));
                    late[0] = spawn(blocked("late", lock::acquire));
                    late[1] = spawn(blocked("next", lock::acquire));
                    return sleep(0);
                },
                r -> {
                    lock.release();
                    out.add("cancel late " + py(((Task<?>) late[0]).cancel("late")));
                    return sleep(0);
                },
                r -> {
                    Task<?> next = (Task<?>) late[1];
                    out.add("late cancelled " + py(((Task<?>) late[0]).isCancelled()) + " next "
                            + (next.isDone() ? next.result() : "pending") + " locked " + py(lock.locked()));
                    return null;
                }));
        assertEquals(twin("cancel_blocked_twice"), out);
    }

    @Test
    void cancellingAFailedTaskMarksItsExceptionRetrieved() {
        EventLoop.runVirtual(script(
                r -> {
                    EventLoop.current().setExceptionHandler((l, c) -> out.add("handler: " + c.message()));
                    Task<Object> t = Baton.spawn(Machines.failing(new IllegalArgumentException("silenced")));
                    return script(x -> Baton.sleep(0), x -> {
                        out.add("cancel " + py(t.cancel()) + " done " + py(t.isDone()));
                        out.add("main done");
                        return null;
                    });
                }));
        assertEquals(twin("cancel_marks_retrieved"), out);
    }

    // ---- Java-only checks ----

    @Test
    void namesAreTaskNPerLoopCountingUnnamedTasksOnly() {
        EventLoop loop = EventLoop.virtual();
        Task<Void> first = loop.createTask(Baton.done());
        Task<Void> named = loop.createTask(Baton.done(), "worker");
        Task<Void> third = loop.createTask(Baton.done());
        assertEquals("Task-1", first.name());
        assertEquals("worker", named.name());
        assertEquals("Task-2", third.name(), "a named task takes no number (CPython 3.13)");
        third.setName("renamed");
        assertEquals("renamed", third.name());
        third.setName(null);
        assertEquals("Task-2", third.name());
        named.setName(null);
        assertEquals("Task-3", named.name(), "a task made with a name takes a number when it needs one");
        named.setName("again");
        named.setName(null);
        assertEquals("Task-3", named.name());
        loop.runUntilComplete(third);
        loop.close();
        EventLoop other = EventLoop.virtual();
        assertEquals("Task-1", other.createTask(Baton.done()).name(), "the count is per loop");
        other.close();
    }

    @Test
    void aTaskResumesAfterItsPromiseOnTheNextStep() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> p = loop.createPromise();
        Task<Object> task = loop.createTask(script(r -> p, r -> {
            out.add("resumed with " + r);
            return null;
        }));
        loop.callSoon(() -> {
            p.setResult("x");
            out.add("set");
            loop.callSoon(() -> out.add("callback scheduled after the result"));
        });
        loop.runUntilComplete(task);
        assertEquals(List.of("set", "resumed with x", "callback scheduled after the result"), out);
        loop.close();
    }

    @Test
    void theResultOfATaskIsItsCoroutines() {
        EventLoop loop = EventLoop.virtual();
        Task<Object> t = loop.createTask(script(r -> sleep(1), r -> Baton.done(42)));
        assertFalse(t.isDone());
        assertThrows(IllegalStateException.class, t::result);
        assertEquals(42, loop.runUntilComplete(t));
        assertEquals(42, t.result());
        assertEquals(null, t.exception());
        assertFalse(t.cancel());
        loop.close();
    }

    @Test
    void anExceptionRetrievedThroughAwaitIsNotReported() {
        List<String> reported = new ArrayList<>();
        assertThrows(IllegalArgumentException.class, () -> EventLoop.runVirtual(script(r -> {
            EventLoop.current().setExceptionHandler((l, c) -> reported.add(c.message()));
            return Baton.spawn(Machines.failing(new IllegalArgumentException("seen")));
        })));
        assertEquals(List.of(), reported);
    }

    @Test
    void cancelReturnsFalseOnceDoneAndDoesNotCount() {
        EventLoop loop = EventLoop.virtual();
        Task<Object> t = loop.createTask(Baton.done("x"));
        loop.runUntilComplete(t);
        assertFalse(t.cancel("late"));
        assertEquals(0, t.cancelling());
        assertEquals(0, t.uncancel());
        loop.close();
    }

    @Test
    void aTaskCancelledInsideAGatheredChildIsNotTheParentsCancellation() {
        // a cancellation raised by an awaited task is delivered as that task's CancelledException
        Object[] inner = new Object[1];
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> t = Baton.spawn(sleeper("inner"));
                    inner[0] = t;
                    EventLoop.current().callLater(1, () -> t.cancel("inner only"));
                    return t;
                },
                (v, f) -> {
                    assertTrue(f instanceof CancelledException);
                    assertEquals("inner only", f.getMessage());
                    assertEquals(0, Baton.currentTask().cancelling());
                    return null;
                }));
    }

    @Test
    void toStringShowsStateCancellingNameCoroutineAndWhatItWaitsOn() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> p = loop.createPromise();
        Task<Object> t = loop.createTask(script(r -> p), "worker");
        assertTrue(t.toString().startsWith("Task[pending, name=worker, coro=dev.baton.runtime.Machines$Script@"),
                t.toString());
        loop.runUntilComplete(sleep(0));
        assertTrue(t.toString().endsWith(", waiting on Promise[pending]]"), t.toString());
        t.cancel();
        assertTrue(t.toString().startsWith("Task[pending, cancelling=1, name=worker"), t.toString());
        loop.runUntilComplete(sleep(0));
        assertTrue(t.toString().startsWith("Task[cancelled, name=worker"), t.toString());
        Task<Object> done = loop.createTask(Baton.done("v"));
        loop.runUntilComplete(done);
        assertEquals("Task[finished, result=v, name=Task-3]", done.toString(), "a done task lets its coroutine go");
        loop.close();
    }

    @Test
    void theTaskIsItsCoroutinesPromise() {
        EventLoop loop = EventLoop.virtual();
        Task<Object> t = loop.createTask(script(r -> sleep(1)));
        assertSame(loop, t.loop());
        List<Object> seen = new ArrayList<>();
        t.addDoneCallback(seen::add);
        loop.runUntilComplete(t);
        loop.runUntilComplete(sleep(0));
        assertEquals(List.of(t), seen);
        loop.close();
    }

    @Test
    void taskNumbersPastIntegerMaxValueKeepCounting() throws Exception {
        EventLoop loop = EventLoop.virtual();
        Field counter = EventLoop.class.getDeclaredField("taskCounter");
        counter.setAccessible(true);
        counter.setLong(loop, Integer.MAX_VALUE - 1L);
        Task<?>[] tasks = new Task<?>[3];
        loop.runUntilComplete(script(r -> {
            for (int i = 0; i < tasks.length; i++) {
                tasks[i] = spawn(script(x -> sleep(0)));
            }
            return sleep(0);
        }));
        assertEquals("Task-2147483648", tasks[0].name()); // the main task was 2147483647
        assertEquals("Task-2147483649", tasks[1].name());
        tasks[1].setName("renamed");
        assertEquals("renamed", tasks[1].name());
        tasks[1].setName(null);
        assertEquals("Task-2147483649", tasks[1].name());
        assertEquals("Task-2147483650", tasks[2].name());
        loop.close();
    }
}
