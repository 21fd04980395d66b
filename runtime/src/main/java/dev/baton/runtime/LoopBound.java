package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayDeque;

/**
 * asyncio's {@code _LoopBoundMixin} plus thread confinement: a primitive binds to the loop
 * it is first used on, and refuses calls from any thread but that loop's while it runs.
 */
abstract class LoopBound {
    private EventLoop loop;

    /**
     * Checks the calling thread; binds to the running loop on first use. Cheap enough for
     * every public method: two field reads and a thread comparison once bound.
     */
    final void confine() {
        EventLoop bound = loop;
        if (bound != null) {
            Thread owner = bound.owner();
            if (owner == Thread.currentThread()) {
                return;
            }
            if (owner != null) {
                throw bound.foreignThread(owner);
            }
        }
        EventLoop running = EventLoop.currentOrNull();
        if (running != null) {
            loop = running;
        }
    }

    /**
     * The loop to create waiters on: the bound one, binding to the running loop if need be;
     * {@link IllegalStateException} if this primitive is bound to a different loop that is
     * still in use.
     */
    final EventLoop loop() {
        EventLoop running = EventLoop.current();
        EventLoop bound = loop;
        if (bound == null || (bound != running && !hasWaiters() && !bound.isRunning())) {
            loop = running;
        } else if (bound != running) {
            throw new IllegalStateException(this + " is bound to a different event loop");
        }
        return running;
    }

    /**
     * Blocks the task of {@code machine} in {@code op}, queued at the end of {@code waiters}
     * (asyncio: append a new future to the waiters and await it); returns
     * {@link StateMachine#SUSPENDED}. Called after {@link #confine()}, which bound this
     * primitive to the loop running on this thread: the loop of every task that can run here,
     * so the task and the primitive always share their loop.
     */
    final Object block(ArrayDeque<Task<?>> waiters, Blocker op, StateMachine<?> machine) {
        Task<?> task = machine.task();
        waiters.addLast(task);
        task.block(op, machine);
        return StateMachine.SUSPENDED;
    }

    /** Whether tasks wait on this primitive (it may then not move to another loop). */
    abstract boolean hasWaiters();
}
