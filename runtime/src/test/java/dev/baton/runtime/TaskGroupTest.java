package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Machines.catching;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Twins.describe;
import static dev.baton.runtime.Twins.message;
import static dev.baton.runtime.Twins.py;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link TaskGroup}: scenarios against {@code twins/combinators/taskgroup.py}. */
class TaskGroupTest {
    private final List<String> out = new ArrayList<>();
    private double t0;

    private static List<String> twin(String scenario) {
        return Twins.section("combinators/taskgroup", scenario);
    }

    private void run(Coroutine<?> scenario) {
        EventLoop.runVirtual(script(
                r -> {
                    t0 = EventLoop.current().time();
                    return scenario;
                }));
    }

    private String now() {
        return String.format(Locale.ROOT, "%.1f", EventLoop.current().time() - t0);
    }

    private Coroutine<Object> child(String name, double delay) {
        return child(name, delay, false);
    }

    private Coroutine<Object> child(String name, double delay, boolean fail) {
        return GatherTest.child(out, name, delay, fail);
    }

    /** The twin's {@code sleeper(name, delay)}. */
    private Coroutine<Object> sleeper(String name, double delay) {
        return catching(
                (v, f) -> sleep(delay),
                (v, f) -> {
                    if (f instanceof CancelledException) {
                        out.add(name + " cancelled(" + message(f) + ")");
                    }
                    if (f != null) {
                        throw f;
                    }
                    out.add(name + " slept");
                    return null;
                });
    }

    /** Awaits {@code awaitable}, printing {@code caught <describe>} if it fails. */
    private Coroutine<Object> caught(Awaitable<?> awaitable) {
        return catching(
                (v, f) -> awaitable,
                (v, f) -> {
                    if (f == null) {
                        throw new AssertionError("expected a failure, got " + v);
                    }
                    out.add("caught " + describe(f));
                    return null;
                });
    }

    @Test
    void waitsForEveryChildAndReturnsTheBodysResult() {
        Object[] tasks = new Object[2];
        run(script(
                r -> TaskGroup.run(tg -> {
                    tasks[0] = tg.spawn(child("a", 0.2));
                    tasks[1] = tg.spawn(child("b", 0.1), "bee");
                    return script(x -> sleeper("body", 0.05), x -> Baton.done("body result"));
                }),
                r -> {
                    Task<?> a = (Task<?>) tasks[0];
                    Task<?> b = (Task<?>) tasks[1];
                    out.add("exited at " + now() + " " + a.result() + " " + b.result() + " " + b.name() + " " + r);
                    return null;
                }));
        assertEquals(twin("basic"), out);
    }

    @Test
    void aFailingChildCancelsTheOthersAndTheBody() {
        run(script(
                r -> catching(
                        (v, f) -> TaskGroup.run(tg -> {
                            tg.spawn(child("a", 0.3));
                            tg.spawn(child("b", 0.1, true));
                            return script(x -> sleeper("body", 1), x -> {
                                out.add("not reached");
                                return null;
                            });
                        }),
                        (v, f) -> {
                            out.add("caught " + describe(f) + " at " + now());
                            return null;
                        }),
                r -> {
                    out.add("cancelling " + Baton.currentTask().cancelling());
                    return sleep(0);
                },
                r -> {
                    out.add("went on");
                    return null;
                }));
        assertEquals(twin("child_fails"), out);
    }

    @Test
    void allFailuresAreGrouped() {
        run(caught(TaskGroup.run(tg -> {
            tg.spawn(child("a", 0.1, true));
            tg.spawn(child("b", 0.1, true));
            return Baton.done();
        })));
        assertEquals(twin("two_fail"), out);
    }

    @Test
    void theBodysExceptionIsGroupedToo() {
        run(caught(TaskGroup.run(tg -> {
            tg.spawn(child("a", 0.3));
            return script(x -> sleep(0.1), x -> {
                throw new IllegalArgumentException("body");
            });
        })));
        assertEquals(twin("body_fails"), out);
    }

