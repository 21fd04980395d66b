package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.cancelledOrRethrow;
import static dev.baton.runtime.Machines.coroutine;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Machines.task;
import static dev.baton.runtime.Twins.assertTranscript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.runtime.Twins.Transcript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CPython 3.13's test_locks.EventTests, ported; expected output from twins/locks/event.py. */
@Timeout(10)
class EventTest {
    private static final String TWIN = "locks/event";

    private final Transcript out = new Transcript();
    private final Event ev = new Event();

    private Coroutine<Void> appendWhenSet(List<Integer> result, int n) {
        return script(
                r -> ev.waitSet(),
                r -> {
                    if ((Boolean) r) {
                        result.add(n);
                    }
                    return Baton.done(null);
                });
    }

    @Test
    void testWait() {
        List<Integer> result = new ArrayList<>();
        List<Task<Void>> tasks = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    out.print("is_set", ev.isSet());
                    tasks.add(spawn(appendWhenSet(result, 1)));
                    tasks.add(spawn(appendWhenSet(result, 2)));
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result);
                    tasks.add(spawn(appendWhenSet(result, 3)));
                    ev.set();
                    return sleep(0);
                },
                r -> {
                    out.print("after set+sleep", result);
                    for (Task<Void> t : tasks) {
                        out.print("task", t.isDone(), t.result());
                    }
                    return null;
                }));
        assertTranscript(TWIN, "test_wait", out);
    }

    @Test
    void testWaitOnSet() {
        EventLoop.runVirtual(script(
                r -> {
                    ev.set();
                    return ev.waitSet();
                },
                r -> {
                    out.print("wait", r);
                    return null;
                }));
        assertTranscript(TWIN, "test_wait_on_set", out);
    }

    @Test
    void testWaitCancel() {
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            switch (f.state()) {
                case 0: {
                    Task<Boolean> wait = task(ev.waitSet());
                    EventLoop.current().callSoon(() -> wait.cancel());
                    return f.await(wait, 1);
                }
                default:
                    out.print(cancelledOrRethrow(x));
                    out.print("waiters", ev.waiters.size());
                    return null;
            }
        }));
        assertTranscript(TWIN, "test_wait_cancel", out);
    }

    @Test
    void testClear() {
        EventLoop.runVirtual(script(r -> {
            out.print("is_set", ev.isSet());
            ev.set();
            out.print("is_set", ev.isSet());
            ev.clear();
            out.print("is_set", ev.isSet());
            return null;
        }));
        assertTranscript(TWIN, "test_clear", out);
    }

    @Test
    void testClearWithWaiters() {
        List<Integer> result = new ArrayList<>();
        List<Task<Boolean>> t = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    t.add(spawn(script(
                            x -> ev.waitSet(),
                            x -> {
                                if ((Boolean) x) {
                                    result.add(1);
                                }
                                return Baton.done(true);
                            })));
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result);
                    ev.set();
                    ev.clear();
                    out.print("is_set", ev.isSet());
                    ev.set();
                    ev.set();
                    out.print("waiters", ev.waiters.size());
                    return sleep(0);
                },
                r -> {
                    out.print("after sleep", result, "waiters", ev.waiters.size());
                    out.print("task", t.get(0).isDone(), t.get(0).result());
                    return null;
                }));
        assertTranscript(TWIN, "test_clear_with_waiters", out);
    }

    @Test
    void testSetWakesInFifoOrder() {
        List<Task<Void>> tasks = new ArrayList<>();
        EventLoop.runVirtual(coroutine((f, v, x) -> {
            if (x != null) {
                throw x;
            }
            int state = f.state();
            if (state == 0) {
                for (int i = 1; i <= 3; i++) {
                    tasks.add(spawn(waiter("w" + i)));
                }
                return f.await(sleep(0), 1);
            }
            if (state == 1) {
                out.print("setting");
                ev.set();
                out.print("set done, waiters", ev.waiters.size());
                tasks.add(spawn(waiter("late")));
            }
            if (state <= tasks.size()) {
                return f.await(tasks.get(state - 1), state + 1);
            }
            out.print("waiters", ev.waiters.size());
            return null;
        }));
        assertTranscript(TWIN, "test_set_wakes_in_fifo_order", out);
    }

    private Coroutine<Void> waiter(String name) {
        return script(
                r -> {
                    out.print(name, "waiting");
                    return ev.waitSet();
                },
                r -> {
                    out.print(name, "woke");
                    return Baton.done(null);
                });
    }

    // ---- beyond the twin ----

    @Test
    void waitSetIsColdUntilAwaited() {
        EventLoop.runVirtual(script(
                r -> {
                    ev.waitSet();
                    assertEquals(0, ev.waiters.size());
                    return null;
                }));
    }

    @Test
    void waitingOnASetEventAllocatesNothing() {
        Event set = new Event();
        set.set();
        long bytes = Allocations.allocatedBy(() -> {
            for (int i = 0; i < 10_000; i++) {
                set.waitSet().awaitFrom(Allocations.NO_MACHINE);
            }
        });
        assertTrue(bytes < 512, "waiting on a set event allocated " + bytes + " bytes in 10000 rounds");
    }

    @Test
    void toStringShowsStateAndWaiters() {
        List<String> seen = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> {
                    seen.add(ev.toString());
                    task(ev.waitSet());
                    task(ev.waitSet());
                    return sleep(0);
                },
                r -> {
                    seen.add(ev.toString());
                    ev.set();
                    seen.add(ev.toString());
                    return sleep(0);
                },
                r -> {
                    seen.add(ev.toString());
                    ev.clear();
                    seen.add(ev.toString());
                    return null;
                }));
        assertEquals(List.of("Event[unset]", "Event[unset, waiters=2]", "Event[set, waiters=2]",
                "Event[set]", "Event[unset]"), seen);
    }

    @Test
    void foreignThreadIsRefusedWhileTheLoopRuns() {
        List<Throwable> errors = new ArrayList<>();
        EventLoop.runVirtual(script(r -> {
            ev.isSet(); // binds the event to this loop
            Threads.runOnOtherThread(errors, ev::set);
            Threads.runOnOtherThread(errors, ev::clear);
            Threads.runOnOtherThread(errors, ev::isSet);
            Threads.runOnOtherThread(errors, ev::waitSet);
            assertFalse(ev.isSet(), "a refused set() changed the event");
            return null;
        }));
        assertEquals(4, errors.size(), errors.toString());
        errors.forEach(e -> assertInstanceOf(IllegalStateException.class, e));
    }
}
