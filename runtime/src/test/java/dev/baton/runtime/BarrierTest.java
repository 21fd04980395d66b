package dev.baton.runtime;

import static dev.baton.runtime.Baton.gather;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Baton.waitAll;
import static dev.baton.runtime.Machines.coroutine;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Machines.task;
import static dev.baton.runtime.Twins.assertTranscript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.runtime.Twins.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CPython 3.13's test_locks.BarrierTests, ported; expected output from twins/locks/barrier.py. */
@Timeout(10)
class BarrierTest {
    private static final String TWIN = "locks/barrier";
    private static final int N = 5;

    private final Transcript out = new Transcript();

    /** The twin's {@code state(barrier)}: the inside of asyncio's repr, e.g. "filling, waiters:2/5". */
    private static String state(Barrier b) {
        String s = b.toString();
        return s.substring("Barrier[".length(), s.length() - 1).replace("waiters=", "waiters:");
    }

    /** {@code gather(*[create_task(coro(i)) for i in range(n)])}: the results. */
    private static Coroutine<Object> gatherTasks(int n, IntFunction<Coroutine<?>> coro) {
        return script(r -> {
            Awaitable<?>[] tasks = new Awaitable<?>[n];
            for (int i = 0; i < n; i++) {
                tasks[i] = spawn(coro.apply(i));
            }
            return gather(tasks);
        });
    }

    private static boolean isRuntimeError(Throwable x) {
        return x != null && x.getClass() == RuntimeException.class;
    }

    @Test
    void testBarrierParties() {
        for (int parties : new int[] {0, -4}) {
            out.print("ValueError", assertThrows(IllegalArgumentException.class, () -> new Barrier(parties)).getMessage());
        }
        Barrier b = new Barrier(N);
        out.print("parties", b.parties(), "n_waiting", b.nWaiting(), "broken", b.isBroken(), state(b));
        assertTranscript(TWIN, "test_barrier_parties", out);
    }

    /** The twin's {@code async def wait(barrier): await barrier.wait()}: returns None. */
    private static Coroutine<Object> waitReturningNone(Barrier barrier) {
        return script(x -> barrier.arriveAndWait(), x -> Baton.done(null));
    }

