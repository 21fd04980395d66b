package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Machines.task;
import static dev.baton.runtime.QueueSupport.count;
import static dev.baton.runtime.QueueSupport.doneFlags;
import static dev.baton.runtime.QueueSupport.error;
import static dev.baton.runtime.QueueSupport.line;
import static dev.baton.runtime.QueueSupport.loop;
import static dev.baton.runtime.QueueSupport.outcome;
import static dev.baton.runtime.QueueSupport.outcomeNow;
import static dev.baton.runtime.QueueSupport.outcomeNowVoid;
import static dev.baton.runtime.QueueSupport.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.runtime.internal.StateMachine;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every queue kind must do: the scenarios of {@code twins/queues/kinds.py} (CPython
 * 3.13's {@code _QueueJoinTestMixin}, {@code _QueueShutdownTestMixin} and each kind's order),
 * and the Java side of the contract: errors, toString, thread confinement, and fast paths
 * that allocate nothing. {@link QueueTest}, {@link LifoQueueTest} and
 * {@link PriorityQueueTest} run them for their kind.
 */
@Timeout(10) // a lost wake-up would otherwise park the loop thread forever
abstract class QueueKindTests {
    final List<String> out = new ArrayList<>();

    /** A new queue of the kind under test. */
    abstract Queue<Object> newQueue(int maxsize);

    /** The kind's asyncio class name: the section prefix in kinds.txt. */
    abstract String kind();

    void print(Object... parts) {
        out.add(line(parts));
    }

    private List<String> twin(String scenario) {
        return Twins.section("queues/kinds", kind() + "/" + scenario);
    }

    private Coroutine<Object> getter(Queue<Object> q, String who) {
        return script(x -> q.get(), x -> {
            print(who, "got", x);
            return null;
        });
    }

    private Coroutine<Object> putter(Queue<Object> q, Object item) {
        return script(x -> q.put(item), x -> {
            print("put", item);
            return null;
        });
    }

    /** The twins' {@code waiter(label, aw)}: prints the outcome of awaiting {@code aw}. */
    private Coroutine<Object> waiter(String label, Awaitable<?> awaitable) {
        return script(x -> outcome(awaitable), x -> {
            print(label, x);
            return null;
        });
    }

    private static Coroutine<Void> awaitEach(List<? extends Promise<?>> tasks) {
        return times(tasks.size(), tasks::get, (v, i) -> { });
    }

    // ---- orders ----

    @Test
    void order() {
        Queue<Object> q = newQueue(0);
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        List<Integer> puts = List.of(1, 3, 2);
        EventLoop.runVirtual(script(
                r -> times(3, i -> q.put(puts.get(i)), (v, i) -> { }),
                r -> times(3, i -> q.get(), (v, i) -> first.add(v)),
                r -> {
                    print("items", first);
                    for (int i : new int[] {5, 1, 4, 2, 3}) {
                        q.putNowait(i);
                    }
                    for (int i = 0; i < 5; i++) {
                        second.add(q.getNowait());
                    }
                    print("items", second);
                    return null;
                }));
        assertEquals(twin("order"), out);
    }

