package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Machines.task;
import static dev.baton.runtime.QueueSupport.count;
import static dev.baton.runtime.QueueSupport.outcome;
import static dev.baton.runtime.QueueSupport.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.runtime.internal.AwaitOnce;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Queue}: the shared contract of {@link QueueKindTests}, plus CPython 3.13's
 * {@code test_queues.py} get and put tests (QueueBasicTests, QueueGetTests, QueuePutTests),
 * each against its scenario in {@code twins/queues/queue.py}.
 */
class QueueTest extends QueueKindTests {

    @Override
    Queue<Object> newQueue(int maxsize) {
        return new Queue<>(maxsize);
    }

    @Override
    String kind() {
        return "Queue";
    }

    private static List<String> twin(String scenario) {
        return Twins.section("queues/queue", scenario);
    }

    private void run(String scenario, Coroutine<?> main) {
        EventLoop.runVirtual(main);
        assertEquals(twin(scenario), out);
    }

    private Coroutine<Object> putter(Queue<Object> q, Object item) {
        return script(x -> q.put(item), x -> {
            print("put", item);
            return null;
        });
    }

    private Coroutine<Object> getter(Queue<Object> q, String who) {
        return script(x -> q.get(), x -> {
            print(who, "got", x);
            return null;
        });
    }

    // ---- QueueBasicTests ----

    @Test
    void fifoOrder() {
        Queue<Object> q = new Queue<>();
        List<Object> items = new ArrayList<>();
        List<Integer> puts = List.of(1, 3, 2);
        run("order", script(
                r -> times(3, i -> q.put(puts.get(i)), (v, i) -> { }),
                r -> times(3, i -> q.get(), (v, i) -> items.add(v)),
                r -> {
                    print("items", items);
                    return null;
                }));
    }

    @Test
    void maxsize() {
        Queue<Object> q = new Queue<>(2);
        List<Integer> haveBeenPut = new ArrayList<>();
        List<Task<Object>> t = new ArrayList<>();
        run("maxsize", script(
                r -> {
                    print("maxsize", q.maxsize());
                    t.add(spawn(script(
                            x -> times(3, i -> q.put(i), (v, i) -> {
                                haveBeenPut.add(i);
                                print("put", i);
                            }),
                            x -> Baton.done(true))));
                    return sleep(0);
                },
                r -> {
                    print("tick", 0, haveBeenPut);
                    return sleep(0);
                },
                r -> {
                    print("tick", 1, haveBeenPut);
                    return q.get();
                },
                r -> {
                    print("get", r);
                    return sleep(0);
                },
                r -> {
                    print("after sleep", haveBeenPut);
                    return q.get();
                },
                r -> {
                    print("get", r);
                    return q.get();
                },
                r -> {
                    print("get", r);
                    print("done", t.get(0).isDone(), t.get(0).result());
                    return null;
                }));
    }

    // ---- QueueGetTests ----

    @Test
    void blockingGetWait() {
        Queue<Object> q = new Queue<>();
        boolean[] finished = {false};
        List<Task<Object>> t = new ArrayList<>();
        run("blocking_get_wait", script(
                r -> {
                    t.add(spawn(script(
                            x -> {
                                print("getter started");
                                return q.get();
                            },
                            x -> {
                                finished[0] = true;
                                print("getter got", x);
                                return Baton.done(x);
                            })));
                    return sleep(0);
                },
                r -> {
                    print("finished", finished[0]);
                    EventLoop.current().callLater(0.01, () -> q.putNowait(1));
                    return t.get(0);
                },
                r -> {
                    print("finished", finished[0], "res", r);
                    return null;
                }));
    }

    @Test
    void getWithPutters() {
        Queue<Object> q = new Queue<>(1);
        List<Task<Object>> t = new ArrayList<>();
        run("get_with_putters", script(
                r -> q.put(1),
                r -> {
                    t.add(spawn(script(x -> q.put(2), x -> {
                        print("putter done");
                        return null;
                    })));
                    return sleep(0);
                },
                r -> {
                    print("qsize", q.qsize(), "putter done", t.get(0).isDone());
                    return q.get();
                },
                r -> {
                    print("get", r);
                    print("qsize", q.qsize(), "putter done", t.get(0).isDone());
                    return sleep(0);
                },
                r -> {
                    print("qsize", q.qsize(), "putter done", t.get(0).isDone());
                    return null;
                }));
    }

