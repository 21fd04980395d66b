package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.QueueSupport.count;
import static dev.baton.runtime.QueueSupport.line;
import static dev.baton.runtime.QueueSupport.outcome;
import static dev.baton.runtime.QueueSupport.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.runtime.internal.ConsumerLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ConsumerLoop}, the worker of {@code @Consumes}, with hand-written handler
 * coroutines; each scenario against {@code twins/queues/consumer_loop.py}, where the worker
 * is the Python coroutine it mirrors.
 */
@Timeout(10) // a lost wake-up would otherwise park the loop thread forever
class ConsumerLoopTest {
    private final List<String> out = new ArrayList<>();
    private final List<Task<Void>> workers = new ArrayList<>();

    private void print(Object... parts) {
        out.add(line(parts));
    }

    private void run(String scenario, Coroutine<?> main) {
        EventLoop.runVirtual(main);
        assertEquals(Twins.section("queues/consumer_loop", scenario), out);
    }

    /** The twin's {@code show}: None, CancelledError, or an error by its message. */
    private static String show(Object v) {
        if (v instanceof CancelledException) {
            return "CancelledError";
        }
        if (v instanceof Throwable) {
            return "error: " + ((Throwable) v).getMessage();
        }
        return QueueSupport.show(v);
    }

    private static String me() {
        return Baton.currentTask().name();
    }

    private void spawnWorkers(Queue<Integer> q, Function<Integer, Coroutine<?>> handler, int n) {
        for (int i = 0; i < n; i++) {
            workers.add(EventLoop.current().createTask(new ConsumerLoop<>(q, handler), "worker-" + i));
        }
    }

    /** Awaits each worker, printing how it ended. */
    private Coroutine<Void> reportWorkers() {
        return times(workers.size(), i -> outcome(workers.get(i)),
                (v, i) -> print(workers.get(i).name(), show(v)));
    }

    private Coroutine<Object> slowHandler(int item) {
        return script(
                x -> {
                    print(me(), "starts", item);
                    return sleep(0.01 * item);
                },
                x -> {
                    print(me(), "ends", item);
                    return null;
                });
    }

    @Test
    void twoWorkersShareItems() {
        Queue<Integer> q = new Queue<>();
        run("two_workers_share_items", script(
                r -> {
                    for (int item : new int[] {4, 1, 2, 6, 3}) {
                        q.putNowait(item);
                    }
                    spawnWorkers(q, this::slowHandler, 2);
                    return q.join();
                },
                r -> {
                    print("joined");
                    q.shutdown();
                    return reportWorkers();
                }));
    }

    @Test
    void handlerRaises() {
        Queue<Integer> q = new Queue<>();
        Function<Integer, Coroutine<?>> handler = item -> script(
                x -> {
                    print(me(), "handles", item);
                    return sleep(0);
                },
                x -> {
                    if (item == 2) {
                        throw new IllegalArgumentException("bad item " + item);
                    }
                    return null;
                });
        run("handler_raises", script(
                r -> {
                    for (int item = 1; item <= 4; item++) {
                        q.putNowait(item);
                    }
                    spawnWorkers(q, handler, 2);
                    return q.join();
                },
                r -> {
                    print("joined, unfinished", count(q, "unfinished"));
                    q.shutdown();
                    return reportWorkers();
                }));
    }

    @Test
    void handlerRaisesAtOnce() {
        Queue<Integer> q = new Queue<>();
        Function<Integer, Coroutine<?>> handler = item -> script(x -> {
            print(me(), "handles", item);
            throw new IllegalArgumentException("bad item " + item);
        });
        run("handler_raises_at_once", script(
                r -> {
                    q.putNowait(1);
                    q.putNowait(2);
                    spawnWorkers(q, handler, 1);
                    return reportWorkers();
                },
                r -> {
                    print("qsize", q.qsize(), "unfinished", count(q, "unfinished"));
                    return null;
                }));
    }

    @Test
    void cancelWorkerInHandler() {
        Queue<Integer> q = new Queue<>();
        run("cancel_worker_in_handler", script(
                r -> {
                    q.putNowait(1);
                    q.putNowait(2);
                    spawnWorkers(q, this::slowHandler, 1);
                    return sleep(0.005);
                },
                r -> {
                    workers.get(0).cancel();
                    return reportWorkers();
                },
                r -> {
                    print("qsize", q.qsize(), "unfinished", count(q, "unfinished"));
                    return null;
                }));
    }

    @Test
    void cancelIdleWorker() {
        Queue<Integer> q = new Queue<>();
        run("cancel_idle_worker", script(
                r -> {
                    spawnWorkers(q, this::slowHandler, 1);
                    return sleep(0);
                },
                r -> {
                    workers.get(0).cancel();
                    return reportWorkers();
                },
                r -> {
                    q.putNowait(7);
                    print("qsize", q.qsize(), "unfinished", count(q, "unfinished"),
                            "getters", count(q, "getters"));
                    return null;
                }));
    }