    @Test
    void orderWithWaitingGetters() {
        Queue<Object> q = newQueue(0);
        List<Task<Object>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    tasks.add(spawn(getter(q, "a")));
                    tasks.add(spawn(getter(q, "b")));
                    return sleep(0);
                },
                r -> {
                    for (int i : new int[] {3, 1, 2}) {
                        q.putNowait(i);
                    }
                    return awaitEach(tasks);
                },
                r -> {
                    print("left", q.getNowait());
                    return null;
                }));
        assertEquals(twin("order_with_waiting_getters"), out);
    }

    @Test
    void orderWhenBounded() {
        Queue<Object> q = newQueue(2);
        List<Task<Object>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    q.putNowait(2);
                    q.putNowait(9);
                    tasks.add(spawn(putter(q, 5)));
                    tasks.add(spawn(putter(q, 1)));
                    return sleep(0);
                },
                r -> times(4, i -> script(x -> q.get(), x -> {
                    print("get", x);
                    return sleep(0);
                }), (v, i) -> { }),
                r -> awaitEach(tasks)));
        assertEquals(twin("order_when_bounded"), out);
    }

    // ---- task_done / join (_QueueJoinTestMixin) ----

    @Test
    void taskDoneUnderflow() {
        Queue<Object> q = newQueue(0);
        print("task_done", error(outcomeNowVoid(q::taskDone)));
        assertEquals(twin("task_done_underflow"), out);
        IllegalStateException e = assertThrows(IllegalStateException.class, q::taskDone);
        assertEquals("task_done() called too many times", e.getMessage());
    }

    @Test
    void taskDone() {
        Queue<Object> q = newQueue(0);
        for (int i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        int[] accumulator = {0};
        int[] counts = {0, 0};
        boolean[] running = {true};
        EventLoop.runVirtual(script(
                r -> TaskGroup.run(tg -> {
                    List<Task<Object>> tasks = new ArrayList<>();
                    for (int index = 0; index < 2; index++) {
                        int me = index;
                        tasks.add(tg.spawn(script(
                                x -> loop(() -> running[0], q::get, item -> {
                                    accumulator[0] += (Integer) item;
                                    counts[me]++;
                                    q.taskDone();
                                }),
                                x -> {
                                    print("worker", me, "ends");
                                    return null;
                                })));
                    }
                    return script(
                            x -> q.join(),
                            x -> {
                                print("joined", accumulator[0], List.of(counts[0], counts[1]));
                                running[0] = false;
                                for (int i = 0; i < tasks.size(); i++) {
                                    q.putNowait(0);
                                }
                                return null;
                            });
                }),
                r -> {
                    print("counts", List.of(counts[0], counts[1]), "qsize", q.qsize());
                    return null;
                }));
        assertEquals(twin("task_done"), out);
    }

    @Test
    void joinEmptyQueue() {
        Queue<Object> q = newQueue(0);
        EventLoop.runVirtual(script(r -> q.join(), r -> q.join(), r -> {
            print("joined twice");
            return null;
        }));
        assertEquals(twin("join_empty_queue"), out);
    }

    @Test
    void joinWaitersWakeInOrder() {
        Queue<Object> q = newQueue(0);
        List<Task<Object>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    q.putNowait(1);
                    q.putNowait(2);
                    for (String who : List.of("a", "b", "c")) {
                        tasks.add(spawn(script(x -> q.join(), x -> {
                            print(who, "joined");
                            return null;
                        })));
                    }
                    return sleep(0);
                },
                r -> {
                    assertEquals(3, count(q, "joiners"));
                    tasks.get(1).cancel();
                    q.getNowait();
                    q.taskDone();
                    return sleep(0);
                },
                r -> {
                    assertEquals(2, count(q, "joiners"), "the cancelled joiner removed itself");
                    print("one done", doneFlags(tasks));
                    q.getNowait();
                    q.taskDone();
                    return times(3, i -> outcome(tasks.get(i)), (v, i) -> print("joiner", v));
                }));
        assertEquals(twin("join_waiters_wake_in_order"), out);
        assertEquals(0, count(q, "joiners"));
    }

    // ---- shutdown (_QueueShutdownTestMixin) ----

    @Test
    void shutdownEmpty() {
        Queue<Object> q = newQueue(0);
        Object[] getTask = new Object[1];
        EventLoop.runVirtual(script(
                r -> {
                    getTask[0] = task(q.get());
                    return sleep(0);
                },
                r -> {
                    q.shutdown(false);
                    print("qsize", q.qsize());
                    return q.join();
                },
                r -> {
                    print("joined");
                    return sleep(0);
                },
                r -> {
                    print("get_task done", ((Task<?>) getTask[0]).isDone());
                    return outcome((Task<?>) getTask[0]);
                },
                r -> {
                    print("get_task", r);
                    return outcome(q.put("data"));
                },
                r -> {
                    print("put", r);
                    print("put_nowait", outcomeNowVoid(() -> q.putNowait("data")));
                    return outcome(q.get());
                },
                r -> {
                    print("get", r);
                    print("get_nowait", outcomeNow(q::getNowait));
                    return null;
                }));
        assertEquals(twin("shutdown_empty"), out);
    }

    @Test
    void shutdownNonempty() {
        Queue<Object> q = newQueue(1);
        List<Task<?>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    q.putNowait("data");
                    t.add(task(q.join()));
                    t.add(task(q.put("data2")));
                    return sleep(0);
                },
                r -> {
                    print("put_task done", t.get(1).isDone());
                    q.shutdown(false);
                    print("qsize", q.qsize());
                    return sleep(0);
                },
                r -> {
                    print("put_task done", t.get(1).isDone());
                    return outcome(t.get(1));
                },
                r -> {
                    print("put_task", r);
                    return q.get();
                },
                r -> {
                    print("get", r);
                    return sleep(0);
                },
                r -> {
                    print("join_task done", t.get(0).isDone());
                    return outcome(q.put("data"));
                },
                r -> {
                    print("put", r);
                    print("put_nowait", outcomeNowVoid(() -> q.putNowait("data")));
                    return outcome(q.get());
                },
                r -> {
                    print("get", r);
                    print("get_nowait", outcomeNow(q::getNowait));
                    q.taskDone();
                    return sleep(0);
                },
                r -> {
                    print("join_task done", t.get(0).isDone());
                    return outcome(t.get(0));
                },
                r -> {
                    print("join_task", r);
                    print("task_done", error(outcomeNowVoid(q::taskDone)));
                    return null;
                }));
        assertEquals(twin("shutdown_nonempty"), out);
    }

    @Test
    void shutdownImmediate() {
        Queue<Object> q = newQueue(0);
        List<Task<?>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    q.putNowait("data");
                    t.add(task(q.join()));
                    q.shutdown(true);
                    print("qsize", q.qsize());
                    return sleep(0);
                },
                r -> {
                    print("join_task done", t.get(0).isDone());
                    return outcome(t.get(0));
                },
                r -> {
                    print("join_task", r);
                    return outcome(q.put("data"));
                },
                r -> {
                    print("put", r);
                    print("put_nowait", outcomeNowVoid(() -> q.putNowait("data")));
                    return outcome(q.get());
                },
                r -> {
                    print("get", r);
                    print("get_nowait", outcomeNow(q::getNowait));
                    print("task_done", error(outcomeNowVoid(q::taskDone)));
                    return null;
                }));
        assertEquals(twin("shutdown_immediate"), out);
    }

    @Test
    void shutdownImmediateWithUnfinished() {
        Queue<Object> q = newQueue(0);
        List<Task<?>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    q.putNowait("data");
                    q.putNowait("data");
                    t.add(task(q.join()));
                    return q.get();
                },
                r -> {
                    print("get", r);
                    q.shutdown(true);
                    print("qsize", q.qsize());
                    return sleep(0);
                },
                r -> {
                    print("join_task done", t.get(0).isDone());
                    return outcome(q.put("data"));
                },
                r -> {
                    print("put", r);
                    print("put_nowait", outcomeNowVoid(() -> q.putNowait("data")));
                    return outcome(q.get());
                },
                r -> {
                    print("get", r);
                    print("get_nowait", outcomeNow(q::getNowait));
                    q.taskDone();
                    print("task_done", error(outcomeNowVoid(q::taskDone)));
                    return sleep(0);
                },
                r -> {
                    print("join_task done", t.get(0).isDone());
                    return outcome(t.get(0));
                },
                r -> {
                    print("join_task", r);
                    return null;
                }));
        assertEquals(twin("shutdown_immediate_with_unfinished"), out);
    }

    @Test
    void shutdownWakesEveryWaiter() {
        Queue<Object> empty = newQueue(0);
        Queue<Object> full = newQueue(1);
        List<Task<Object>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    full.putNowait("x");
                    tasks.add(spawn(waiter("getter a", empty.get())));
                    tasks.add(spawn(waiter("putter b", full.put("b"))));
                    tasks.add(spawn(waiter("getter c", empty.get())));
                    tasks.add(spawn(waiter("putter d", full.put("d"))));
                    return sleep(0);
                },
                r -> {
                    assertEquals(2, count(empty, "getters"));
                    assertEquals(2, count(full, "putters"));
                    full.shutdown();
                    empty.shutdown();
                    assertEquals(0, count(empty, "getters"));
                    assertEquals(0, count(full, "putters"));
                    return awaitEach(tasks);
                },
                r -> {
                    print("full keeps", full.getNowait(), "then", outcomeNow(full::getNowait));
                    return null;
                }));
        assertEquals(twin("shutdown_wakes_every_waiter"), out);
    }

    @Test
    void shutdownImmediateWakesPuttersAndJoiners() {
        Queue<Object> q = newQueue(2);
        List<Task<Object>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    q.putNowait("a");
                    q.putNowait("b");
                    tasks.add(spawn(waiter("putter", q.put("c"))));
                    tasks.add(spawn(waiter("joiner", q.join())));
                    return sleep(0);
                },
                r -> {
                    q.shutdown(true);
                    print("qsize", q.qsize());
                    return awaitEach(tasks);
                },
                r -> {
                    print("task_done", error(outcomeNowVoid(q::taskDone)));
                    return null;
                }));
        assertEquals(twin("shutdown_immediate_wakes_putters_and_joiners"), out);
    }

    @Test
    void cancelledGetterBeforeShutdown() {
        Queue<Object> q = newQueue(0);
        List<Task<Object>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    t.add(task(q.get()));
                    t.add(task(q.get()));
                    return sleep(0);
                },
                r -> {
                    t.get(0).cancel();
                    q.shutdown();
                    return outcome(t.get(0));
                },
                r -> {
                    print("t1", r);
                    return outcome(t.get(1));
                },
                r -> {
                    print("t2", r);
                    return null;
                }));
        assertEquals(twin("cancelled_getter_before_shutdown"), out);
    }

    @Test
    void shutdownIsIdempotentAndShown() {
        Queue<Object> q = newQueue(0);
        assertFalse(q.isShutdown());
        q.shutdown();
        q.shutdown(true);
        assertTrue(q.isShutdown());
        assertEquals(kind() + "[maxsize=0, qsize=0, getters=0, putters=0, unfinished=0, shutdown]", q.toString());
    }

    // ---- sizes and errors (test_empty, test_full, test_nonblocking_*) ----

    @Test
    void emptyAndFull() {
        Queue<Object> unbounded = newQueue(0);
        Queue<Object> one = newQueue(1);
        EventLoop.runVirtual(script(
                r -> {
                    assertTrue(unbounded.isEmpty());
                    assertFalse(unbounded.isFull());
                    return unbounded.put(1);
                },
                r -> {
                    assertFalse(unbounded.isEmpty());
                    assertFalse(unbounded.isFull());
                    return unbounded.get();
                },
                r -> {
                    assertEquals(1, r);
                    assertTrue(unbounded.isEmpty());
                    return one.put(1);
                },
                r -> {
                    assertTrue(one.isFull());
                    assertEquals(1, one.qsize());
                    assertEquals(1, one.maxsize());
                    return null;
                }));
    }

    @Test
    void maxsizeZeroOrLessIsUnbounded() {
        for (int maxsize : new int[] {0, -1, Integer.MIN_VALUE}) {
            Queue<Object> q = newQueue(maxsize);
            for (int i = 0; i < 1000; i++) {
                q.putNowait(i);
            }
            assertFalse(q.isFull());
            assertEquals(1000, q.qsize());
            assertEquals(maxsize, q.maxsize());
        }
    }

    @Test
    void nonblockingErrors() {
        Queue<Object> q = newQueue(1);
        QueueEmptyException empty = assertThrows(QueueEmptyException.class, q::getNowait);
        assertEquals(null, empty.getMessage(), "asyncio.QueueEmpty carries no message");
        q.putNowait(1);
        assertThrows(QueueFullException.class, () -> q.putNowait(2));
        assertEquals(1, q.qsize());
        assertEquals(1, q.getNowait());
        q.shutdown();
        assertThrows(QueueShutDownException.class, () -> q.putNowait(3));
        assertThrows(QueueShutDownException.class, q::getNowait);
        assertEquals(0, q.qsize());
    }

    @Test
    void awaitingAPutTwiceIsAnError() {
        Queue<Object> q = newQueue(0);
        Awaitable<?>[] put = new Awaitable<?>[1];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EventLoop.runVirtual(script(
                r -> {
                    put[0] = q.put(1);
                    return put[0];
                },
                r -> put[0])));
        assertTrue(e.getMessage().startsWith("cannot reuse already awaited coroutine"), e.getMessage());
        assertEquals(1, q.qsize());
    }

    // ---- toString ----

    @Test
    void toStringShowsStateAndWaiters() {
        Queue<Object> q = newQueue(1);
        List<String> seen = new ArrayList<>();
        List<Task<Void>> blockedPut = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    seen.add(q.toString());
                    task(q.get());
                    return sleep(0);
                },
                r -> {
                    seen.add(q.toString());
                    q.putNowait(1);
                    return sleep(0);
                },
                r -> {
                    q.putNowait(2);
                    blockedPut.add(task(q.put(3)));
                    task(q.join());
                    return sleep(0);
                },
                r -> {
                    seen.add(q.toString());
                    q.shutdown(true);
                    return outcome(blockedPut.get(0));
                },
                r -> {
                    seen.add(q.toString());
                    assertTrue(r instanceof QueueShutDownException, String.valueOf(r));
                    return null;
                }));
        String k = kind();
        assertEquals(List.of(
                k + "[maxsize=1, qsize=0, getters=0, putters=0, unfinished=0]",
                k + "[maxsize=1, qsize=0, getters=1, putters=0, unfinished=0]",
                k + "[maxsize=1, qsize=1, getters=0, putters=1, unfinished=2, joiners=1]",
                k + "[maxsize=1, qsize=0, getters=0, putters=0, unfinished=1, joiners=1, shutdown]"), seen);
    }

    // ---- thread confinement ----

    @Test
    void foreignThreadIsRefusedWhileTheLoopRuns() {
        Queue<Object> q = newQueue(2);
        List<Throwable> errors = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    q.putNowait("mine");
                    List<Runnable> calls = List.of(
                            () -> q.putNowait("theirs"), q::getNowait, q::get, () -> q.put("x"),
                            q::qsize, q::isEmpty, q::isFull, q::taskDone, q::join, q::shutdown);
                    for (Runnable call : calls) {
                        errors.add(onAnotherThread(call));
                    }
                    return null;
                }));
        assertEquals(10, errors.size());
        for (Throwable error : errors) {
            assertTrue(error instanceof IllegalStateException, String.valueOf(error));
            assertTrue(error.getMessage().contains("callSoonThreadsafe"), error.getMessage());
        }
        // nothing was corrupted: the loop's own item is still there, the queue is not shut down
        assertEquals(1, q.qsize());
        assertFalse(q.isShutdown());
        assertEquals("mine", q.getNowait());
    }

    static Throwable onAnotherThread(Runnable call) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                call.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "intruder");
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return thrown.get();
    }

    // ---- the fast paths allocate nothing ----

    static final int WARMUP = 20_000;
    static final int OPS = 10_000;
    static final int ROUNDS = 5;

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    /**
     * A hand-written machine of the processor's shape: {@code for (...) await(q.put(x));},
     * then {@code for (...) await(q.get());}, then {@code await(q.put(x)); await(q.get());}
     * pairs with {@code taskDone(); await(q.join());}, measuring the bytes this thread
     * allocates over {@link #OPS} operations of each kind, after a warm-up that also grows
     * the queue's store to its size. None of these awaits may suspend. The measured phases
     * run {@link #ROUNDS} times: the JIT may allocate a few bytes once, while it swaps
     * compiled code in (never under {@code -Xint}); an operation that allocates would do so
     * in every round.
     */
    static final class FastPaths extends StateMachine<long[][]> {
        private final Queue<Object> q;
        private final Object item = "item";

        FastPaths(Queue<Object> q) {
            this.q = q;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) {
            if ($state != 0) {
                throw new AssertionError("a fast path suspended");
            }
            for (int round = 0; round < 3; round++) {
                puts(WARMUP);
                gets(WARMUP);
                pairs(WARMUP);
            }
            long[][] bytes = new long[3][ROUNDS];
            long baseline = -(allocatedBytes() - allocatedBytes());
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = allocatedBytes();
                puts(OPS);
                long t1 = allocatedBytes();
                gets(OPS);
                long t2 = allocatedBytes();
                pairs(OPS);
                long t3 = allocatedBytes();
                bytes[0][round] = t1 - t0 - baseline;
                bytes[1][round] = t2 - t1 - baseline;
                bytes[2][round] = t3 - t2 - baseline;
            }
            return bytes;
        }

        private void puts(int n) {
            for (int i = 0; i < n; i++) {
                if ($await(q.put(item), 1) == SUSPENDED) {
                    throw new AssertionError("put suspended");
                }
            }
        }

        private void gets(int n) {
            for (int i = 0; i < n; i++) {
                if ($await(q.get(), 1) != item) {
                    throw new AssertionError("get did not return the item at once");
                }
                q.taskDone();
            }
        }

        private void pairs(int n) {
            for (int i = 0; i < n; i++) {
                if ($await(q.put(item), 1) == SUSPENDED || $await(q.get(), 1) != item) {
                    throw new AssertionError("put/get suspended");
                }
                q.taskDone();
                if ($await(q.join(), 1) == SUSPENDED) {
                    throw new AssertionError("join suspended");
                }
            }
        }
    }

    @Test
    void fastPathsAllocateNothing() {
        Queue<Object> q = newQueue(WARMUP);
        long[][] bytes = EventLoop.runVirtual(new FastPaths(q));
        String[] what = {"uncontended puts", "gets from a non-empty queue", "put/get/taskDone/join rounds"};
        for (int kind = 0; kind < 3; kind++) {
            long min = Arrays.stream(bytes[kind]).min().getAsLong();
            long max = Arrays.stream(bytes[kind]).max().getAsLong();
            // the figures are in the messages: a passing run prints nothing
            String figures = kind() + ": bytes allocated by " + OPS + " " + what[kind] + ", in " + ROUNDS
                    + " rounds: " + Arrays.toString(bytes[kind]);
            assertEquals(0, min, figures);
            assertTrue(max < OPS, "less than a byte per op in every round; " + figures);
        }
    }
}
