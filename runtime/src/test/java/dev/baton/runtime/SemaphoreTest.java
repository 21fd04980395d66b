package dev.baton.runtime;

import static dev.baton.runtime.Baton.gather;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CPython 3.13's test_locks.SemaphoreTests (BoundedSemaphore included), ported; expected
 * output from twins/locks/semaphore.py.
 */
@Timeout(10)
class SemaphoreTest {
    private static final String TWIN = "locks/semaphore";

    private final Transcript out = new Transcript();

    private static List<Boolean> done(List<? extends Promise<?>> tasks) {
        List<Boolean> done = new ArrayList<>();
        tasks.forEach(t -> done.add(t.isDone()));
        return done;
    }

    private static List<Boolean> cancelled(List<? extends Promise<?>> tasks) {
        List<Boolean> cancelled = new ArrayList<>();
        tasks.forEach(t -> cancelled.add(t.isCancelled()));
        return cancelled;
    }

    /** {@code await sem.acquire(); result.append(n); return True}. */
    private static Coroutine<Boolean> acquireAndAppend(Semaphore sem, List<Integer> result, int n) {
        return script(
                r -> sem.acquire(),
                r -> {
                    result.add(n);
                    return Baton.done(true);
                });
    }

    @Test
    void testInitialValueZero() {
        out.print("locked", new Semaphore(0).locked());
        assertTranscript(TWIN, "test_initial_value_zero", out);
    }

    @Test
    void testSemaphore() {
        Semaphore sem = new Semaphore();
        out.print("value", sem.value, "locked", sem.locked());
        assertTranscript(TWIN, "test_semaphore", out);
    }

