package dev.baton.runtime;

import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The continuation contract of {@link StateMachine}, with machines written as the processor emits them. */
class StateMachineTest {
    private final List<Object> out = new ArrayList<>();

    /** A two-state machine: state 0 awaits what {@code first} gives, state 1 returns what {@code then} makes of the outcome. */
    private static final class TwoStates<T> extends StateMachine<T> {
        private final Function<StateMachine<?>, Awaitable<?>> first;
        private final Then then;

        interface Then {
            Object apply(Object value, Throwable failure) throws Throwable;
        }

        TwoStates(Function<StateMachine<?>, Awaitable<?>> first, Then then) {
            this.first = first;
            this.then = then;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            switch ($state) {
                case 0:
                    try {
                        value = $await(first.apply(this), 1);
                    } catch (Throwable t) {
                        return then.apply(null, t);
                    }
                    if (value == SUSPENDED) {
                        return SUSPENDED;
                    }
                    return then.apply(value, null);
                case 1:
                    return then.apply(value, failure);
                default:
                    throw new IllegalStateException("bad state " + $state);
            }
        }
    }

    @Test
    void aCompletedAwaitableContinuesInTheSameStep() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> done = loop.createPromise();
        done.setResult("ready");
        loop.callSoon(() -> out.add("before"));
        Task<Object> task = loop.createTask(new TwoStates<>(m -> done, (v, f) -> {
            out.add("continued with " + v + " in state 0's step");
            return v;
        }));
        loop.callSoon(() -> out.add("after: task done " + task.isDone()));
        loop.runUntilComplete(task);
        assertEquals(List.of("before", "continued with ready in state 0's step", "after: task done true"), out);
        loop.close();
    }

    @Test
    void aFailureIsDeliveredAtTheAwaitSiteAsTheOriginalObject() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> pending = loop.createPromise();
        Exception checked = new Exception("checked");
        loop.callLater(1, () -> pending.setException(checked));
        Object result = loop.runUntilComplete(new TwoStates<>(m -> pending, (v, f) -> f));
        assertSame(checked, result);
        Promise<String> failedAlready = loop.createPromise();
        failedAlready.setException(checked);
        assertSame(checked, loop.runUntilComplete(new TwoStates<>(m -> failedAlready, (v, f) -> f)));
        loop.close();
    }

    @Test
    void anInlineMachineResumesItsCallerDirectlyWhenItCompletes() {
        EventLoop loop = EventLoop.virtual();
        Promise<String> p = loop.createPromise();
        StateMachine<String> inner = new TwoStates<>(m -> p, (v, f) -> {
            out.add("inner done");
            loop.callSoon(() -> out.add("callback scheduled by inner"));
            return "inner result";
        });
        Task<Object> outer = loop.createTask(new TwoStates<>(m -> inner, (v, f) -> {
            out.add("outer resumed with " + v);
            return v;
        }));
        loop.callLater(1, () -> p.setResult("x"));
        assertEquals("inner result", loop.runUntilComplete(outer));
        assertEquals(List.of("inner done", "outer resumed with inner result", "callback scheduled by inner"), out);
        loop.close();
    }

    @Test
    void anInlineMachineRunsInTheAwaitingTask() {
        EventLoop loop = EventLoop.virtual();
        List<Task<?>> seen = new ArrayList<>();
        StateMachine<Object> inner = new TwoStates<>(m -> {
            seen.add(m.task());
            return Baton.sleep(0);
        }, (v, f) -> null);
        Task<Object> outer = loop.createTask(new TwoStates<>(m -> inner, (v, f) -> null));
        loop.runUntilComplete(outer);
        assertEquals(List.of(outer), seen);
        loop.close();
    }

    @Test
    void aSynchronousFailureOfAnInlineMachineIsThrownFromAwait() {
        EventLoop loop = EventLoop.virtual();
        IllegalArgumentException failure = new IllegalArgumentException("at once");
        Object result = loop.runUntilComplete(new TwoStates<>(m -> Machines.failing(failure), (v, f) -> f));
        assertSame(failure, result);
        loop.close();
    }

    @Test
    void aMachineRunsOnce() {
        EventLoop loop = EventLoop.virtual();
        Coroutine<Object> once = script(r -> null);
        loop.runUntilComplete(once);
        IllegalStateException again = assertThrows(IllegalStateException.class,
                () -> loop.runUntilComplete(script(r -> once)));
        assertEquals("cannot reuse already awaited coroutine", again.getMessage());
        assertThrows(IllegalStateException.class, () -> loop.createTask(once));
        loop.close();
    }

    @Test
    void aSpawnedMachineBelongsToItsTaskFromSpawnUntilItIsDone() {
        EventLoop loop = EventLoop.virtual();
        int[] steps = new int[1];
        StateMachine<Object> machine = new TwoStates<>(m -> {
            steps[0]++;
            return Baton.sleep(1);
        }, (v, f) -> null);
        assertNull(machine.task(), "not started");
        Task<Object> task = loop.createTask(machine);
        assertSame(task, machine.task());
        assertEquals(0, steps[0], "the body waits for the task's first step");
        loop.runUntilComplete(Baton.sleep(0));
        assertEquals(1, steps[0]);
        assertSame(task, machine.task(), "suspended in its task");
        loop.runUntilComplete(task);
        assertNull(machine.task(), "done");
        assertThrows(IllegalStateException.class, () -> loop.createTask(machine), "a done machine cannot start again");
        loop.close();
    }

    @Test
    void anAbandonedMachineCannotBeStarted() {
        StateMachine<Object> machine = new TwoStates<>(m -> Baton.sleep(0), (v, f) -> null);
        machine.abandon();
        EventLoop loop = EventLoop.virtual();
        assertThrows(IllegalStateException.class, () -> loop.createTask(machine));
        loop.close();
    }

    @Test
    void awaitingACompletionStage() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        StateMachine<Object> machine = new StateMachine<>() {
            @Override
            protected Object $resume(Object value, Throwable failure) throws Throwable {
                if ($state == 0) {
                    value = $await($awaitable(stage), 1);
                    if (value == SUSPENDED) {
                        return SUSPENDED;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return value + " on " + Thread.currentThread().getName();
            }
        };
        new Thread(() -> stage.complete("value"), "elsewhere").start();
        assertEquals("value on " + Thread.currentThread().getName(), EventLoop.run(machine));
    }

    @Test
    void suspendedIsAMarker() {
        assertEquals("SUSPENDED", StateMachine.SUSPENDED.toString());
    }
}