    @Test
    void cancellingTheParentCancelsTheChildren() {
        Object[] t = new Object[1];
        run(Machines.repeat(2, i -> catching(
                (v, f) -> {
                    boolean waitInBody = i == 0;
                    t[0] = Baton.spawn(TaskGroup.run(tg -> {
                        tg.spawn(child("a", 1));
                        return waitInBody ? sleeper("body", 1) : Baton.done();
                    }));
                    return sleep(0.1);
                },
                (v, f) -> {
                    ((Task<?>) t[0]).cancel("outside");
                    return (Task<?>) t[0];
                },
                (v, f) -> {
                    out.add("task cancelled " + py(((Task<?>) t[0]).isCancelled()) + " with " + describe(f));
                    return null;
                })));
        assertEquals(twin("parent_cancelled"), out);
    }

    @Test
    void failuresWinOverAnOutsideCancellationWhichIsKept() {
        Coroutine<Object> scenario = catching(
                (v, f) -> {
                    Task<?> me = Baton.currentTask();
                    Coroutine<Object> traitor = script(
                            x -> sleep(0.1),
                            x -> {
                                out.add("cancel parent " + py(me.cancel("outside")));
                                throw new IllegalArgumentException("traitor");
                            });
                    return caught(TaskGroup.run(tg -> {
                        tg.spawn(traitor);
                        return sleeper("body", 1);
                    }));
                },
                (v, f) -> {
                    out.add("cancelling " + Baton.currentTask().cancelling());
                    return sleep(0);
                },
                (v, f) -> {
                    if (f == null) {
                        out.add("not reached");
                    } else {
                        out.add("next await " + describe(f));
                    }
                    out.add("uncancel " + Baton.currentTask().uncancel());
                    return null;
                });
        run(scenario);
        assertEquals(twin("parent_cancelled_and_child_fails"), out);
    }

    @Test
    void aChildFailingWhileTheGroupWaitsCancelsTheRest() {
        run(script(
                r -> caught(TaskGroup.run(tg -> {
                    tg.spawn(child("a", 0.2, true));
                    tg.spawn(child("b", 1));
                    return Baton.done();
                })),
                r -> {
                    out.add("cancelling " + Baton.currentTask().cancelling());
                    return null;
                }));
        assertEquals(twin("child_fails_after_body"), out);
    }

    @Test
    void spawnIsRefusedWhenFinishedOrShuttingDown() {
        TaskGroup[] group = new TaskGroup[1];
        Object[] late = new Object[1];
        run(script(
                r -> TaskGroup.run(tg -> {
                    group[0] = tg;
                    return Baton.done();
                }),
                r -> {
                    Coroutine<Object> coro = child("late", 0);
                    late[0] = coro;
                    IllegalStateException e = assertThrows(IllegalStateException.class, () -> group[0].spawn(coro));
                    assertEquals("TaskGroup TaskGroup[entered] is finished", e.getMessage());
                    out.add("RuntimeError is finished");
                    return catching(
                            (v, f) -> coro,
                            (v, f) -> {
                                assertTrue(f instanceof IllegalStateException);
                                assertEquals("cannot reuse already awaited coroutine", f.getMessage());
                                out.add("RuntimeError cannot reuse already awaited coroutine");
                                return null;
                            });
                },
                r -> caught(TaskGroup.run(tg -> {
                    tg.spawn(child("a", 0.1, true));
                    return catching(
                            (v, f) -> sleep(1),
                            (v, f) -> {
                                if (f instanceof CancelledException) {
                                    IllegalStateException e = assertThrows(IllegalStateException.class,
                                            () -> tg.spawn(child("b", 0)));
                                    assertEquals("TaskGroup TaskGroup[cancelling, errors=1] is shutting down",
                                            e.getMessage());
                                    out.add("RuntimeError is shutting down");
                                }
                                if (f != null) {
                                    throw f;
                                }
                                return null;
                            });
                }))));
        assertEquals(twin("spawn_errors"), out);
    }