    @Test
    void getCancelledRace() {
        Queue<Object> q = new Queue<>();
        List<Task<Object>> t = new ArrayList<>();
        run("get_cancelled_race", script(
                r -> {
                    t.add(task(q.get()));
                    t.add(task(q.get()));
                    return sleep(0);
                },
                r -> {
                    t.get(0).cancel();
                    return sleep(0);
                },
                r -> {
                    print("t1 done", t.get(0).isDone(), "cancelled", t.get(0).isCancelled());
                    return q.put("a");
                },
                r -> sleep(0),
                r -> t.get(1),
                r -> {
                    print("t2", r);
                    return null;
                }));
    }

    @Test
    void getWithWaitingPutters() {
        Queue<Object> q = new Queue<>(1);
        run("get_with_waiting_putters", script(
                r -> {
                    task(q.put("a")); // two put awaitables alive at once: the second has its own object
                    task(q.put("b"));
                    return q.get();
                },
                r -> {
                    print("get", r);
                    return q.get();
                },
                r -> {
                    print("get", r);
                    return null;
                }));
    }

    @Test
    void whyAreGettersWaiting() {
        Queue<Object> q = new Queue<>(1);
        run("why_are_getters_waiting", script(
                r -> TaskGroup.run(tg -> {
                    tg.spawn(times(5, i -> q.put(i), (v, i) -> print("producer put", i)));
                    tg.spawn(times(5, i -> q.get(), (v, i) -> print("consumer got", v)));
                    return Baton.done();
                }),
                r -> {
                    print("qsize", q.qsize(), "getters", count(q, "getters"), "putters", count(q, "putters"));
                    return null;
                }));
    }

    @Test
    void cancelledGettersNotBeingHeldInSelfGetters() {
        Queue<Object> q = new Queue<>(5);
        run("cancelled_getters_not_being_held_in_self_getters", script(
                r -> outcome(Baton.waitFor(q.get(), 0.1)),
                r -> {
                    print("wait_for get", r);
                    print("getters", count(q, "getters"));
                    return null;
                }));
    }

    @Test
    void cancelledGetterTaskNotHeld() {
        Queue<Object> q = new Queue<>(5);
        run("cancelled_getter_task_not_held", script(
                r -> {
                    Task<Object> t = task(q.get());
                    EventLoop.current().callLater(0.1, () -> t.cancel());
                    return outcome(t);
                },
                r -> {
                    print("get", r);
                    print("getters", count(q, "getters"));
                    return null;
                }));
    }

    @Test
    void waitForPutOnFullQueue() {
        Queue<Object> q = new Queue<>(1);
        run("wait_for_put_on_full_queue", script(
                r -> {
                    q.putNowait(1);
                    return outcome(Baton.waitFor(q.put(2), 0.1));
                },
                r -> {
                    print("wait_for put", r);
                    print("putters", count(q, "putters"), "qsize", q.qsize(), "unfinished", count(q, "unfinished"));
                    return outcome(Baton.waitFor(q.get(), 0.1));
                },
                r -> {
                    print("wait_for get", r);
                    return outcome(Baton.waitFor(q.put(3), 0.1));
                },
                r -> {
                    print("wait_for put", r);
                    print("get", q.getNowait(), "qsize", q.qsize());
                    return null;
                }));
    }

    @Test
    void getNowaitOnEmptyThrowsQueueEmpty() {
        Queue<Object> q = new Queue<>();
        assertThrows(QueueEmptyException.class, q::getNowait);
        q.putNowait(1);
        assertEquals(1, q.getNowait());
    }

    // ---- QueuePutTests ----