    @Test
    void testSemaphoreValue() {
        out.print("ValueError", assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1)).getMessage());
        out.print("ValueError", assertThrows(IllegalArgumentException.class, () -> new BoundedSemaphore(-1)).getMessage());
        assertTranscript(TWIN, "test_semaphore_value", out);
    }

    @Test
    void testAcquire() {
        Semaphore sem = new Semaphore(3);
        List<Integer> result = new ArrayList<>();
        List<Task<Boolean>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> sem.acquire(),
                r -> {
                    out.print("acquire", r);
                    return sem.acquire();
                },
                r -> {
                    out.print("acquire", r);
                    out.print("locked", sem.locked());
                    for (int n = 1; n <= 3; n++) {
                        t.add(spawn(acquireAndAppend(sem, result, n)));
                    }
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result, "locked", sem.locked(), "waiters", sem.waiterCount(),
                            "value", sem.value);
                    t.add(spawn(acquireAndAppend(sem, result, 4)));
                    sem.release();
                    sem.release();
                    out.print("after 2 releases, value", sem.value);
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result, "locked", sem.locked(), "waiters", sem.waiterCount(),
                            "value", sem.value);
                    out.print("t1", t.get(0).isDone(), t.get(0).result());
                    out.print("race done", done(t.subList(1, 4)));
                    sem.release();
                    return gather(t.get(1), t.get(2), t.get(3));
                },
                r -> {
                    out.print("after gather", result, "value", sem.value);
                    return null;
                }));
        assertTranscript(TWIN, "test_acquire", out);
    }

    @Test
    void testAcquireCancel() {
        Semaphore sem = new Semaphore();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    return f.await(sem.acquire(), 1);
                case 1: {
                    Task<Boolean> acquire = task(sem.acquire());
                    EventLoop.current().callSoon(() -> acquire.cancel());
                    return f.await(acquire, 2);
                }
                default:
                    out.print(cancelledOrRethrow(x));
                    out.print("waiters", sem.waiterCount(), "value", sem.value);
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_acquire_cancel", out);
    }

    @Test
    void testAcquireCancelBeforeAwoken() {
        Semaphore sem = new Semaphore(0);
        List<Task<Boolean>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    for (int i = 0; i < 4; i++) {
                        t.add(task(sem.acquire()));
                    }
                    return sleep(0);
                },
                r -> {
                    t.get(0).cancel();
                    t.get(1).cancel();
                    sem.release();
                    return sleep(0);
                },
                r -> sleep(0),
                r -> {
                    out.print("done", done(t), "value", sem.value);
                    t.get(2).cancel();
                    t.get(3).cancel();
                    return sleep(0);
                },
                r -> {
                    out.print("cancelled", cancelled(t), "value", sem.value, "waiters", sem.waiterCount());
                    return null;
                }));
        assertTranscript(TWIN, "test_acquire_cancel_before_awoken", out);
    }

    @Test
    void testAcquireHang() {
        Semaphore sem = new Semaphore(0);
        List<Task<Boolean>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    t.add(task(sem.acquire()));
                    t.add(task(sem.acquire()));
                    return sleep(0);
                },
                r -> {
                    t.get(0).cancel();
                    sem.release();
                    return sleep(0);
                },
                r -> sleep(0),
                r -> {
                    out.print("locked", sem.locked(), "t2 done", t.get(1).isDone(), "value", sem.value);
                    return null;
                }));
        assertTranscript(TWIN, "test_acquire_hang", out);
    }

    @Test
    void testAcquireNoHang() {
        Semaphore sem = new Semaphore(1);
        Ref<Task<Object>> t2 = new Ref<>();
        EventLoop.runVirtual(script(
                r -> {
                    Task<Object> t1 = spawn(script(
                            x -> guarded(sem, (g, gv, gx) -> {
                                if (g.state() == 0) {
                                    out.print("c1 in");
                                    return g.await(sleep(0), 1);
                                }
                                if (gx != null) {
                                    throw gx;
                                }
                                return null;
                            }),
                            x -> {
                                out.print("c1 out, cancelling t2");
                                t2.get().cancel();
                                return null;
                            }));
                    t2.set(spawn(guarded(sem, (g, gv, gx) -> {
                        out.print("c2 in: must not happen");
                        return null;
                    })));
                    return gather(true, t1, t2.get());
                },
                r -> {
                    List<?> results = (List<?>) r;
                    out.print("r1", results.get(0), "r2 cancelled", results.get(1) instanceof CancelledException);
                    out.print("locked", sem.locked(), "value", sem.value);
                    return waitFor(sem.acquire(), 1.0);
                },
                r -> {
                    out.print("acquire", r);
                    return null;
                }));
        assertTranscript(TWIN, "test_acquire_no_hang", out);
    }

    @Test
    void testReleaseNotAcquired() {
        BoundedSemaphore sem = new BoundedSemaphore();
        out.print("ValueError", assertThrows(IllegalStateException.class, sem::release).getMessage());
        out.print("value", sem.value);
        assertTranscript(TWIN, "test_release_not_acquired", out);
    }

    @Test
    void testBoundedReleaseTooMany() {
        BoundedSemaphore sem = new BoundedSemaphore(2);
        EventLoop.runVirtual(script(
                r -> sem.acquire(),
                r -> sem.acquire(),
                r -> {
                    sem.release();
                    sem.release();
                    out.print("ValueError", assertThrows(IllegalStateException.class, sem::release).getMessage());
                    out.print("value", sem.value, "locked", sem.locked());
                    return null;
                }));
        assertTranscript(TWIN, "test_bounded_release_too_many", out);
    }

    @Test
    void testReleaseNoWaiters() {
        Semaphore sem = new Semaphore();
        EventLoop.runVirtual(script(
                r -> sem.acquire(),
                r -> {
                    out.print("locked", sem.locked());
                    sem.release();
                    out.print("locked", sem.locked());
                    return null;
                }));
        assertTranscript(TWIN, "test_release_no_waiters", out);
    }

    @Test
    void testAcquireFifoOrder() {
        Semaphore sem = new Semaphore(1);
        List<String> result = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    List<Task<Object>> tasks = new ArrayList<>();
                    for (String tag : List.of("c1", "c2", "c3")) {
                        tasks.add(spawn(script(
                                x -> sem.acquire(),
                                x -> {
                                    result.add(tag + "_1");
                                    return sleep(0.01);
                                },
                                x -> {
                                    sem.release();
                                    return sem.acquire();
                                },
                                x -> {
                                    result.add(tag + "_2");
                                    return sleep(0.01);
                                },
                                x -> {
                                    sem.release();
                                    return null;
                                })));
                    }
                    return gather(tasks.toArray(new Awaitable<?>[0]));
                },
                r -> {
                    out.print(result);
                    return null;
                }));
        assertTranscript(TWIN, "test_acquire_fifo_order", out);
    }

    @Test
    void testAcquireFifoOrder2() {
        Semaphore sem = new Semaphore(1);
        List<Integer> result = new ArrayList<>();
        List<Task<Boolean>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    tasks.add(spawn(acquireAndAppend(sem, result, 1)));
                    tasks.add(spawn(script(
                            x -> sem.acquire(),
                            x -> {
                                result.add(2);
                                sem.release();
                                return sem.acquire();
                            },
                            x -> {
                                result.add(4);
                                return Baton.done(true);
                            })));
                    tasks.add(spawn(acquireAndAppend(sem, result, 3)));
                    return sleep(0);
                },
                r -> {
                    sem.release();
                    sem.release();
                    return gather(tasks.toArray(new Awaitable<?>[0]));
                },
                r -> {
                    out.print(result);
                    return null;
                }));
        assertTranscript(TWIN, "test_acquire_fifo_order_2", out);
    }

    @Test
    void testAcquireFifoOrder3() {
        Semaphore sem = new Semaphore(0);
        List<Integer> result = new ArrayList<>();
        List<Task<Boolean>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    for (int n = 1; n <= 3; n++) {
                        tasks.add(spawn(acquireAndAppend(sem, result, n)));
                    }
                    return sleep(0);
                },
                r -> {
                    tasks.get(0).cancel();
                    return sleep(0);
                },
                r -> {
                    sem.release();
                    sem.release();
                    return gather(true, tasks.toArray(new Awaitable<?>[0]));
                },
                r -> {
                    out.print(result, "first cancelled", ((List<?>) r).get(0) instanceof CancelledException);
                    return null;
                }));
        assertTranscript(TWIN, "test_acquire_fifo_order_3", out);
    }

    @Test
    void testAcquireFifoOrder4() {
        Semaphore sem = new Semaphore(0);
        List<Integer> result = new ArrayList<>();
        Ref<Task<Boolean>> t4 = new Ref<>();
        List<Task<Boolean>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    tasks.add(spawn(script(
                            x -> {
                                out.print("c1 value", sem.value);
                                return sem.acquire();
                            },
                            x -> {
                                out.print("c1 acquired, value", sem.value);
                                t4.set(spawn(script(y -> {
                                    result.add(4);
                                    return Baton.done(true);
                                })));
                                result.add(1);
                                return Baton.done(true);
                            })));
                    tasks.add(spawn(script(
                            x -> {
                                sem.release();
                                sem.release();
                                sem.release();
                                out.print("c2 released 3, value", sem.value, "locked", sem.locked());
                                return sem.acquire();
                            },
                            x -> {
                                result.add(2);
                                return Baton.done(true);
                            })));
                    tasks.add(spawn(script(
                            x -> sem.acquire(),
                            x -> {
                                out.print("c3 acquired, locked", sem.locked());
                                result.add(3);
                                return Baton.done(true);
                            })));
                    return sleep(0);
                },
                r -> {
                    out.print("value", sem.value, "waiters", sem.waiterCount());
                    return sleep(0);
                },
                r -> gather(tasks.get(0), tasks.get(1), tasks.get(2), t4.get()),
                r -> {
                    out.print(result);
                    return null;
                }));
        assertTranscript(TWIN, "test_acquire_fifo_order_4", out);
    }

    @Test
    void testContextManager() {
        Semaphore sem = new Semaphore(2);
        EventLoop.runVirtual(script(
                r -> guarded(sem, (g, gv, gx) -> {
                    if (g.state() == 0) {
                        out.print("inside", sem.locked(), sem.value);
                        return g.await(guarded(sem, (h, hv, hx) -> {
                            out.print("inside twice", sem.locked(), sem.value);
                            return null;
                        }), 1);
                    }
                    if (gx != null) {
                        throw gx;
                    }
                    return null;
                }),
                r -> {
                    out.print("after", sem.locked(), sem.value);
                    return null;
                }));
        assertTranscript(TWIN, "test_context_manager", out);
    }

    // ---- beyond the twin ----

    @Test
    void acquireIsColdUntilAwaited() {
        Semaphore sem = new Semaphore(1);
        sem.acquire();
        assertEquals(1, sem.value);
    }

    @Test
    void freePermitAcquireAllocatesNothing() {
        Semaphore sem = new Semaphore(2);
        long bytes = Allocations.allocatedBy(() -> {
            for (int i = 0; i < 10_000; i++) {
                sem.acquire().awaitFrom(Allocations.NO_MACHINE);
                sem.release();
            }
        });
        assertTrue(bytes < 512, "acquiring a free permit allocated " + bytes + " bytes in 10000 rounds");
    }

    @Test
    void releaseBeyondIntRangeIsRefused() {
        Semaphore sem = new Semaphore(Integer.MAX_VALUE);
        IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
        assertEquals(Integer.MAX_VALUE, sem.value);
    }

    @Test
    void toStringShowsStateValueAndWaiters() {
        Semaphore sem = new Semaphore(2);
        BoundedSemaphore bounded = new BoundedSemaphore(1);
        List<String> seen = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    seen.add(sem.toString());
                    return sem.acquire();
                },
                r -> sem.acquire(),
                r -> {
                    seen.add(sem.toString());
                    task(sem.acquire());
                    task(bounded.acquire());
                    task(bounded.acquire());
                    return sleep(0);
                },
                r -> {
                    seen.add(sem.toString());
                    seen.add(bounded.toString());
                    sem.release();
                    seen.add(sem.toString());
                    return sleep(0);
                },
                r -> {
                    seen.add(sem.toString());
                    bounded.release();
                    return sleep(0);
                }));
        assertEquals(List.of(
                "Semaphore[unlocked, value=2, waiters=0]",
                "Semaphore[locked, value=0, waiters=0]",
                "Semaphore[locked, value=0, waiters=1]",
                "BoundedSemaphore[locked, value=0, waiters=1]",
                "Semaphore[locked, value=0, waiters=1]",
                "Semaphore[locked, value=0, waiters=0]"), seen);
    }

    @Test
    void foreignThreadIsRefusedWhileTheLoopRuns() {
        Semaphore sem = new Semaphore(1);
        BoundedSemaphore bounded = new BoundedSemaphore(1);
        List<Throwable> errors = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> sem.acquire(),
                r -> bounded.acquire(),
                r -> {
                    Threads.runOnOtherThread(errors, sem::release);
                    Threads.runOnOtherThread(errors, sem::locked);
                    Threads.runOnOtherThread(errors, sem::acquire);
                    Threads.runOnOtherThread(errors, bounded::release);
                    assertEquals(0, sem.value, "a refused release changed the semaphore");
                    assertEquals(0, bounded.value, "a refused release changed the semaphore");
                    sem.release();
                    bounded.release();
                    return null;
                }));
        assertEquals(4, errors.size(), errors.toString());
        errors.forEach(e -> assertInstanceOf(IllegalStateException.class, e));
        assertFalse(sem.locked());
    }
}