    @Test
    void aGroupWithoutChildrenNeedsNoLoopTrip() {
        run(script(
                r -> {
                    EventLoop.current().callSoon(() -> out.add("callback"));
                    return TaskGroup.run(tg -> {
                        out.add("body");
                        return Baton.done();
                    });
                },
                r -> {
                    out.add("exited");
                    return sleep(0);
                }));
        assertEquals(twin("no_children"), out);
    }

    @Test
    void theBodyCancellingItsOwnTaskPropagates() {
        run(script(
                r -> catching(
                        (v, f) -> TaskGroup.run(tg -> {
                            tg.spawn(child("a", 1));
                            return script(
                                    x -> sleep(0.1),
                                    x -> {
                                        Baton.currentTask().cancel("self");
                                        return sleep(1);
                                    });
                        }),
                        (v, f) -> {
                            out.add("caught " + describe(f) + " cancelling " + Baton.currentTask().cancelling());
                            Baton.currentTask().uncancel();
                            return null;
                        })));
        assertEquals(twin("body_cancels_itself"), out);
    }

    @Test
    void theBodyRunsInTheAwaitingTaskAndItsResultIsReturned() {
        Object result = EventLoop.runVirtual(script(r -> {
            Task<?> me = Baton.currentTask();
            return TaskGroup.run(tg -> Baton.done(Baton.currentTask() == me));
        }));
        assertEquals(true, result);
    }

    @Test
    void aBodyThatThrowsBeforeReturningACoroutineIsTheBodysFailure() {
        ExceptionGroup e = assertThrows(ExceptionGroup.class, () -> EventLoop.runVirtual(script(
                r -> TaskGroup.run(tg -> {
                    tg.spawn(child("a", 1));
                    throw new IllegalArgumentException("eager");
                }))));
        assertEquals("unhandled errors in a TaskGroup (1 sub-exception)", e.getMessage());
        assertEquals("eager", e.exceptions().get(0).getMessage());
        assertEquals(List.of(), out); // the child was cancelled before its first step
        ExceptionGroup npe = assertThrows(ExceptionGroup.class, () -> EventLoop.runVirtual(script(
                r -> TaskGroup.run(tg -> null))));
        assertTrue(npe.exceptions().get(0) instanceof NullPointerException);
        assertTrue(npe.exceptions().get(0).getMessage().contains("return done() instead"));
        assertThrows(NullPointerException.class, () -> TaskGroup.run(null));
    }

    @Test
    void aVirtualMachineErrorIsRaisedAloneAfterTheChildren() {
        StackOverflowError overflow = new StackOverflowError("deep");
        Throwable thrown = assertThrows(StackOverflowError.class, () -> EventLoop.runVirtual(script(
                r -> TaskGroup.run(tg -> {
                    tg.spawn(child("a", 1));
                    return script(x -> sleep(0.1), x -> {
                        throw overflow;
                    });
                }))));
        assertSame(overflow, thrown);
        assertEquals(List.of("a start", "a cancelled()"), out);
    }

    @Test
    void aGroupCannotBeEnteredTwice() {
        Awaitable<Object> once = TaskGroup.run(tg -> Baton.done("x"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EventLoop.runVirtual(
                script(r -> once, r -> once)));
        assertEquals("cannot reuse already awaited coroutine", e.getMessage());
    }

    @Test
    void toStringShowsState() {
        TaskGroup[] group = new TaskGroup[1];
        List<String> states = new ArrayList<>();
        assertThrows(ExceptionGroup.class, () -> EventLoop.runVirtual(script(r -> TaskGroup.run(tg -> {
            group[0] = tg;
            states.add(tg.toString());
            tg.spawn(child("a", 1));
            tg.spawn(child("b", 0.1, true));
            states.add(tg.toString());
            return catching((v, f) -> sleep(1), (v, f) -> {
                states.add(tg.toString());
                throw f;
            });
        }))));
        states.add(group[0].toString());
        assertEquals(List.of("TaskGroup[entered]", "TaskGroup[entered, tasks=2]",
                "TaskGroup[cancelling, tasks=1, errors=1]", "TaskGroup[cancelling]"), states);
    }
}