    @Test
    void blockingPutWait() {
        Queue<Object> q = new Queue<>(1);
        boolean[] finished = {false};
        List<Task<Object>> t = new ArrayList<>();
        run("blocking_put_wait", script(
                r -> {
                    EventLoop.current().callLater(0.01, () -> print("get_nowait", q.getNowait()));
                    t.add(spawn(script(
                            x -> {
                                print("putter started");
                                return q.put(1);
                            },
                            x -> {
                                print("put 1");
                                return q.put(2);
                            },
                            x -> {
                                print("put 2");
                                finished[0] = true;
                                return null;
                            })));
                    return sleep(0);
                },
                r -> {
                    print("finished", finished[0]);
                    return t.get(0);
                },
                r -> {
                    print("finished", finished[0], "qsize", q.qsize());
                    return null;
                }));
    }

    @Test
    void getCancelDropOnePendingReader() {
        Queue<Object> q = new Queue<>();
        List<Task<Object>> reader = new ArrayList<>();
        run("get_cancel_drop_one_pending_reader", script(
                r -> {
                    reader.add(task(q.get()));
                    return sleep(0);
                },
                r -> {
                    q.putNowait(1);
                    q.putNowait(2);
                    reader.get(0).cancel();
                    return outcome(reader.get(0));
                },
                r -> {
                    if (r instanceof CancelledException) {
                        print("reader cancelled");
                        reader.set(0, task(q.get()));
                        return reader.get(0);
                    }
                    print("reader finished");
                    return null;
                },
                r -> {
                    print("result", reader.get(0).result(), "qsize", q.qsize());
                    return null;
                }));
    }

    @Test
    void getCancelDropManyPendingReaders() {
        Queue<Object> q = new Queue<>();
        List<Task<Object>> readers = new ArrayList<>();
        run("get_cancel_drop_many_pending_readers", script(
                r -> TaskGroup.run(tg -> {
                    for (int i = 0; i < 3; i++) {
                        readers.add(tg.spawn(new AwaitOnce<>(q.get())));
                    }
                    return script(
                            x -> sleep(0),
                            x -> {
                                q.putNowait(1);
                                q.putNowait(2);
                                readers.get(0).cancel();
                                return outcome(readers.get(0));
                            },
                            x -> {
                                print("reader1", x);
                                return readers.get(2);
                            },
                            x -> {
                                print("reader3 done, reader2 done", readers.get(1).isDone());
                                return null;
                            });
                }),
                r -> {
                    print("reader2", readers.get(1).result(), "reader3", readers.get(2).result());
                    print("qsize", q.qsize(), "getters", count(q, "getters"));
                    return null;
                }));
    }

    @Test
    void putCancelDrop() {
        Queue<Object> q = new Queue<>(1);
        List<Task<Void>> writer = new ArrayList<>();
        run("put_cancel_drop", script(
                r -> {
                    q.putNowait(1);
                    writer.add(task(q.put(2)));
                    return sleep(0);
                },
                r -> {
                    print("value1", q.getNowait());
                    writer.get(0).cancel();
                    return outcome(writer.get(0));
                },
                r -> {
                    if (r instanceof CancelledException) {
                        print("writer cancelled");
                        writer.set(0, task(q.put(2)));
                        return writer.get(0);
                    }
                    print("writer finished");
                    return null;
                },
                r -> {
                    print("value2", q.getNowait());
                    print("qsize", q.qsize());
                    return null;
                }));
    }

    @Test
    void putNowaitOnFullThrowsQueueFull() {
        Queue<Object> q = new Queue<>(1);
        q.putNowait(1);
        assertThrows(QueueFullException.class, () -> q.putNowait(2));
    }

    @Test
    void putCancelled() {
        Queue<Object> q = new Queue<>();
        List<Task<Object>> t = new ArrayList<>();
        run("put_cancelled", script(
                r -> {
                    t.add(spawn(script(x -> q.put(1), x -> Baton.done(true))));
                    return q.get();
                },
                r -> {
                    print("get", r);
                    print("done", t.get(0).isDone(), t.get(0).result());
                    return null;
                }));
    }

