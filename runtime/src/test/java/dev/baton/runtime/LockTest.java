package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CPython 3.13's test_locks.LockTests, ported; expected output from twins/locks/lock.py. */
@Timeout(10)
class LockTest {
    private static final String TWIN = "locks/lock";

    private final Transcript out = new Transcript();
    private final Lock lock = new Lock();

    @Test
    void testAcquire() {
        List<Integer> result = new ArrayList<>();
        List<Task<Boolean>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> lock.acquire(),
                r -> {
                    out.print("main acquire", r);
                    tasks.add(spawn(appendWhenAcquired(result, 1)));
                    tasks.add(spawn(appendWhenAcquired(result, 2)));
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result, lock.locked());
                    lock.release();
                    out.print("after release", lock.locked());
                    return sleep(0);
                },
                r -> {
                    out.print("after release+sleep", result, lock.locked());
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result);
                    tasks.add(spawn(appendWhenAcquired(result, 3)));
                    lock.release();
                    return sleep(0);
                },
                r -> {
                    out.print("after release+sleep", result);
                    lock.release();
                    return sleep(0);
                },
                r -> {
                    out.print("after release+sleep", result, lock.locked());
                    for (Task<Boolean> t : tasks) {
                        out.print("task", t.isDone(), t.result());
                    }
                    return null;
                }));
        assertTranscript(TWIN, "test_acquire", out);
    }

    private Coroutine<Boolean> appendWhenAcquired(List<Integer> result, int n) {
        return script(
                r -> lock.acquire(),
                r -> {
                    if ((Boolean) r) {
                        result.add(n);
                    }
                    return Baton.done(true);
                });
    }

    @Test
    void testAcquireCancel() {
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    return f.await(lock.acquire(), 1);
                case 1: {
                    out.print("acquire", v);
                    Task<Boolean> task = task(lock.acquire());
                    EventLoop.current().callSoon(() -> task.cancel());
                    return f.await(task, 2);
                }
                default:
                    out.print(cancelledOrRethrow(x));
                    out.print("waiters", lock.waiterCount(), lock.locked());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_acquire_cancel", out);
    }

    /** {@code await lock.acquire(); print(name, "acquired"); try: await blocker finally: release}. */
    private Coroutine<Void> lockit(String name, Awaitable<?> blocker) {
        return coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    return f.await(lock.acquire(), 1);
                case 1:
                    if (x != null) {
                        throw x;
                    }
                    out.print(name, "acquired");
                    if (blocker != null) {
                        return f.await(blocker, 2);
                    }
                    // fall through: the finally
                default:
                    out.print(name, "releases");
                    lock.release();
                    if (x != null) {
                        throw x;
                    }
                    return null;
            }
        });
    }

    @Test
    void testCancelRace() {
        Ref<Promise<Void>> fa = new Ref<>();
        Ref<Task<Void>> ta = new Ref<>(), tb = new Ref<>(), tc = new Ref<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            if (x != null) {
                throw x;
            }
            switch (f.state()) {
                case 0:
                    fa.set(EventLoop.current().createPromise());
                    ta.set(spawn(lockit("A", fa.get())));
                    return f.await(sleep(0), 1);
                case 1:
                    out.print("locked", lock.locked());
                    tb.set(spawn(lockit("B", null)));
                    return f.await(sleep(0), 2);
                case 2:
                    out.print("waiters", lock.waiterCount());
                    tc.set(spawn(lockit("C", null)));
                    return f.await(sleep(0), 3);
                case 3:
                    out.print("waiters", lock.waiterCount());
                    fa.get().setResult(null);
                    tb.get().cancel();
                    out.print("first waiter cancelled", lock.waiters.peekFirst().waitCancelled());
                    return f.await(sleep(0), 4);
                case 4:
                    out.print("locked", lock.locked(), "ta done", ta.get().isDone(),
                            "tb cancelled", tb.get().isCancelled());
                    return f.await(tc.get(), 5);
                default:
                    out.print("tc done", tc.get().isDone(), "locked", lock.locked());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_cancel_race", out);
    }

    @Test
    void testCancelReleaseRace() {
        int[] lockCount = {0};
        int[] callCount = {0};
        List<Task<Void>> t = new ArrayList<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    return f.await(lock.acquire(), 1);
                case 1:
                    for (String name : List.of("t1", "t2", "t3")) {
                        t.add(spawn(script(
                                r -> {
                                    callCount[0]++;
                                    return lock.acquire();
                                },
                                r -> {
                                    out.print(name, "acquired");
                                    lockCount[0]++;
                                    return null;
                                })));
                    }
                    return f.await(sleep(0), 2);
                case 2:
                    EventLoop.current().callSoon(() -> {
                        t.get(0).cancel();
                        lock.release();
                    });
                    return f.await(t.get(0), 3);
                case 3:
                    out.print("t1 " + cancelledOrRethrow(x));
                    out.print("lock_count", lockCount[0], "call_count", callCount[0]);
                    out.print("t1 cancelled", t.get(0).isCancelled(), "t2 done", t.get(1).isDone());
                    t.get(2).cancel();
                    return f.await(sleep(0), 4);
                default:
                    out.print("t3 cancelled", t.get(2).isCancelled());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_cancel_release_race", out);
    }

    @Test
    void testFinishedWaiterCancelled() {
        List<Task<Boolean>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> lock.acquire(),
                r -> {
                    out.print("locked", lock.locked());
                    t.add(task(lock.acquire()));
                    return sleep(0);
                },
                r -> {
                    out.print("waiters", lock.waiterCount());
                    t.add(task(lock.acquire()));
                    t.get(0).cancel();
                    lock.release();
                    return sleep(0);
                },
                r -> {
                    out.print("locked", lock.locked(), "tb cancelled", t.get(0).isCancelled());
                    return t.get(1);
                },
                r -> {
                    out.print("tc", r);
                    return null;
                }));
        assertTranscript(TWIN, "test_finished_waiter_cancelled", out);
    }

    @Test
    void testReleaseNotAcquired() {
        EventLoop.runVirtual(script(r -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
            out.print("RuntimeError", e.getMessage());
            return null;
        }));
        assertTranscript(TWIN, "test_release_not_acquired", out);
        // outside any loop too
        assertEquals("Lock is not acquired.",
                assertThrows(IllegalStateException.class, new Lock()::release).getMessage());
    }

    @Test
    void testReleaseNoWaiters() {
        EventLoop.runVirtual(script(
                r -> lock.acquire(),
                r -> {
                    out.print("locked", lock.locked());
                    lock.release();
                    out.print("locked", lock.locked());
                    return null;
                }));
        assertTranscript(TWIN, "test_release_no_waiters", out);
    }

    @Test
    void testContextManager() {
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    out.print("locked", lock.locked());
                    return f.await(guarded(lock, (g, gv, gx) -> {
                        out.print("inside", lock.locked());
                        return null;
                    }), 1);
                case 1:
                    if (x != null) {
                        throw x;
                    }
                    out.print("locked", lock.locked());
                    return f.await(guarded(lock, (g, gv, gx) -> {
                        throw new IllegalArgumentException("boom");
                    }), 2);
                default:
                    assertInstanceOf(IllegalArgumentException.class, x);
                    out.print("ValueError", x.getMessage(), "locked", lock.locked());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_context_manager", out);
    }

    @Test
    void testGuardedBlocksInFifoOrder() {
        List<Task<Object>> tasks = new ArrayList<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            if (x != null) {
                throw x;
            }
            int state = f.state();
            if (state == 0) {
                for (String name : List.of("w1", "w2", "w3")) {
                    tasks.add(spawn(coroutine((w, wv, wx) -> {
                        switch (w.state()) {
                            case 0:
                                out.print(name, "waiting");
                                return w.await(guarded(lock, (g, gv, gx) -> {
                                    switch (g.state()) {
                                        case 0:
                                            out.print(name, "acquired");
                                            return g.await(sleep(0.1), 1);
                                        default:
                                            if (gx != null) {
                                                throw gx;
                                            }
                                            out.print(name, "releasing");
                                            return null;
                                    }
                                }), 1);
                            default:
                                if (wx != null) {
                                    throw wx;
                                }
                                out.print(name, "released");
                                return null;
                        }
                    })));
                }
                return f.await(sleep(0), 1);
            }
            if (state == 1) {
                out.print("locked", lock.locked(), "waiters", lock.waiterCount());
            }
            if (state <= tasks.size()) {
                return f.await(tasks.get(state - 1), state + 1);
            }
            out.print("locked", lock.locked(), "waiters", lock.waiterCount());
            return null;
        }));
        assertTranscript(TWIN, "test_guarded_blocks_in_fifo_order", out);
    }

    @Test
    void testCancelHolderReleases() {
        Ref<Task<Object>> h = new Ref<>(), n = new Ref<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            if (x != null) {
                throw x;
            }
            switch (f.state()) {
                case 0:
                    h.set(spawn(guarded(lock, (g, gv, gx) -> {
                        switch (g.state()) {
                            case 0:
                                out.print("holder acquired");
                                return g.await(sleep(10), 1);
                            default:
                                if (gx instanceof CancelledException) {
                                    out.print("holder cancelled");
                                }
                                if (gx != null) {
                                    throw gx;
                                }
                                out.print("never");
                                return null;
                        }
                    })));
                    n.set(spawn(guarded(lock, (g, gv, gx) -> {
                        out.print("next acquired");
                        return null;
                    })));
                    return f.await(sleep(0), 1);
                case 1:
                    h.get().cancel();
                    return f.await(sleep(0), 2);
                case 2:
                    out.print("locked", lock.locked(), "h cancelled", h.get().isCancelled(),
                            "n done", n.get().isDone());
                    return f.await(n.get(), 3);
                default:
                    out.print("locked", lock.locked(), "n done", n.get().isDone());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_cancel_holder_releases", out);
    }

    // ---- beyond the twin ----

    @Test
    void acquireIsColdUntilAwaited() {
        EventLoop.runVirtual(script(r -> {
            Awaitable<Boolean> op = lock.acquire();
            assertFalse(lock.locked(), "acquire() did something before it was awaited");
            return op;
        }, r -> {
            assertTrue(lock.locked());
            return null;
        }));
    }

    @Test
    void freeLockAcquireAllocatesNothing() {
        Lock free = new Lock();
        long bytes = Allocations.allocatedBy(() -> {
            for (int i = 0; i < 10_000; i++) {
                free.acquire().awaitFrom(Allocations.NO_MACHINE);
                free.release();
            }
        });
        assertTrue(bytes < 512, "acquiring a free lock allocated " + bytes + " bytes in 10000 rounds");
    }

    @Test
    void toStringShowsStateAndWaiters() {
        List<String> seen = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    seen.add(lock.toString());
                    return lock.acquire();
                },
                r -> {
                    seen.add(lock.toString());
                    task(lock.acquire());
                    task(lock.acquire());
                    return sleep(0);
                },
                r -> {
                    seen.add(lock.toString());
                    lock.release();
                    return sleep(0);
                },
                r -> {
                    seen.add(lock.toString());
                    lock.release();
                    return sleep(0);
                },
                r -> {
                    seen.add(lock.toString());
                    lock.release();
                    seen.add(lock.toString());
                    return null;
                }));
        assertEquals(List.of("Lock[unlocked]", "Lock[locked]", "Lock[locked, waiters=2]",
                "Lock[locked, waiters=1]", "Lock[locked]", "Lock[unlocked]"), seen);
    }

    @Test
    void foreignThreadIsRefusedWhileTheLoopRuns() {
        List<Throwable> errors = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> lock.acquire(),
                r -> {
                    Threads.runOnOtherThread(errors, lock::release);
                    Threads.runOnOtherThread(errors, lock::locked);
                    Threads.runOnOtherThread(errors, lock::acquire);
                    Threads.runOnOtherThread(errors, lock::toString); // allowed: for debuggers
                    assertTrue(lock.locked(), "a refused release changed the lock");
                    lock.release();
                    return null;
                }));
        assertEquals(3, errors.size(), errors.toString());
        for (Throwable e : errors) {
            assertInstanceOf(IllegalStateException.class, e);
            assertTrue(e.getMessage().contains("callSoonThreadsafe"), e.getMessage());
        }
        assertFalse(lock.locked());
    }
}
