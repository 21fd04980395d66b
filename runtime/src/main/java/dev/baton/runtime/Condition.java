package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * asyncio's {@code Condition}: a {@link Lock} plus a queue of tasks waiting to be notified.
 *
 * <p>{@link #acquire()}, {@link #release()} and {@link #locked()} are the underlying lock's
 * (its own, or the one given to the constructor, which may be shared). A task holding the lock
 * calls {@link #waitNotified()}: it releases the lock, waits until {@link #notify(int)} or
 * {@link #notifyAllWaiters()} wakes it, then re-acquires the lock (queueing FIFO behind other
 * acquirers) before it returns. Waiters are notified in FIFO order. Like the lock, a condition
 * is not reentrant.
 *
 * <p>Cancellation follows CPython 3.13: a waiter cancelled while it waits, or while it
 * re-acquires the lock, still re-acquires the lock before the {@link CancelledException}
 * leaves {@code waitNotified()}, and the exception is the original instance. Whenever
 * {@code waitNotified()} ends with an exception, it notifies one other waiter, so a
 * notification that raced with a cancellation is never lost (the other waiter may see a
 * spurious wake-up, which the condition-variable protocol allows: re-check the predicate, or
 * use {@link #waitFor(BooleanSupplier)}).
 *
 * <p>The methods are {@code waitNotified()} and {@code notifyAllWaiters()} because
 * {@link Object#wait()} and {@link Object#notifyAll()} are final; for the same reason there is
 * no {@code notify()} without an argument: write {@code notify(1)}.
 *
 * <pre>{@code
 * final Condition cond = new Condition();
 *
 * @Guarded("cond")
 * Coroutine<Item> take() {
 *     await(cond.waitFor(() -> !items.isEmpty()));
 *     return done(items.remove());
 * }
 *
 * @Guarded("cond")
 * Coroutine<Void> put(Item item) {
 *     items.add(item);
 *     cond.notify(1);
 *     return done();
 * }
 * }</pre>
 *
 * <p>All methods must be called on the thread of the loop the condition is used on
 * ({@link IllegalStateException} otherwise); {@code toString()} may be called from anywhere,
 * e.g. {@code Condition[locked, waiters=2]}.
 */
public final class Condition extends LoopBound implements Guard {
    private final Lock lock;
    /** FIFO of the blocked tasks (see {@link Blocker}; read by tests). */
    final ArrayDeque<Task<?>> waiters = new ArrayDeque<>();
    private final WaitOp waitOp = new WaitOp();

    /** A condition with a new lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /**
     * A condition over {@code lock}, which other conditions or code may share.
     *
     * @param lock the lock the condition uses
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** The underlying lock's {@link Lock#acquire()}. */
    @Override
    public Awaitable<Boolean> acquire() {
        confine();
        return lock.acquire();
    }

    /** The underlying lock's {@link Lock#release()}. */
    @Override
    public void release() {
        confine();
        lock.release();
    }

    /** Whether the underlying lock is held. */
    @Override
    public boolean locked() {
        confine();
        return lock.locked();
    }

    /**
     * Releases the lock, waits until notified, re-acquires the lock; yields {@code true}.
     * The caller must hold the lock: {@link IllegalStateException} ("cannot wait on
     * un-acquired lock") otherwise, raised when awaited. Cold: nothing happens until awaited.
     *
     * @return an awaitable yielding {@code true} once notified and the lock is held again
     */
    public Awaitable<Boolean> waitNotified() {
        confine();
        return waitOp;
    }

    /**
     * Waits until {@code predicate} is true: evaluates it, and while it is false,
     * {@link #waitNotified()} and evaluates it again. Yields {@code true}. A predicate true at
     * once returns without waiting (and then the lock need not be held).
     *
     * @param predicate the condition to wait for
     * @return an awaitable yielding the predicate's last value, {@code true}
     */
    public Awaitable<Boolean> waitFor(BooleanSupplier predicate) {
        confine();
        return new WaitFor(this, Objects.requireNonNull(predicate, "predicate"));
    }

    /**
     * Wakes up to {@code n} waiters, first come first served (fewer if fewer wait; none if
     * {@code n <= 0}). The caller must hold the lock: {@link IllegalStateException} ("cannot
     * notify on un-acquired lock") otherwise. A woken waiter returns from
     * {@code waitNotified()} only once it has re-acquired the lock, so release it.
     *
     * @param n how many waiters to wake
     */
    public void notify(int n) {
        confine();
        if (!lock.locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        wakeUp(n);
    }

    /** Wakes every waiter; {@link IllegalStateException} if the lock is not held, as {@link #notify(int)}. */
    public void notifyAllWaiters() {
        confine();
        notify(waiters.size());
    }

    /** asyncio's {@code _notify}: completes the first {@code n} waiters that are not done. */
    private void wakeUp(int n) {
        Blocker.wakeUp(waiters, n);
    }

    /** The underlying lock (for Barrier, which builds on a condition). */
    Lock lock() {
        return lock;
    }

    @Override
    boolean hasWaiters() {
        return !waiters.isEmpty();
    }

    /** {@code Condition[unlocked]}, {@code Condition[locked, waiters=2]}. */
    @Override
    public String toString() {
        int count = waiters.size();
        return "Condition[" + (lock.isLocked() ? "locked" : "unlocked")
                + (count > 0 ? ", waiters=" + count : "") + "]";
    }

    /**
     * {@code wait()}: releases the lock and blocks the task among the waiters; once that
     * await ends, does what asyncio's {@code Condition.wait()} does then: leave the queue,
     * then (finally) re-acquire the lock, even if cancelled; raise the wait's failure, if
     * any, once the lock is held again, passing a notification on. Re-acquiring a free lock
     * happens here at once; otherwise a {@link Reacquire} machine waits for it.
     */
    private final class WaitOp implements Awaitable<Boolean>, Blocker {
        @Override
        public Object awaitFrom(StateMachine<?> machine) {
            confine();
            if (!lock.locked()) {
                throw new IllegalStateException("cannot wait on un-acquired lock");
            }
            lock.release();
            return block(waiters, this, machine);
        }

        @Override
        public Object afterWait(Task<?> task, StateMachine<?> machine, boolean woken, Throwable failure)
                throws Throwable {
            Condition c = Condition.this;
            Blocker.leave(c.waiters, task);
            if (c.lock.tryAcquire()) {
                return Reacquire.reacquired(c, failure);
            }
            return new Reacquire(c, failure).awaitFrom(machine);
        }

        @Override
        public String toString() {
            return "wait() of " + Condition.this;
        }
    }

    /** The {@code finally} of asyncio's {@code Condition.wait()} when the lock is not free. */
    private static final class Reacquire extends StateMachine<Boolean> {
        private static final int REACQUIRE = 1, REACQUIRED = 2;
        private final Condition cond;
        /** The failure of the notification wait, if any: raised once the lock is held again. */
        private Throwable waitFailure;
        /** The most recent cancellation while re-acquiring ({@code err} in asyncio). */
        private Throwable reacquireCancel;

        Reacquire(Condition cond, Throwable waitFailure) {
            this.cond = cond;
            this.waitFailure = waitFailure;
            $state = REACQUIRE;
        }

        /** The lock is held again: raise {@code raised} (passing a notification on) or yield true. */
        static Object reacquired(Condition cond, Throwable raised) throws Throwable {
            if (raised != null) {
                // it may have been notified: pass the notification on
                cond.wakeUp(1);
                throw raised;
            }
            return Boolean.TRUE;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            for (;;) {
                switch ($state) {
                    case REACQUIRE: // finally: must re-acquire the lock, even if cancelled
                        try {
                            value = $await(cond.lock.acquire(), REACQUIRED);
                            failure = null;
                        } catch (Throwable t) {
                            value = null;
                            failure = t;
                        }
                        if (value == SUSPENDED) {
                            return SUSPENDED;
                        }
                        continue; // $state is REACQUIRED
                    case REACQUIRED:
                        if (failure instanceof CancelledException) {
                            reacquireCancel = failure;
                            $state = REACQUIRE;
                            continue;
                        }
                        Throwable raised = failure != null ? failure
                                : reacquireCancel != null ? reacquireCancel : waitFailure;
                        reacquireCancel = null;
                        waitFailure = null;
                        return reacquired(cond, raised);
                    default:
                        throw new IllegalStateException("bad state " + $state);
                }
            }
        }

        @Override
        public String toString() {
            return "Condition.wait()";
        }
    }

    /** asyncio's {@code Condition.wait_for(predicate)}: wait until the predicate holds. */
    private static final class WaitFor extends StateMachine<Boolean> {
        private final Condition cond;
        private final BooleanSupplier predicate;

        WaitFor(Condition cond, BooleanSupplier predicate) {
            this.cond = cond;
            this.predicate = predicate;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            if ($state != 0 && failure != null) {
                throw failure;
            }
            while (!predicate.getAsBoolean()) {
                if ($await(cond.waitOp, 1) == SUSPENDED) {
                    return SUSPENDED;
                }
            }
            return Boolean.TRUE;
        }

        @Override
        public String toString() {
            return "Condition.wait_for(" + predicate + ")";
        }
    }
}