    @Test
    void putCancelledRace() {
        Queue<Object> q = new Queue<>(1);
        List<Task<Void>> t = new ArrayList<>();
        run("put_cancelled_race", script(
                r -> {
                    t.add(task(q.put("a")));
                    t.add(task(q.put("b")));
                    t.add(task(q.put("X")));
                    return sleep(0);
                },
                r -> {
                    print("a done", t.get(0).isDone(), "b done", t.get(1).isDone());
                    t.get(2).cancel();
                    return sleep(0);
                },
                r -> {
                    print("c done", t.get(2).isDone(), "cancelled", t.get(2).isCancelled());
                    print("get", q.getNowait());
                    return sleep(0);
                },
                r -> {
                    print("get", q.getNowait());
                    return t.get(1);
                },
                r -> {
                    print("qsize", q.qsize(), "putters", count(q, "putters"));
                    return null;
                }));
    }

    @Test
    void putWithWaitingGetters() {
        Queue<Object> q = new Queue<>();
        List<Task<Object>> t = new ArrayList<>();
        run("put_with_waiting_getters", script(
                r -> {
                    t.add(task(q.get()));
                    return sleep(0);
                },
                r -> q.put("a"),
                r -> t.get(0),
                r -> {
                    print("got", r);
                    return null;
                }));
    }

    @Test
    void whyArePuttersWaiting() {
        Queue<Object> q = new Queue<>(2);
        run("why_are_putters_waiting", script(
                r -> TaskGroup.run(tg -> {
                    tg.spawn(script(x -> sleep(0), x -> {
                        int num = q.qsize();
                        for (int i = 0; i < num; i++) {
                            print("get_nowait", q.getNowait());
                        }
                        return null;
                    }));
                    for (int i = 0; i < 4; i++) {
                        tg.spawn(putter(q, i));
                    }
                    return Baton.done();
                }),
                r -> {
                    print("qsize", q.qsize(), "putters", count(q, "putters"));
                    return null;
                }));
    }

    @Test
    void cancelledPutsNotBeingHeldInSelfPutters() {
        Queue<Object> q = new Queue<>(1);
        List<Task<Void>> t = new ArrayList<>();
        run("cancelled_puts_not_being_held_in_self_putters", script(
                r -> {
                    q.putNowait(1);
                    t.add(task(q.put(1)));
                    return sleep(0);
                },
                r -> {
                    print("putters", count(q, "putters"));
                    t.get(0).cancel();
                    return outcome(t.get(0));
                },
                r -> {
                    print("put", r);
                    print("putters", count(q, "putters"));
                    return null;
                }));
    }

    @Test
    void cancelledPutSilenceValueErrorException() {
        Queue<Object> q = new Queue<>(1);
        List<Task<Void>> t = new ArrayList<>();
        run("cancelled_put_silence_value_error_exception", script(
                r -> {
                    q.putNowait(1);
                    t.add(task(q.put(1)));
                    return sleep(0);
                },
                r -> {
                    q.getNowait();
                    t.get(0).cancel();
                    return outcome(t.get(0));
                },
                r -> {
                    print("put", r);
                    print("qsize", q.qsize(), "putters", count(q, "putters"));
                    return null;
                }));
    }

    // ---- wake-up rules beyond test_queues.py ----

    @Test
    void fifoGetters() {
        Queue<Object> q = new Queue<>();
        List<Task<Object>> tasks = new ArrayList<>();
        run("fifo_getters", script(
                r -> {
                    for (String who : List.of("a", "b", "c")) {
                        tasks.add(spawn(getter(q, who)));
                    }
                    return sleep(0);
                },
                r -> {
                    for (int i = 0; i < 3; i++) {
                        q.putNowait(i);
                    }
                    return times(3, tasks::get, (v, i) -> { });
                }));
    }

    @Test
    void fifoPutters() {
        Queue<Object> q = new Queue<>(1);
        List<Task<Object>> tasks = new ArrayList<>();
        run("fifo_putters", script(
                r -> {
                    q.putNowait(0);
                    for (int item = 1; item <= 3; item++) {
                        tasks.add(spawn(putter(q, item)));
                    }
                    return sleep(0);
                },
                r -> times(4, i -> q.get(), (v, i) -> print("get", v)),
                r -> times(3, tasks::get, (v, i) -> { })));
    }

