package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayDeque;

/**
 * A primitive's operation that a task can block in, such as {@code lock.acquire()} or
 * {@code queue.get()}.
 *
 * <p>asyncio writes a blocking operation as a coroutine: create a future, append it to the
 * primitive's waiters, {@code await} it, then run the {@code except}/{@code finally} logic
 * (leave the waiters, pass a wake-up on when cancelled, take the lock...). Here the blocked
 * {@link Task} itself stands in the waiters in place of that future: its wait state says
 * whether it was woken ({@code future.set_result}) or cancelled, so that blocking allocates
 * nothing and a blocked coroutine costs only its task and its state machines (docs/design.md's
 * performance contract). {@link #afterWait} is the logic after the {@code await}: the task
 * runs it at the step that resumes it, after its pending-cancellation check and before the
 * awaiting machine sees the outcome, which is where and when the coroutine's
 * {@code except}/{@code finally} ran in Python.
 *
 * <p>A task is in at most one primitive's waiters at a time: from {@link Task#block} until
 * its {@code afterWait} runs (which removes it, unless a wake-up already took it out).
 */
interface Blocker {

    /**
     * The rest of the operation once the wait of {@code task} ended, {@code machine} being the
     * machine that awaits the operation. {@code woken} is whether the task was
     * woken (asyncio: the future has a result); {@code failure}, if not null, is the
     * {@link CancelledException} the {@code await} raised: the wait was cancelled, or the
     * task was cancelled after being woken. Returns what the operation yields, throws what it
     * raises, or returns {@link StateMachine#SUSPENDED} after blocking {@code machine}'s task
     * again (say when a woken getter finds the item taken by someone else in between).
     */
    Object afterWait(Task<?> task, StateMachine<?> machine, boolean woken, Throwable failure) throws Throwable;

    /**
     * Takes {@code task} out of {@code waiters} if it is there: asyncio's
     * {@code waiters.remove(fut)} in the operation's {@code finally}. Waiters mostly resume in
     * the order they queued, so the task is usually first, and is taken off without a search.
     */
    static void leave(ArrayDeque<Task<?>> waiters, Task<?> task) {
        if (waiters.peekFirst() == task) {
            waiters.pollFirst();
        } else {
            waiters.remove(task);
        }
    }

    /**
     * Whether some task of {@code waiters} (null for none yet) has not had its wait
     * cancelled: asyncio's {@code any(not w.cancelled() for w in waiters)}, the FIFO rule of
     * Lock and Semaphore.
     */
    static boolean anyNotCancelled(ArrayDeque<Task<?>> waiters) {
        if (waiters == null || waiters.isEmpty()) {
            return false;
        }
        for (Task<?> waiter : waiters) {
            if (!waiter.waitCancelled()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Wakes the first {@code n} tasks of {@code waiters} whose wait has not ended (one that
     * ended is woken already, or cancelled), in FIFO order; returns how many. The tasks stay
     * queued: each leaves when it resumes.
     */
    static int wakeUp(ArrayDeque<Task<?>> waiters, int n) {
        if (waiters == null || waiters.isEmpty()) {
            return 0; // no iterator: release() of an uncontended semaphore allocates nothing
        }
        int woken = 0;
        for (Task<?> waiter : waiters) {
            if (woken >= n) {
                break;
            }
            if (!waiter.waitEnded()) {
                woken++;
                waiter.wakeFromWait();
            }
        }
        return woken;
    }
}
