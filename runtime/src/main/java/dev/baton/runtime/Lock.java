package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayDeque;

/**
 * asyncio's {@code Lock}: a mutual-exclusion lock for coroutines of one event loop.
 *
 * <p>A lock is not owned by a task: any task may release it, and it is not reentrant (a task
 * that acquires a lock it holds waits forever). {@link #acquire()} takes a free lock at once;
 * otherwise the task joins a FIFO queue of waiters. Each {@link #release()} wakes the first
 * waiter, which then takes the lock when it next runs. The rules are CPython 3.13's:
 * <ul>
 *   <li><b>Fair, no barging.</b> While a woken waiter has not run yet, the lock is free but a
 *       newcomer still queues behind it; only if every queued waiter is cancelled may a
 *       newcomer take the free lock at once.</li>
 *   <li><b>Cancellation.</b> A waiter cancelled while it waits leaves the queue and raises
 *       {@link CancelledException}. A waiter woken and then cancelled before it ran does not
 *       take the lock: it passes its wake-up on to the next waiter, so no wake-up is lost.</li>
 * </ul>
 *
 * <pre>{@code
 * final Lock lock = new Lock();
 *
 * @Guarded("lock")                       // async with lock:
 * Coroutine<Void> critical() { ...; return done(); }
 *
 * // or by hand:
 * await(lock.acquire());
 * try { ... } finally { lock.release(); }
 * }</pre>
 *
 * <p>Acquiring a free lock allocates nothing. All methods must be called on the thread of the
 * loop the lock is used on ({@link IllegalStateException} otherwise); {@code toString()} may be
 * called from anywhere, e.g. {@code Lock[locked, waiters=2]}.
 */
public final class Lock extends LoopBound implements Guard {
    private boolean locked;
    /** FIFO of the blocked tasks (see {@link Blocker}); created on first contention, as in asyncio (read by tests). */
    ArrayDeque<Task<?>> waiters;
    /** What {@link #acquire()} returns: the fast path runs in its awaitFrom, allocation-free. */
    private final AcquireOp acquireOp = new AcquireOp();

    /** A new, unlocked lock. It binds to the loop it is first used on. */
    public Lock() {}

    /** Whether the lock is held. */
    @Override
    public boolean locked() {
        confine();
        return locked;
    }

    /**
     * Acquires the lock: at once if it is free and nobody queues for it, else after the
     * waiters before this one. Yields {@code true}. Cold: nothing happens until awaited.
     */
    @Override
    public Awaitable<Boolean> acquire() {
        confine();
        return acquireOp;
    }

    /**
     * Releases the lock and wakes the first waiter, if any. {@link IllegalStateException}
     * ("Lock is not acquired.") if the lock is not held.
     */
    @Override
    public void release() {
        confine();
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired.");
        }
        locked = false;
        wakeUpFirst();
    }

    /** asyncio's fast path of {@code acquire()}: takes the lock if it is free and no live waiter queues. */
    boolean tryAcquire() {
        if (!locked && !Blocker.anyNotCancelled(waiters)) {
            locked = true;
            return true;
        }
        return false;
    }

    /** Makes sure the first waiter wakes: a done one is already set to wake (or cancelled). */
    private void wakeUpFirst() {
        ArrayDeque<Task<?>> queue = waiters;
        if (queue == null || queue.isEmpty()) {
            return;
        }
        Task<?> first = queue.peekFirst();
        if (!first.waitEnded()) {
            first.wakeFromWait();
        }
    }

    /** {@link #locked()} without the thread check: for other primitives' {@code toString()}. */
    boolean isLocked() {
        return locked;
    }

    @Override
    boolean hasWaiters() {
        return waiters != null && !waiters.isEmpty();
    }

    int waiterCount() {
        ArrayDeque<Task<?>> queue = waiters;
        return queue == null ? 0 : queue.size();
    }

    /** {@code Lock[unlocked]}, {@code Lock[locked]}, {@code Lock[locked, waiters=2]}. */
    @Override
    public String toString() {
        int count = waiterCount();
        return "Lock[" + (locked ? "locked" : "unlocked") + (count > 0 ? ", waiters=" + count : "") + "]";
    }

    /**
     * {@code acquire()}: takes a free lock at once; else blocks the task among the waiters
     * and, once the await of it ends, does what asyncio's {@code acquire} does then: leave
     * the queue; if cancelled and the lock is not claimed, make sure the waiter now first
     * runs (a wake-up is never lost); else take the lock.
     */
    private final class AcquireOp implements Awaitable<Boolean>, Blocker {
        @Override
        public Object awaitFrom(StateMachine<?> machine) {
            confine();
            if (tryAcquire()) {
                return Boolean.TRUE;
            }
            if (waiters == null) {
                waiters = new ArrayDeque<>();
            }
            return block(waiters, this, machine);
        }

        @Override
        public Object afterWait(Task<?> task, StateMachine<?> machine, boolean woken, Throwable failure)
                throws Throwable {
            Blocker.leave(waiters, task);
            if (failure != null) {
                // cancelled (the only failure a wait can have): if the lock is not claimed,
                // make sure the waiter now at the head runs
                if (!locked) {
                    wakeUpFirst();
                }
                throw failure;
            }
            locked = true;
            return Boolean.TRUE;
        }

        @Override
        public String toString() {
            return "acquire() of " + Lock.this;
        }
    }
}