    @Test
    void wokenGetterDoesNotReserveTheItem() {
        Queue<Object> q = new Queue<>();
        List<Task<Object>> t = new ArrayList<>();
        run("woken_getter_does_not_reserve_the_item", script(
                r -> {
                    t.add(spawn(getter(q, "a")));
                    t.add(spawn(getter(q, "b")));
                    return sleep(0);
                },
                r -> {
                    q.putNowait(1);
                    print("main took", q.getNowait());
                    return sleep(0);
                },
                r -> {
                    print("getters", count(q, "getters"));
                    q.putNowait(2);
                    q.putNowait(3);
                    return t.get(0);
                },
                r -> t.get(1)));
    }

    @Test
    void wokenPutterDoesNotReserveTheSlot() {
        Queue<Object> q = new Queue<>(1);
        List<Task<Object>> t = new ArrayList<>();
        run("woken_putter_does_not_reserve_the_slot", script(
                r -> {
                    q.putNowait(0);
                    t.add(spawn(putter(q, "a")));
                    t.add(spawn(putter(q, "b")));
                    return sleep(0);
                },
                r -> {
                    print("get", q.getNowait());
                    q.putNowait("main");
                    return sleep(0);
                },
                r -> {
                    print("putters", count(q, "putters"));
                    print("get", q.getNowait());
                    return q.get();
                },
                r -> {
                    print("get", r);
                    return q.get();
                },
                r -> {
                    print("get", r);
                    return t.get(0);
                },
                r -> t.get(1)));
    }

    @Test
    void cancelWokenPutterPassesWakeupOn() {
        Queue<Object> q = new Queue<>(1);
        List<Task<Object>> t = new ArrayList<>();
        run("cancel_woken_putter_passes_wakeup_on", script(
                r -> {
                    q.putNowait(0);
                    t.add(spawn(putter(q, "a")));
                    t.add(spawn(putter(q, "b")));
                    return sleep(0);
                },
                r -> {
                    print("get", q.getNowait());
                    t.get(0).cancel();
                    return outcome(t.get(0));
                },
                r -> {
                    print("a", r);
                    return t.get(1);
                },
                r -> {
                    print("get", q.getNowait(), "qsize", q.qsize(), "putters", count(q, "putters"));
                    return null;
                }));
    }

    // ---- cold operations and null items ----

    @Test
    void putsAreColdAndPutInAwaitOrder() {
        Queue<Object> q = new Queue<>();
        List<Object> items = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    Awaitable<Void> a = q.put("a");
                    Awaitable<Void> b = q.put("b");
                    Awaitable<Void> c = q.put("c");
                    assertEquals(0, q.qsize(), "nothing is put before it is awaited");
                    return times(3, i -> List.of(c, a, b).get(i), (v, i) -> { });
                },
                r -> times(3, i -> q.get(), (v, i) -> items.add(v))));
        assertEquals(List.of("c", "a", "b"), items);
    }

    @Test
    void aPutNeverAwaitedPutsNothingAndLaterPutsStillWork() {
        Queue<Object> q = new Queue<>();
        List<Object> items = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    q.put("forgotten");
                    return q.put("x");
                },
                r -> q.put("y"),
                r -> times(2, i -> q.get(), (v, i) -> items.add(v))));
        assertEquals(List.of("x", "y"), items);
        assertEquals(0, q.qsize());
    }

    @Test
    void nullItemsAreItems() {
        Queue<Object> q = new Queue<>(2);
        List<Object> got = new ArrayList<>();
        List<Task<Object>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    t.add(task(q.get()));
                    return sleep(0);
                },
                r -> q.put(null),
                r -> t.get(0),
                r -> {
                    got.add(r);
                    q.putNowait(null);
                    q.putNowait("x");
                    assertEquals(2, q.qsize());
                    return q.get();
                },
                r -> {
                    got.add(r);
                    return q.get();
                },
                r -> {
                    got.add(r);
                    return null;
                }));
        assertEquals(Arrays.asList(null, null, "x"), got);
        assertNull(t.get(0).result());
        assertEquals(0, q.qsize());
    }
}
