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
     *
     * <p>Unlike asyncio's, a primitive whose loop has stopped moves to the next loop that uses
     * it (a primitive kept in a field outlives one {@code EventLoop.run}), but only when no task
     * of the old loop still waits on it: such a task could never be woken from the new loop, and
     * would hold up the new loop's waiters behind it, so that case throws asyncio's
     * {@code IllegalStateException} ("... is bound to a different event loop").
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
        if (running != null && running != bound) {
            if (bound != null && hasWaiters()) {
                throw new IllegalStateException(this + " is bound to a different event loop");
            }
            loop = running;
        }
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
