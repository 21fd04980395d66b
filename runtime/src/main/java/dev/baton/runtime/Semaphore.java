package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayDeque;

/**
 * asyncio's {@code Semaphore}: a counter of permits that tasks take with {@link #acquire()}
 * and give back with {@link #release()}.
 *
 * <p>{@code acquire()} takes a permit at once when one is free and no task queues for one
 * (a free permit with live waiters goes to the waiters first: strict FIFO, no barging).
 * Otherwise the task waits in a FIFO queue. {@code release()} adds a permit and hands it to the
 * first waiter that is not already woken or cancelled; the permit is reserved for that waiter
 * until it runs. The rules are CPython 3.13's:
 * <ul>
 *   <li>A waiter cancelled after it was handed a permit gives the permit back, and the next
 *       waiter gets it: no permit is lost.</li>
 *   <li>A waiter that wakes, whether it acquired or was cancelled, wakes as many further
 *       waiters as there are free permits (asyncio's {@code _wake_up_next} loop), so tasks
 *       that queued behind it because of FIFO are not left hanging.</li>
 * </ul>
 * A semaphore is not owned: any task may release it, and it is not reentrant. It may be
 * released more often than acquired (the count grows); {@link BoundedSemaphore} forbids that.
 *
 * <pre>{@code
 * final Semaphore slots = new Semaphore(3);    // at most three downloads at once
 *
 * @Guarded("slots")
 * Coroutine<Page> download(Url url) { ...; return done(page); }
 * }</pre>
 *
 * <p>Acquiring a free permit allocates nothing. All methods must be called on the thread of
 * the loop the semaphore is used on ({@link IllegalStateException} otherwise);
 * {@code toString()} may be called from anywhere, e.g.
 * {@code Semaphore[unlocked, value=2, waiters=0]}.
 */
public sealed class Semaphore extends LoopBound implements Guard permits BoundedSemaphore {
    /** Free permits (read by tests and BoundedSemaphore). */
    int value;
    /** FIFO of the blocked tasks (see {@link Blocker}); created on first contention, as in asyncio (read by tests). */
    ArrayDeque<Task<?>> waiters;
    /** What {@link #acquire()} returns: the fast path runs in its awaitFrom, allocation-free. */
    private final AcquireOp acquireOp = new AcquireOp();

    /** A semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /**
     * A semaphore with {@code value} permits; {@link IllegalArgumentException} ("Semaphore
     * initial value must be >= 0") if it is negative.
     *
     * @param value the result
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0");
        }
        this.value = value;
    }

    /**
     * Whether {@link #acquire()} would wait: no permit is free, or a task that is not cancelled
     * queues for one (FIFO: it goes first).
     */
    @Override
    public boolean locked() {
        confine();
        return isLocked();
    }

    /**
     * Takes a permit: at once if {@link #locked()} is false, else after the waiters before
     * this one. Yields {@code true}. Cold: nothing happens until awaited.
     */
    @Override
    public Awaitable<Boolean> acquire() {
        confine();
        return acquireOp;
    }

    /** Gives a permit back and hands it to the first waiter that is not woken or cancelled. */
    @Override
    public void release() {
        confine();
        if (value == Integer.MAX_VALUE) {
            throw new IllegalStateException("Semaphore released too many times: the count would overflow");
        }
        value++;
        wakeUpNext();
    }

    /** {@link #locked()} without the thread check. */
    final boolean isLocked() {
        return value == 0 || Blocker.anyNotCancelled(waiters);
    }


    /** asyncio's {@code _wake_up_next}: reserves a permit for the first waiter not yet done. */
    private boolean wakeUpNext() {
        if (Blocker.wakeUp(waiters, 1) == 0) {
            return false;
        }
        value--;
        return true;
    }

    @Override
    final boolean hasWaiters() {
        return waiters != null && !waiters.isEmpty();
    }

    final int waiterCount() {
        ArrayDeque<Task<?>> queue = waiters;
        return queue == null ? 0 : queue.size();
    }

    /** {@code Semaphore[unlocked, value=2, waiters=0]}, {@code BoundedSemaphore[locked, value=0, waiters=3]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (isLocked() ? "locked" : "unlocked")
                + ", value=" + value + ", waiters=" + waiterCount() + "]";
    }

    /**
     * {@code acquire()}: takes a permit at once if one is free and nobody queues; else blocks
     * the task among the waiters and, once that await ends, does what asyncio's
     * {@code acquire} does then: leave the queue; if cancelled after a permit was reserved
     * for it, give the permit back; then (finally) wake as many waiters as there are free
     * permits.
     */
    private final class AcquireOp implements Awaitable<Boolean>, Blocker {
        @Override
        public Object awaitFrom(StateMachine<?> machine) {
            confine();
            if (!isLocked()) {
                value--;
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
            if (failure != null && woken) {
                // a permit was reserved for us, but we do not take it: give it back
                value++;
            }
            // finally: new waiters may have queued behind us; wake as many as allowed
            while (value > 0) {
                if (!wakeUpNext()) {
                    break;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return Boolean.TRUE;
        }

        @Override
        public String toString() {
            return "acquire() of " + Semaphore.this;
        }
    }
}
