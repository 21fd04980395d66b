package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayDeque;

/**
 * A primitive's waiter that also carries the rest of the wait: the one object a task blocked
 * on a primitive holds besides its own state machine.
 *
 * <p>asyncio writes a blocking operation as a coroutine: create a future, append it to the
 * waiters, {@code await} it, then run the {@code except}/{@code finally} logic (remove the
 * waiter, pass a wake-up on when cancelled, take the lock...). Here the future is this node
 * and that logic is {@link #afterWait}: the waiting task runs it at the step that resumes it,
 * after its pending-cancellation check and before the awaiting machine sees the outcome,
 * which is where and when the coroutine's {@code except}/{@code finally} ran in Python.
 * Only the task that registered through {@link #suspend} runs it; anyone else awaiting the
 * node sees a plain promise.
 *
 * @param <T> the waiter's result type
 */
abstract class WaiterNode<T> extends Promise<T> {

    WaiterNode(EventLoop loop) {
        super(loop);
    }

    /**
     * Suspends the task of {@code machine} on this (pending) node, to resume {@code machine}
     * after {@link #afterWait}; returns {@link StateMachine#SUSPENDED}.
     */
    final Object suspend(StateMachine<?> machine) {
        Task<?> task = checkAwaiter(machine);
        task.suspendOnWaiter(this, machine);
        return StateMachine.SUSPENDED;
    }

    /**
     * The rest of the operation once the node is done: {@code value} or {@code failure} is
     * the outcome of awaiting it (a failure is a {@link CancelledException}). Returns what
     * the operation yields, throws what it raises, or returns {@link StateMachine#SUSPENDED}
     * after suspending {@code machine}'s task again (say on a new node, when a queue's item
     * was taken by someone else in between).
     */
    abstract Object afterWait(StateMachine<?> machine, Object value, Throwable failure) throws Throwable;

    /**
     * Whether some waiter of {@code waiters} (null for none yet) is not cancelled: asyncio's
     * {@code any(not w.cancelled() for w in waiters)}, the FIFO rule of Lock and Semaphore.
     */
    static boolean anyNotCancelled(ArrayDeque<? extends Promise<?>> waiters) {
        if (waiters == null || waiters.isEmpty()) {
            return false;
        }
        for (Promise<?> waiter : waiters) {
            if (!waiter.isCancelled()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Completes with {@code value} the first {@code n} waiters of {@code waiters} that are not
     * done yet (a done one is woken already, or cancelled), in FIFO order; returns how many.
     * The waiters stay queued: each leaves when its task resumes.
     */
    static int wakeUp(ArrayDeque<Promise<Boolean>> waiters, int n, Boolean value) {
        if (waiters == null || waiters.isEmpty()) {
            return 0; // no iterator: release() of an uncontended semaphore allocates nothing
        }
        int woken = 0;
        for (Promise<Boolean> waiter : waiters) {
            if (woken >= n) {
                break;
            }
            if (!waiter.isDone()) {
                woken++;
                waiter.complete(value);
            }
        }
        return woken;
    }
}
