package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.waitFor;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.cancelledOrRethrow;
import static dev.baton.runtime.Machines.coroutine;
import static dev.baton.runtime.Machines.guarded;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Machines.task;
import static dev.baton.runtime.Twins.assertTranscript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.runtime.Machines.Ref;
import dev.baton.runtime.Twins.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CPython 3.13's test_locks.ConditionTests, ported; expected output from twins/locks/condition.py. */
@Timeout(10)
class ConditionTest {
    private static final String TWIN = "locks/condition";

    private final Transcript out = new Transcript();
    private final Condition cond = new Condition();

    /** {@code await cond.acquire(); if await cond.wait(): result.append(n); [cond.release()]; return True}. */
    private Coroutine<Boolean> waitAndAppend(List<Integer> result, int n, boolean release) {
        return script(
                r -> cond.acquire(),
                r -> cond.waitNotified(),
                r -> {
                    if ((Boolean) r) {
                        result.add(n);
                        if (release) {
                            cond.release();
                        }
                    }
                    return Baton.done(true);
                });
    }

    @Test
    void testWait() {
        List<Integer> result = new ArrayList<>();
        List<Task<Boolean>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    for (int n = 1; n <= 3; n++) {
                        tasks.add(spawn(waitAndAppend(result, n, false)));
                    }
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result, cond.locked());
                    return cond.acquire();
                },
                r -> {
                    out.print("acquire", r);
                    cond.notify(1);
                    return sleep(0);
                },
                r -> {
                    out.print("notify(1)+sleep", result, cond.locked());
                    cond.release();
                    return sleep(0);
                },
                r -> {
                    out.print("release+sleep", result, cond.locked());
                    cond.notify(2);
                    return sleep(0);
                },
                r -> {
                    out.print("notify(2)+sleep", result, cond.locked());
                    cond.release();
                    return sleep(0);
                },
                r -> {
                    out.print("release+sleep", result, cond.locked());
                    cond.release();
                    return sleep(0);
                },
                r -> {
                    out.print("release+sleep", result, cond.locked());
                    for (Task<Boolean> t : tasks) {
                        out.print("task", t.isDone(), t.result());
                    }
                    return null;
                }));
        assertTranscript(TWIN, "test_wait", out);
    }

    @Test
    void testWaitCancel() {
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    return f.await(cond.acquire(), 1);
                case 1: {
                    Task<Boolean> wait = task(cond.waitNotified());
                    EventLoop.current().callSoon(() -> wait.cancel());
                    return f.await(wait, 2);
                }
                default:
                    out.print(cancelledOrRethrow(x));
                    out.print("waiters", cond.waiters.size(), "locked", cond.locked());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_wait_cancel", out);
    }

    @Test
    void testWaitCancelContested() {
        Ref<Task<Boolean>> waitTask = new Ref<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    return f.await(cond.acquire(), 1);
                case 1:
                    out.print("locked", cond.locked());
                    waitTask.set(task(cond.waitNotified()));
                    return f.await(sleep(0), 2);
                case 2:
                    out.print("locked", cond.locked());
                    return f.await(cond.acquire(), 3);
                case 3:
                    out.print("locked", cond.locked());
                    cond.notify(1);
                    EventLoop.current().callSoon(() -> waitTask.get().cancel());
                    EventLoop.current().callSoon(cond::release);
                    return f.await(waitTask.get(), 4);
                default:
                    out.print(x == null ? "wait_task returned" : "wait_task " + cancelledOrRethrow(x));
                    out.print("locked", cond.locked());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_wait_cancel_contested", out);
    }

    @Test
    void testWaitCancelAfterNotify() {
        boolean[] waited = {false};
        Ref<Task<Object>> waiter = new Ref<>();
        EventLoop.runVirtual(script(
                r -> {
                    waiter.set(spawn(guarded(cond, (g, gv, gx) -> {
                        if (g.state() == 0) {
                            waited[0] = true;
                            return g.await(cond.waitNotified(), 1);
                        }
                        if (gx != null) {
                            throw gx;
                        }
                        return null;
                    })));
                    return sleep(0);
                },
                r -> cond.acquire(),
                r -> {
                    cond.notify(1);
                    return sleep(0);
                },
                r -> {
                    waiter.get().cancel();
                    return sleep(0);
                },
                r -> {
                    cond.release();
                    return sleep(0);
                },
                r -> {
                    out.print("cancelled", waiter.get().isCancelled(), "waited", waited[0],
                            "locked", cond.locked());
                    return null;
                }));
        assertTranscript(TWIN, "test_wait_cancel_after_notify", out);
    }

    @Test
    void testWaitUnacquired() {
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            if (f.state() == 0) {
                return f.await(cond.waitNotified(), 1);
            }
            assertInstanceOf(IllegalStateException.class, x);
            out.print("RuntimeError", x.getMessage());
            out.print("waiters", cond.waiters.size());
            return null;
        }));
        assertTranscript(TWIN, "test_wait_unacquired", out);
    }

    @Test
    void testWaitFor() {
        boolean[] presult = {false};
        List<Boolean> calls = new ArrayList<>();
        BooleanSupplier predicate = () -> {
            calls.add(presult[0]);
            return presult[0];
        };
        List<Integer> result = new ArrayList<>();
        Ref<Task<Boolean>> t = new Ref<>();
        EventLoop.runVirtual(script(
                r -> {
                    t.set(spawn(script(
                            x -> cond.acquire(),
                            x -> cond.waitFor(predicate),
                            x -> {
                                if ((Boolean) x) {
                                    result.add(1);
                                    cond.release();
                                }
                                return Baton.done(true);
                            })));
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result, "predicate calls", calls.size());
                    return cond.acquire();
                },
                r -> {
                    cond.notify(1);
                    cond.release();
                    return sleep(0);
                },
                r -> {
                    out.print("notified, predicate false", result, "predicate calls", calls.size());
                    presult[0] = true;
                    return cond.acquire();
                },
                r -> {
                    cond.notify(1);
                    cond.release();
                    return sleep(0);
                },
                r -> {
                    out.print("notified, predicate true", result, "predicate calls", calls.size());
                    out.print("task", t.get().isDone(), t.get().result());
                    return null;
                }));
        assertTranscript(TWIN, "test_wait_for", out);
    }

    @Test
    void testWaitForUnacquired() {
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    return f.await(cond.waitFor(() -> true), 1);
                case 1:
                    if (x != null) {
                        throw x;
                    }
                    out.print("wait_for true", v);
                    return f.await(cond.waitFor(() -> false), 2);
                default:
                    assertInstanceOf(IllegalStateException.class, x);
                    out.print("RuntimeError", x.getMessage());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_wait_for_unacquired", out);
    }

    @Test
    void testNotify() {
        List<Integer> result = new ArrayList<>();
        List<Task<Boolean>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    for (int n = 1; n <= 3; n++) {
                        tasks.add(spawn(waitAndAppend(result, n, true)));
                    }
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result);
                    return cond.acquire();
                },
                r -> {
                    cond.notify(1);
                    cond.release();
                    return sleep(0);
                },
                r -> {
                    out.print("notify(1)", result);
                    return cond.acquire();
                },
                r -> {
                    cond.notify(1);
                    cond.notify(2048);
                    cond.release();
                    return sleep(0);
                },
                r -> {
                    out.print("notify(1), notify(2048)", result);
                    for (Task<Boolean> t : tasks) {
                        out.print("task", t.isDone(), t.result());
                    }
                    return null;
                }));
        assertTranscript(TWIN, "test_notify", out);
    }

    @Test
    void testNotifyAll() {
        List<Integer> result = new ArrayList<>();
        List<Task<Boolean>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    tasks.add(spawn(waitAndAppend(result, 1, true)));
                    tasks.add(spawn(waitAndAppend(result, 2, true)));
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result);
                    return cond.acquire();
                },
                r -> {
                    cond.notifyAllWaiters();
                    cond.release();
                    return sleep(0);
                },
                r -> {
                    out.print("notify_all", result);
                    for (Task<Boolean> t : tasks) {
                        out.print("task", t.isDone(), t.result());
                    }
                    return null;
                }));
        assertTranscript(TWIN, "test_notify_all", out);
    }

    @Test
    void testNotifyZeroOrNegative() {
        List<Integer> result = new ArrayList<>();
        Ref<Task<Object>> t1 = new Ref<>();
        EventLoop.runVirtual(script(
                r -> {
                    t1.set(spawn(guarded(cond, (g, gv, gx) -> {
                        if (g.state() == 0) {
                            return g.await(cond.waitNotified(), 1);
                        }
                        if (gx != null) {
                            throw gx;
                        }
                        result.add(1);
                        return null;
                    })));
                    return sleep(0);
                },
                r -> guarded(cond, (g, gv, gx) -> {
                    cond.notify(0);
                    cond.notify(-1);
                    return null;
                }),
                r -> sleep(0),
                r -> {
                    out.print("after notify(0), notify(-1)", result, "waiters", cond.waiters.size());
                    return guarded(cond, (g, gv, gx) -> {
                        cond.notifyAllWaiters();
                        return null;
                    });
                },
                r -> t1.get(),
                r -> {
                    out.print("after notify_all", result);
                    return null;
                }));
        assertTranscript(TWIN, "test_notify_zero_or_negative", out);
    }

    @Test
    void testNotifyUnacquired() {
        EventLoop.runVirtual(script(r -> {
            out.print("RuntimeError", assertThrows(IllegalStateException.class, () -> cond.notify(1)).getMessage());
            out.print("RuntimeError", assertThrows(IllegalStateException.class, cond::notifyAllWaiters).getMessage());
            return null;
        }));
        assertTranscript(TWIN, "test_notify_unacquired", out);
    }

    @Test
    void testContextManager() {
        EventLoop.runVirtual(script(
                r -> {
                    out.print("locked", cond.locked());
                    return guarded(cond, (g, gv, gx) -> {
                        out.print("inside", cond.locked());
                        return null;
                    });
                },
                r -> {
                    out.print("locked", cond.locked());
                    return null;
                }));
        assertTranscript(TWIN, "test_context_manager", out);
    }

    @Test
    void testExplicitLock() {
        Lock shared = new Lock();
        EventLoop.runVirtual(script(
                r -> explicitLock(new Lock(), null),
                r -> explicitLock(new Lock(), null),
                r -> explicitLock(shared, new Condition(shared))));
        assertTranscript(TWIN, "test_explicit_lock", out);
    }

    private Coroutine<Object> explicitLock(Lock lock, Condition given) {
        Condition c = given != null ? given : new Condition(lock);
        return script(
                r -> {
                    out.print("start", lock.locked(), c.locked());
                    return guarded(c, (g, gv, gx) -> {
                        out.print("async with cond", lock.locked(), c.locked());
                        return null;
                    });
                },
                r -> {
                    out.print("after", lock.locked(), c.locked());
                    return guarded(lock, (g, gv, gx) -> {
                        out.print("async with lock", lock.locked(), c.locked());
                        return null;
                    });
                },
                r -> {
                    out.print("after", lock.locked(), c.locked());
                    return null;
                });
    }

    @Test
    void testTimeoutInBlock() {
        double[] start = new double[1];
        EventLoop.runVirtual(guarded(cond, (f, v, x) -> {
            switch (f.state()) {
                case 0:
                    start[0] = EventLoop.current().time();
                    return f.await(waitFor(cond.waitNotified(), 0.5), 1);
                default:
                    assertInstanceOf(TimeoutException.class, x);
                    double elapsed = Math.round((EventLoop.current().time() - start[0]) * 10) / 10.0;
                    out.print("TimeoutError after", elapsed, "locked", cond.locked());
                    out.print("waiters", cond.waiters.size());
                    return null;
            }
        }));
        out.print("locked", cond.locked());
        assertTranscript(TWIN, "test_timeout_in_block", out);
    }

    /** The body of test_cancelled_error_wakeup / _re_aquire: catch, report and re-raise. */
    private Coroutine<Object> catchCancelled(boolean[] wake, Ref<Throwable> raised) {
        return guarded(cond, (f, v, x) -> {
            if (f.state() == 0) {
                return f.await(cond.waitFor(() -> wake[0]), 1);
            }
            if (x instanceof CancelledException) {
                out.print("caught", repr(x), "locked", cond.locked());
                raised.set(x);
            }
            throw x != null ? x : new AssertionError("wait_for returned");
        });
    }

    private static String repr(Throwable x) {
        return "CancelledError('" + x.getMessage() + "')";
    }

    @Test
    void testCancelledErrorWakeup() {
        boolean[] wake = {false};
        Ref<Throwable> raised = new Ref<>();
        Ref<Task<Object>> task = new Ref<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    task.set(spawn(catchCancelled(wake, raised)));
                    return f.await(sleep(0), 1);
                case 1:
                    task.get().cancel("foo");
                    return f.await(task.get(), 2);
                default:
                    assertInstanceOf(CancelledException.class, x);
                    out.print("task raised", repr(x), "same instance", x == raised.get());
                    out.print("locked", cond.locked());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_cancelled_error_wakeup", out);
    }

    @Test
    void testCancelledErrorReAquire() {
        boolean[] wake = {false};
        Ref<Throwable> raised = new Ref<>();
        Ref<Task<Object>> task = new Ref<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    task.set(spawn(catchCancelled(wake, raised)));
                    return f.await(sleep(0), 1);
                case 1:
                    return f.await(cond.acquire(), 2);
                case 2:
                    wake[0] = true;
                    cond.notify(1);
                    return f.await(sleep(0), 3);
                case 3:
                    task.get().cancel("foo");
                    cond.release();
                    return f.await(task.get(), 4);
                default:
                    assertInstanceOf(CancelledException.class, x);
                    out.print("task raised", repr(x), "same instance", x == raised.get());
                    out.print("locked", cond.locked());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_cancelled_error_re_aquire", out);
    }

    @Test
    void testCancelledWakeup() {
        cancelledWakeup(false);
        assertTranscript(TWIN, "test_cancelled_wakeup", out);
    }

    @Test
    void testCancelledWakeupRelock() {
        cancelledWakeup(true);
        assertTranscript(TWIN, "test_cancelled_wakeup_relock", out);
    }

    private void cancelledWakeup(boolean relock) {
        int[] state = {0};
        List<Task<Object>> c = new ArrayList<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    c.add(spawn(consumer("c0", state)));
                    c.add(spawn(consumer("c1", state)));
                    return f.await(sleep(0), 1);
                case 1:
                    return f.await(guarded(cond, (g, gv, gx) -> {
                        switch (g.state()) {
                            case 0:
                                state[0]++;
                                cond.notify(1);
                                if (relock) {
                                    return g.await(sleep(0), 1);
                                }
                                // fall through
                            case 1:
                                if (gx != null) {
                                    throw gx;
                                }
                                c.get(0).cancel();
                                return g.await(waitFor(cond.waitFor(() -> state[0] == 0), 0.01), 2);
                            default:
                                if (gx == null) {
                                    out.print("item consumed");
                                } else if (gx instanceof TimeoutException) {
                                    out.print("timed out");
                                } else {
                                    throw gx;
                                }
                                out.print("state", state[0]);
                                state[0] = -1;
                                cond.notifyAllWaiters();
                                return null;
                        }
                    }), 2);
                case 2:
                    if (x != null) {
                        throw x;
                    }
                    return f.await(c.get(1), 3);
                default:
                    if (x != null) {
                        throw x;
                    }
                    out.print("c0 cancelled", c.get(0).isCancelled(), "c1 done", c.get(1).isDone());
                    return null;
            }
        }));
    }

    /** {@code async with condition: while True: await wait_for(state != 0); ...}. */
    private Coroutine<Object> consumer(String name, int[] state) {
        Coroutine<Object> body = guarded(cond, (g, gv, gx) -> {
            if (gx != null) {
                throw gx;
            }
            if (g.state() == 1) {
                if (state[0] < 0) {
                    out.print(name, "sees the end");
                    return null;
                }
                state[0]--;
                out.print(name, "consumed, state", state[0]);
            }
            return g.await(cond.waitFor(() -> state[0] != 0), 1);
        });
        return coroutine((f, v, x) -> {
            if (f.state() == 0) {
                return f.await(body, 1);
            }
            if (x instanceof CancelledException) {
                out.print(name, "cancelled");
            }
            if (x != null) {
                throw x;
            }
            return v;
        });
    }

    @Test
    void testWaitReacquiresFifo() {
        List<Task<Object>> tasks = new ArrayList<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            if (x != null) {
                throw x;
            }
            int state = f.state();
            switch (state) {
                case 0:
                    for (String name : List.of("w1", "w2")) {
                        tasks.add(spawn(guarded(cond, (g, gv, gx) -> {
                            if (g.state() == 0) {
                                out.print(name, "waits");
                                return g.await(cond.waitNotified(), 1);
                            }
                            if (gx != null) {
                                throw gx;
                            }
                            out.print(name, "woke, locked", cond.locked());
                            return null;
                        })));
                    }
                    return f.await(sleep(0), 1);
                case 1:
                    return f.await(cond.acquire(), 2);
                case 2:
                    cond.notifyAllWaiters();
                    tasks.add(spawn(guarded(cond, (g, gv, gx) -> {
                        out.print("acquirer got the lock");
                        return null;
                    })));
                    return f.await(sleep(0), 3);
                case 3:
                    out.print("releasing, lock waiters", cond.lock().waiterCount());
                    cond.release();
                    // fall through
                default:
                    if (state - 3 < tasks.size()) {
                        return f.await(tasks.get(state - 3), state + 1);
                    }
                    out.print("locked", cond.locked());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_wait_reacquires_fifo", out);
    }

    @Test
    void testCancelledWhileWaitingAndWhileReacquiring() {
        Ref<Task<Object>> t = new Ref<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    t.set(spawn(guarded(cond, (g, gv, gx) -> {
                        if (g.state() == 0) {
                            return g.await(cond.waitNotified(), 1);
                        }
                        if (gx instanceof CancelledException) {
                            out.print("waiter caught", repr(gx), "locked", cond.locked());
                        }
                        if (gx != null) {
                            throw gx;
                        }
                        return null;
                    })));
                    return f.await(sleep(0), 1);
                case 1:
                    return f.await(cond.acquire(), 2);
                case 2:
                    t.get().cancel("first");
                    return f.await(sleep(0), 3);
                case 3:
                    out.print("lock waiters", cond.lock().waiterCount(), "cond waiters", cond.waiters.size());
                    t.get().cancel("second");
                    return f.await(sleep(0), 4);
                case 4:
                    out.print("lock waiters", cond.lock().waiterCount());
                    cond.release();
                    return f.await(t.get(), 5);
                default:
                    assertInstanceOf(CancelledException.class, x);
                    out.print("task raised", repr(x));
                    out.print("locked", cond.locked());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_cancelled_while_waiting_and_while_reacquiring", out);
    }

    // ---- beyond the twin ----

    @Test
    void constructorRejectsNull() {
        assertThrows(NullPointerException.class, () -> new Condition(null));
        assertThrows(NullPointerException.class, () -> cond.waitFor(null));
    }

    @Test
    void waitNotifiedIsColdUntilAwaited() {
        EventLoop.runVirtual(script(
                r -> cond.acquire(),
                r -> {
                    cond.waitNotified(); // not awaited: neither releases nor queues
                    assertTrue(cond.locked());
                    assertEquals(0, cond.waiters.size());
                    cond.release();
                    return null;
                }));
    }

    @Test
    void toStringShowsStateAndWaiters() {
        List<String> seen = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    seen.add(cond.toString());
                    spawn(waitAndAppend(new ArrayList<>(), 1, true));
                    spawn(waitAndAppend(new ArrayList<>(), 2, true));
                    return sleep(0);
                },
                r -> {
                    seen.add(cond.toString());
                    return cond.acquire();
                },
                r -> {
                    seen.add(cond.toString());
                    cond.notifyAllWaiters();
                    cond.release();
                    return sleep(0);
                },
                r -> {
                    seen.add(cond.toString());
                    return null;
                }));
        assertEquals(List.of("Condition[unlocked]", "Condition[unlocked, waiters=2]",
                "Condition[locked, waiters=2]", "Condition[unlocked]"), seen);
    }

    @Test
    void foreignThreadIsRefusedWhileTheLoopRuns() {
        List<Throwable> errors = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> cond.acquire(),
                r -> {
                    Threads.runOnOtherThread(errors, cond::release);
                    Threads.runOnOtherThread(errors, cond::locked);
                    Threads.runOnOtherThread(errors, cond::acquire);
                    Threads.runOnOtherThread(errors, () -> cond.notify(1));
                    Threads.runOnOtherThread(errors, cond::notifyAllWaiters);
                    Threads.runOnOtherThread(errors, cond::waitNotified);
                    Threads.runOnOtherThread(errors, () -> cond.waitFor(() -> true));
                    assertTrue(cond.locked(), "a refused release changed the lock");
                    cond.release();
                    return null;
                }));
        assertEquals(7, errors.size(), errors.toString());
        errors.forEach(e -> assertInstanceOf(IllegalStateException.class, e));
        assertFalse(cond.locked());
    }
}