    @Test
    void testRepr() {
        Barrier barrier = new Barrier(N);
        List<Task<Object>> waiters = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    out.print(state(barrier));
                    for (int i = 0; i < 2; i++) {
                        waiters.add(spawn(waitReturningNone(barrier)));
                    }
                    return sleep(0);
                },
                r -> {
                    out.print(state(barrier));
                    for (int i = barrier.parties() - barrier.nWaiting(); i > 0; i--) {
                        waiters.add(spawn(waitReturningNone(barrier)));
                    }
                    return sleep(0);
                },
                r -> {
                    out.print(state(barrier));
                    for (int i = 0; i < 2; i++) {
                        waiters.add(spawn(waitReturningNone(barrier)));
                    }
                    return sleep(0);
                },
                r -> barrier.reset(),
                r -> {
                    out.print(state(barrier));
                    for (int i = 0; i < 2; i++) {
                        waiters.add(spawn(waitReturningNone(barrier)));
                    }
                    return sleep(0);
                },
                r -> barrier.abort(),
                r -> {
                    out.print(state(barrier), "broken", barrier.isBroken());
                    return gather(true, waiters.toArray(new Awaitable<?>[0]));
                },
                r -> {
                    List<String> types = new ArrayList<>();
                    for (Object result : (List<?>) r) {
                        types.add(result == null ? "NoneType"
                                : result instanceof BrokenBarrierException ? "BrokenBarrierError"
                                : result.getClass().getSimpleName());
                    }
                    out.print(types);
                    return null;
                }));
        assertTranscript(TWIN, "test_repr", out);
    }

    @Test
    void testContextManager() {
        Barrier barrier = new Barrier(3);
        List<Integer> results = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> gatherTasks(3, i -> script(
                        x -> barrier.arriveAndWait(),
                        x -> {
                            out.print("task", i, "index", x);
                            results.add((Integer) x);
                            return null;
                        })),
                r -> {
                    results.sort(null);
                    out.print(results, "n_waiting", barrier.nWaiting(), "broken", barrier.isBroken());
                    return null;
                }));
        assertTranscript(TWIN, "test_context_manager", out);
    }

    @Test
    void testFillingOneTask() {
        Barrier barrier = new Barrier(1);
        EventLoop.runVirtual(script(
                r -> script(
                        x -> barrier.arriveAndWait(),
                        x -> {
                            out.print("index", x);
                            return Baton.done(true);
                        }),
                r -> {
                    out.print("ret", r, "n_waiting", barrier.nWaiting(), "broken", barrier.isBroken());
                    return null;
                }));
        assertTranscript(TWIN, "test_filling_one_task", out);
    }

    @Test
    void testFillingOneTaskTwice() {
        Barrier barrier = new Barrier(1);
        List<Task<Integer>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    t.add(task(barrier.arriveAndWait()));
                    return sleep(0);
                },
                r -> {
                    out.print("n_waiting", barrier.nWaiting());
                    t.add(task(barrier.arriveAndWait()));
                    return sleep(0);
                },
                r -> {
                    out.print("results", t.get(0).result(), t.get(1).result(),
                            "done", t.get(0).isDone(), t.get(1).isDone());
                    out.print("n_waiting", barrier.nWaiting(), "broken", barrier.isBroken());
                    return null;
                }));
        assertTranscript(TWIN, "test_filling_one_task_twice", out);
    }

    @Test
    void testFillingTaskByTask() {
        Barrier barrier = new Barrier(3);
        List<Task<Integer>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    t.add(task(barrier.arriveAndWait()));
                    return sleep(0);
                },
                r -> {
                    out.print("n_waiting", barrier.nWaiting(), state(barrier));
                    t.add(task(barrier.arriveAndWait()));
                    return sleep(0);
                },
                r -> {
                    out.print("n_waiting", barrier.nWaiting(), state(barrier));
                    t.add(task(barrier.arriveAndWait()));
                    return sleep(0);
                },
                r -> {
                    out.print("n_waiting", barrier.nWaiting(), state(barrier));
                    return waitAll(t.get(0), t.get(1), t.get(2));
                },
                r -> {
                    List<Integer> results = new ArrayList<>();
                    t.forEach(task -> results.add(task.result()));
                    out.print("results", results);
                    out.print("n_waiting", barrier.nWaiting(), "broken", barrier.isBroken(), state(barrier));
                    return null;
                }));
        assertTranscript(TWIN, "test_filling_task_by_task", out);
    }

    @Test
    void testFillingTasksWaitTwice() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> gatherTasks(N, i -> script(
                        x -> barrier.arriveAndWait(),
                        x -> {
                            results.add(true);
                            return barrier.arriveAndWait();
                        },
                        x -> {
                            results.add(false);
                            return null;
                        })),
                r -> {
                    long trues = results.stream().filter(b -> b).count();
                    out.print("results", results.size(), trues, results.size() - trues);
                    out.print(results);
                    out.print("n_waiting", barrier.nWaiting(), "broken", barrier.isBroken());
                    return null;
                }));
        assertTranscript(TWIN, "test_filling_tasks_wait_twice", out);
    }

    @Test
    void testFillingTasksCheckReturnValue() {
        Barrier barrier = new Barrier(N);
        List<Object> results1 = new ArrayList<>();
        List<Object> results2 = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> gatherTasks(N, i -> script(
                        x -> barrier.arriveAndWait(),
                        x -> {
                            results1.add(x);
                            return barrier.arriveAndWait();
                        },
                        x -> {
                            results2.add(x);
                            return Baton.done(x);
                        })),
                r -> {
                    out.print("first", results1);
                    out.print("second", results2);
                    out.print("returned", r);
                    out.print("n_waiting", barrier.nWaiting(), "broken", barrier.isBroken());
                    return null;
                }));
        assertTranscript(TWIN, "test_filling_tasks_check_return_value", out);
    }

    @Test
    void testDrainingState() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> gatherTasks(N, i -> script(
                        x -> barrier.arriveAndWait(),
                        x -> {
                            results.add(barrier.toString().contains("draining"));
                            out.print("task", i, state(barrier));
                            return null;
                        })),
                r -> {
                    out.print(results);
                    out.print("n_waiting", barrier.nWaiting(), "broken", barrier.isBroken());
                    return null;
                }));
        assertTranscript(TWIN, "test_draining_state", out);
    }

    @Test
    void testBlockingTasksWhileDraining() {
        Barrier barrier = new Barrier(N);
        Barrier nowaiting = new Barrier(N - 2);
        int[] rewait = {2};
        EventLoop.runVirtual(script(
                r -> gatherTasks(N, i -> coroutine((f, v, x) -> {
                    if (x != null) {
                        throw x;
                    }
                    switch (f.state()) {
                        case 0:
                            return f.await(barrier.arriveAndWait(), 1);
                        case 1:
                            out.print("task", i, "passed first", v);
                            if (rewait[0] > 0) {
                                rewait[0]--;
                                return f.await(barrier.arriveAndWait(), 2);
                            }
                            return f.await(nowaiting.arriveAndWait(), 3);
                        case 2:
                            out.print("task", i, "rewaited", v);
                            return null;
                        case 3:
                            out.print("task", i, "passed nowaiting", v);
                            return f.await(barrier.arriveAndWait(), 4);
                        default:
                            out.print("task", i, "passed second", v);
                            return null;
                    }
                })),
                r -> {
                    out.print("n_waiting", barrier.nWaiting(), nowaiting.nWaiting());
                    return null;
                }));
        assertTranscript(TWIN, "test_blocking_tasks_while_draining", out);
    }

    @Test
    void testFillingTasksCancelOne() {
        Barrier barrier = new Barrier(3);
        List<Boolean> results = new ArrayList<>();
        List<Task<Object>> t = new ArrayList<>();
        IntFunction<Coroutine<Object>> coro = i -> script(
                x -> barrier.arriveAndWait(),
                x -> {
                    results.add(true);
                    return null;
                });
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    t.add(spawn(coro.apply(1)));
                    return f.await(sleep(0), 1);
                case 1:
                    out.print("n_waiting", barrier.nWaiting());
                    t.add(spawn(coro.apply(2)));
                    return f.await(sleep(0), 2);
                case 2:
                    out.print("n_waiting", barrier.nWaiting());
                    t.get(0).cancel();
                    return f.await(sleep(0), 3);
                case 3:
                    out.print("n_waiting", barrier.nWaiting());
                    return f.await(t.get(0), 4);
                case 4:
                    assertInstanceOf(CancelledException.class, x);
                    out.print("t1 cancelled", t.get(0).isCancelled());
                    t.add(spawn(coro.apply(3)));
                    return f.await(sleep(0), 5);
                case 5:
                    out.print("n_waiting", barrier.nWaiting());
                    t.add(spawn(coro.apply(4)));
                    return f.await(gather(t.get(1), t.get(2), t.get(3)), 6);
                default:
                    if (x != null) {
                        throw x;
                    }
                    out.print("results", results, "n_waiting", barrier.nWaiting(), "broken", barrier.isBroken());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_filling_tasks_cancel_one", out);
    }

    @Test
    void testResetBarrier() {
        Barrier barrier = new Barrier(1);
        EventLoop.runVirtual(script(
                r -> {
                    task(barrier.reset());
                    return sleep(0);
                },
                r -> {
                    out.print("n_waiting", barrier.nWaiting(), "broken", barrier.isBroken(), state(barrier));
                    return null;
                }));
        assertTranscript(TWIN, "test_reset_barrier", out);
    }

    @Test
    void testResetBarrierWhileTasksWaiting() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results = new ArrayList<>();
        List<Task<Object>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    for (int i = 0; i < N - 1; i++) {
                        int n = i;
                        tasks.add(spawn(coroutine((f, v, x) -> {
                            if (f.state() == 0) {
                                return f.await(barrier.arriveAndWait(), 1);
                            }
                            if (x instanceof BrokenBarrierException) {
                                out.print("task", n, "BrokenBarrierError", x.getMessage());
                                results.add(true);
                                return null;
                            }
                            if (x != null) {
                                throw x;
                            }
                            return null;
                        })));
                    }
                    return sleep(0);
                },
                r -> {
                    out.print(state(barrier));
                    spawn(script(
                            x -> barrier.reset(),
                            x -> {
                                out.print("reset done", state(barrier));
                                return null;
                            }));
                    return gather(tasks.toArray(new Awaitable<?>[0]));
                },
                r -> {
                    out.print("results", results, "n_waiting", barrier.nWaiting(), state(barrier),
                            "broken", barrier.isBroken());
                    return null;
                }));
        assertTranscript(TWIN, "test_reset_barrier_while_tasks_waiting", out);
    }

    @Test
    void testResetBarrierWhenTasksHalfDraining() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        int restOfTasks = N / 2;
        EventLoop.runVirtual(script(
                r -> gatherTasks(N, i -> coroutine((f, v, x) -> {
                    switch (f.state()) {
                        case 0:
                            return f.await(barrier.arriveAndWait(), 1);
                        case 1:
                            if (x instanceof BrokenBarrierException) {
                                out.print("task", i, "broken");
                                results1.add(true);
                                return null;
                            }
                            if (x != null) {
                                throw x;
                            }
                            out.print("task", i, "passed, count", barrier.count);
                            if (restOfTasks == barrier.count) {
                                out.print("task", i, "resets");
                                return f.await(barrier.reset(), 2);
                            }
                            return null;
                        default:
                            if (x != null) {
                                throw x;
                            }
                            return null;
                    }
                })),
                r -> {
                    out.print("results1", results1, "n_waiting", barrier.nWaiting(), state(barrier),
                            "broken", barrier.isBroken());
                    return null;
                }));
        assertTranscript(TWIN, "test_reset_barrier_when_tasks_half_draining", out);
    }

    @Test
    void testResetBarrierWhenTasksHalfDrainingHalfBlocking() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        int blockingTasks = N / 2;
        int[] count = {0};
        EventLoop.runVirtual(script(
                r -> gatherTasks(N, i -> coroutine((f, v, x) -> {
                    switch (f.state()) {
                        case 0:
                            return f.await(barrier.arriveAndWait(), 1);
                        case 1:
                            if (x instanceof BrokenBarrierException) {
                                out.print("task", i, "broken, waits again");
                                results1.add(true);
                                return f.await(barrier.arriveAndWait(), 2);
                            }
                            if (x != null) {
                                throw x;
                            }
                            count[0]++;
                            if (count[0] > blockingTasks) {
                                out.print("task", i, "resets");
                                return f.await(barrier.reset(), 3);
                            }
                            return f.await(barrier.arriveAndWait(), 5);
                        case 2:
                            if (x != null) {
                                throw x;
                            }
                            out.print("task", i, "passed again");
                            return null;
                        case 3:
                            if (x != null) {
                                throw x;
                            }
                            return f.await(barrier.arriveAndWait(), 4);
                        case 4:
                            if (x != null) {
                                throw x;
                            }
                            out.print("task", i, "passed after reset");
                            return null;
                        default:
                            if (x instanceof BrokenBarrierException) {
                                results2.add(true);
                                return null;
                            }
                            if (x != null) {
                                throw x;
                            }
                            out.print("task", i, "passed second");
                            return null;
                    }
                })),
                r -> {
                    out.print("results1", results1, "results2", results2);
                    out.print("n_waiting", barrier.nWaiting(), state(barrier), "broken", barrier.isBroken());
                    return null;
                }));
        assertTranscript(TWIN, "test_reset_barrier_when_tasks_half_draining_half_blocking", out);
    }

    @Test
    void testResetBarrierWhileTasksWaitingAndWaitingAgain() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Task<Object>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    for (int i = 0; i < N - 1; i++) {
                        int n = i;
                        Throwable[] pending = new Throwable[1];
                        tasks.add(spawn(coroutine((f, v, x) -> {
                            switch (f.state()) {
                                case 0:
                                    return f.await(barrier.arriveAndWait(), 1);
                                case 1:
                                    if (x instanceof BrokenBarrierException) {
                                        out.print("task", n, "broken");
                                        results1.add(true);
                                    } else {
                                        pending[0] = x; // re-raised after the finally
                                    }
                                    return f.await(barrier.arriveAndWait(), 2); // finally:
                                default:
                                    if (x != null) {
                                        throw x;
                                    }
                                    out.print("task", n, "passed in finally");
                                    results2.add(true);
                                    if (pending[0] != null) {
                                        throw pending[0];
                                    }
                                    return null;
                            }
                        })));
                    }
                    task(barrier.reset());
                    return sleep(0);
                },
                r -> {
                    out.print(state(barrier));
                    spawn(script(
                            x -> barrier.arriveAndWait(),
                            x -> {
                                out.print("coro2 passed");
                                results2.add(true);
                                return null;
                            }));
                    return gather(tasks.toArray(new Awaitable<?>[0]));
                },
                r -> {
                    out.print("broken", barrier.isBroken(), "results1", results1.size(), "results2", results2.size(),
                            "n_waiting", barrier.nWaiting());
                    return null;
                }));
        assertTranscript(TWIN, "test_reset_barrier_while_tasks_waiting_and_waiting_again", out);
    }

    @Test
    void testResetBarrierWhileTasksDraining() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Boolean> results3 = new ArrayList<>();
        int[] count = {0};
        EventLoop.runVirtual(script(
                r -> gatherTasks(N, i -> coroutine((f, v, x) -> {
                    switch (f.state()) {
                        case 0:
                            return f.await(barrier.arriveAndWait(), 1);
                        case 1:
                            if (x != null) {
                                throw x;
                            }
                            count[0]++;
                            if (count[0] == N) {
                                out.print("task", i, "last out, resets");
                                return f.await(barrier.reset(), 2);
                            }
                            return f.await(barrier.arriveAndWait(), 4);
                        case 2:
                            if (x != null) {
                                throw x;
                            }
                            return f.await(barrier.arriveAndWait(), 3);
                        case 3:
                            if (x != null) {
                                throw x;
                            }
                            return f.await(barrier.arriveAndWait(), 5);
                        case 4:
                            if (x instanceof Exception) {
                                out.print("task", i, "unexpected", x.getClass().getSimpleName());
                                results2.add(true);
                            } else if (x != null) {
                                throw x;
                            } else {
                                results1.add(true);
                            }
                            return f.await(barrier.arriveAndWait(), 5);
                        default:
                            if (x != null) {
                                throw x;
                            }
                            out.print("task", i, "last wait index", v);
                            results3.add(true);
                            return null;
                    }
                })),
                r -> {
                    out.print("broken", barrier.isBroken(), "results", results1.size(), results2.size(),
                            results3.size(), "n_waiting", barrier.nWaiting());
                    return null;
                }));
        assertTranscript(TWIN, "test_reset_barrier_while_tasks_draining", out);
    }

    @Test
    void testAbortBarrier() {
        Barrier barrier = new Barrier(1);
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0:
                    task(barrier.abort());
                    return f.await(sleep(0), 1);
                case 1:
                    out.print("n_waiting", barrier.nWaiting(), "broken", barrier.isBroken(), state(barrier));
                    return f.await(barrier.arriveAndWait(), 2);
                default:
                    assertInstanceOf(BrokenBarrierException.class, x);
                    out.print("BrokenBarrierError", x.getMessage());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_abort_barrier", out);
    }

    @Test
    void testAbortBarrierWhenTasksHalfDrainingHalfBlocking() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        int blockingTasks = N / 2;
        int[] count = {0};
        EventLoop.runVirtual(script(
                r -> gatherTasks(N, i -> coroutine((f, v, x) -> {
                    switch (f.state()) {
                        case 0:
                            return f.await(barrier.arriveAndWait(), 1);
                        case 1:
                            if (x instanceof BrokenBarrierException) {
                                out.print("task", i, "broken at first wait:", x.getMessage());
                                results1.add(true);
                                return null;
                            }
                            if (x != null) {
                                throw x;
                            }
                            count[0]++;
                            if (count[0] > blockingTasks) {
                                out.print("task", i, "aborts");
                                return f.await(barrier.abort(), 2);
                            }
                            return f.await(barrier.arriveAndWait(), 3);
                        case 2:
                            if (x != null) {
                                throw x;
                            }
                            return null;
                        default:
                            if (x instanceof BrokenBarrierException) {
                                out.print("task", i, "broken at second wait:", x.getMessage());
                                results2.add(true);
                                return null;
                            }
                            if (x != null) {
                                throw x;
                            }
                            return null;
                    }
                })),
                r -> {
                    out.print("broken", barrier.isBroken(), "results1", results1, "results2", results2,
                            "n_waiting", barrier.nWaiting(), state(barrier));
                    return null;
                }));
        assertTranscript(TWIN, "test_abort_barrier_when_tasks_half_draining_half_blocking", out);
    }

    @Test
    void testAbortBarrierWhenException() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> gatherTasks(N, i -> coroutine((f, v, x) -> {
                    int state = f.state();
                    if (state == 1 && x == null && (Integer) v == N / 2) {
                        x = new RuntimeException(); // raise RuntimeError inside `async with barrier`
                    }
                    if ((state == 1 || state == 2) && x != null) { // the except clauses
                        if (x instanceof BrokenBarrierException) {
                            out.print("task", i, "broken");
                            results2.add(true);
                            return null;
                        }
                        if (isRuntimeError(x)) {
                            out.print("task", i, "raised, aborts");
                            return f.await(barrier.abort(), 3);
                        }
                        throw x;
                    }
                    switch (state) {
                        case 0:
                            return f.await(barrier.arriveAndWait(), 1);
                        case 1:
                            return f.await(barrier.arriveAndWait(), 2);
                        case 2:
                            results1.add(true);
                            return null;
                        default:
                            if (x != null) {
                                throw x;
                            }
                            return null;
                    }
                })),
                r -> {
                    out.print("broken", barrier.isBroken(), "results1", results1.size(), "results2", results2.size(),
                            "n_waiting", barrier.nWaiting());
                    return null;
                }));
        assertTranscript(TWIN, "test_abort_barrier_when_exception", out);
    }

    @Test
    void testAbortBarrierWhenExceptionThenResetting() {
        Barrier barrier1 = new Barrier(N);
        Barrier barrier2 = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Boolean> results3 = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> gatherTasks(N, t -> coroutine((f, v, x) -> {
                    int state = f.state();
                    if (state == 1 && x == null && (Integer) v == N / 2) {
                        x = new RuntimeException();
                    }
                    if ((state == 1 || state == 2) && x != null) { // the except clauses
                        if (x instanceof BrokenBarrierException) {
                            results2.add(true);
                            state = 4;
                        } else if (isRuntimeError(x)) {
                            out.print("task", t, "raised, aborts");
                            return f.await(barrier1.abort(), 3);
                        } else {
                            throw x;
                        }
                    } else if (x != null) {
                        throw x;
                    }
                    switch (state) {
                        case 0:
                            return f.await(barrier1.arriveAndWait(), 1);
                        case 1:
                            return f.await(barrier1.arriveAndWait(), 2);
                        case 2:
                            results1.add(true);
                            // fall through: after the try
                        case 3:
                        case 4:
                            return f.await(barrier2.arriveAndWait(), 5);
                        case 5:
                            if ((Integer) v == N / 2) {
                                out.print("task", t, "resets barrier1");
                                return f.await(barrier1.reset(), 6);
                            }
                            // fall through
                        case 6:
                            return f.await(barrier2.arriveAndWait(), 7);
                        case 7:
                            return f.await(barrier1.arriveAndWait(), 8);
                        default:
                            results3.add(true);
                            return null;
                    }
                })),
                r -> {
                    out.print("broken", barrier1.isBroken(), "results", results1.size(), results2.size(),
                            results3.size(), "n_waiting", barrier1.nWaiting());
                    return null;
                }));
        assertTranscript(TWIN, "test_abort_barrier_when_exception_then_resetting", out);
    }

    // ---- beyond the twin ----

    @Test
    void operationsAreColdUntilAwaited() {
        Barrier barrier = new Barrier(2);
        EventLoop.runVirtual(script(r -> {
            barrier.arriveAndWait();
            barrier.abort();
            barrier.reset();
            assertEquals(0, barrier.nWaiting());
            assertEquals(false, barrier.isBroken());
            return null;
        }));
    }

    @Test
    void toStringShowsStateAndWaiters() {
        Barrier barrier = new Barrier(3);
        List<String> seen = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    // the two arrivals broken by abort() end with an exception nobody retrieves
                    EventLoop.current().setExceptionHandler((loop, context) -> reported.add(context.message()
                            + ": " + context.exception().getClass().getSimpleName()));
                    seen.add(barrier.toString());
                    task(barrier.arriveAndWait());
                    return sleep(0);
                },
                r -> {
                    seen.add(barrier.toString());
                    task(barrier.arriveAndWait());
                    task(barrier.arriveAndWait());
                    return sleep(0);
                },
                r -> {
                    seen.add(barrier.toString());
                    return barrier.abort();
                },
                r -> {
                    seen.add(barrier.toString());
                    return sleep(0);
                }));
        assertEquals(List.of("Barrier[filling, waiters=0/3]", "Barrier[filling, waiters=1/3]",
                "Barrier[draining, waiters=0/3]", "Barrier[broken]"), seen);
        assertEquals(List.of("Task exception was never retrieved: BrokenBarrierException",
                "Task exception was never retrieved: BrokenBarrierException"), reported);
    }

    @Test
    void foreignThreadIsRefusedWhileTheLoopRuns() {
        Barrier barrier = new Barrier(2);
        List<Throwable> errors = new ArrayList<>();
        EventLoop.runVirtual(script(r -> {
            barrier.parties(); // binds the barrier to this loop
            Threads.runOnOtherThread(errors, barrier::arriveAndWait);
            Threads.runOnOtherThread(errors, barrier::reset);
            Threads.runOnOtherThread(errors, barrier::abort);
            Threads.runOnOtherThread(errors, barrier::parties);
            Threads.runOnOtherThread(errors, barrier::nWaiting);
            Threads.runOnOtherThread(errors, barrier::isBroken);
            return null;
        }));
        assertEquals(6, errors.size(), errors.toString());
        errors.forEach(e -> assertInstanceOf(IllegalStateException.class, e));
    }
}