    @Test
    void synchronousHandlerDoesNotYield() {
        Queue<Integer> q = new Queue<>();
        Function<Integer, Coroutine<?>> handler = item -> script(x -> {
            print(me(), "handles", item);
            return null;
        });
        run("synchronous_handler_does_not_yield", script(
                r -> {
                    for (int item = 0; item < 3; item++) {
                        q.putNowait(item);
                    }
                    spawnWorkers(q, handler, 2);
                    Baton.spawn(script(x -> {
                        print("other runs");
                        return null;
                    }));
                    return sleep(0);
                },
                r -> {
                    print("qsize", q.qsize());
                    q.putNowait(3);
                    q.putNowait(4);
                    return q.join();
                },
                r -> {
                    q.shutdown();
                    return reportWorkers();
                }));
    }

    @Test
    void shutdownImmediateStopsWorkers() {
        Queue<Integer> q = new Queue<>();
        run("shutdown_immediate_stops_workers", script(
                r -> {
                    for (int item = 1; item <= 4; item++) {
                        q.putNowait(item);
                    }
                    spawnWorkers(q, this::slowHandler, 2);
                    return sleep(0.005);
                },
                r -> {
                    q.shutdown(true);
                    print("qsize", q.qsize(), "unfinished", count(q, "unfinished"));
                    return reportWorkers();
                },
                r -> {
                    print("unfinished", count(q, "unfinished"));
                    return null;
                }));
    }

    @Test
    void producerAndWorkersOnBoundedQueue() {
        Queue<Integer> q = new Queue<>(2);
        run("producer_and_workers_on_bounded_queue", script(
                r -> {
                    spawnWorkers(q, this::slowHandler, 2);
                    return times(5, i -> q.put(i + 1), (v, i) -> print("produced", i + 1));
                },
                r -> {
                    q.shutdown();
                    print("producer shut the queue down");
                    return reportWorkers();
                }));
    }

    /** The shape the processor emits for {@code @Consumes(value = "outbox", workers = 2)}. */
    private final class Mailer implements Consumers {
        final Queue<String> outbox = new Queue<>();

        Coroutine<Object> send(String message) {
            return script(x -> {
                print(me(), "sends", message);
                return sleep(0.01);
            });
        }

        @Override
        public List<Task<Void>> startConsumers() {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                tasks.add(Baton.spawn(new ConsumerLoop<>(outbox, item -> send(item))));
            }
            return tasks;
        }
    }

    @Test
    void consumersStartsWorkersThatDrainTheQueue() {
        Mailer mailer = new Mailer();
        List<Task<Void>> started = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    started.addAll(mailer.startConsumers());
                    for (String m : List.of("a", "b", "c")) {
                        mailer.outbox.putNowait(m);
                    }
                    return mailer.outbox.join();
                },
                r -> {
                    mailer.outbox.shutdown();
                    return times(started.size(), started::get, (v, i) -> { });
                }));
        assertEquals(List.of("Task-2 sends a", "Task-3 sends b", "Task-2 sends c"), out);
        for (Task<Void> t : started) {
            assertTrue(t.isDone() && !t.isCancelled());
            assertNull(t.result());
        }
    }

    // ---- Java-side contract ----

    @Test
    void handlerReturningNullFailsTheWorkerAfterTaskDone() {
        Queue<Integer> q = new Queue<>();
        Object[] seen = new Object[1];
        EventLoop.runVirtual(script(
                r -> {
                    q.putNowait(1);
                    spawnWorkers(q, item -> null, 1);
                    return outcome(workers.get(0));
                },
                r -> {
                    seen[0] = r;
                    return q.join(); // the item was marked done: join does not hang
                }));
        assertTrue(seen[0] instanceof NullPointerException, String.valueOf(seen[0]));
        assertEquals("the @Consumes handler returned null", ((Throwable) seen[0]).getMessage());
    }

    @Test
    void workerOnAShutDownEmptyQueueEndsAtOnce() {
        Queue<Integer> q = new Queue<>();
        q.shutdown();
        assertNull(EventLoop.runVirtual(new ConsumerLoop<>(q, this::slowHandler)));
    }

    @Test
    void constructorRefusesNulls() {
        Queue<Integer> q = new Queue<>();
        assertThrows(NullPointerException.class, () -> new ConsumerLoop<Integer>(null, this::slowHandler));
        assertThrows(NullPointerException.class, () -> new ConsumerLoop<Integer>(q, null));
    }

    @Test
    void toStringNamesTheQueue() {
        Queue<Integer> q = new Queue<>(3);
        assertEquals("ConsumerLoop[Queue[maxsize=3, qsize=0, getters=0, putters=0, unfinished=0]]",
                new ConsumerLoop<>(q, this::slowHandler).toString());
    }
}
