package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayDeque;

/**
 * asyncio's {@code Event}: a flag that tasks can wait for.
 *
 * <p>The flag starts false. {@link #set()} makes it true and wakes every waiting task, in the
 * order they started waiting (each resumes one loop step later, as a woken asyncio task
 * does); {@link #waitSet()} on a set event continues at once, without allocating.
 * {@link #clear()} makes the flag false again; a task already woken by {@code set()} still
 * returns {@code true} even if the event was cleared before it ran. A waiter cancelled while
 * it waits leaves the queue and raises {@link CancelledException}.
 *
 * <p>The method is {@code waitSet()}, not {@code wait()}, because {@link Object#wait()} is final.
 *
 * <pre>{@code
 * final Event ready = new Event();
 *
 * @AwaitsEvent("ready")                      // await ready.wait() before the body
 * Coroutine<Void> consumer() { ...; return done(); }
 *
 * // or by hand:
 * await(ready.waitSet());
 * // elsewhere:
 * ready.set();
 * }</pre>
 *
 * <p>All methods must be called on the thread of the loop the event is used on
 * ({@link IllegalStateException} otherwise); {@code toString()} may be called from anywhere,
 * e.g. {@code Event[unset, waiters=2]}.
 */
public final class Event extends LoopBound {
    private boolean value;
    /** FIFO of the blocked tasks (see {@link Blocker}; read by tests). */
    final ArrayDeque<Task<?>> waiters = new ArrayDeque<>();
    /** What {@link #waitSet()} returns: the fast path runs in its awaitFrom, allocation-free. */
    private final WaitOp waitOp = new WaitOp();

    /** A new event, not set. It binds to the loop it is first used on. */
    public Event() {}

    /**
     * Whether the flag is true.
     *
     * @return whether the event is set
     */
    public boolean isSet() {
        confine();
        return value;
    }

    /** Makes the flag true and wakes every task waiting for it, in FIFO order. */
    public void set() {
        confine();
        if (!value) {
            value = true;
            Blocker.wakeUp(waiters, Integer.MAX_VALUE);
        }
    }

    /** Makes the flag false: later {@link #waitSet()} calls wait for the next {@link #set()}. */
    public void clear() {
        confine();
        value = false;
    }

    /**
     * Waits until the flag is true; yields {@code true}. At once if it is set already.
     * Cold: nothing happens until awaited.
     *
     * @return an awaitable yielding {@code true} once the event is set
     */
    public Awaitable<Boolean> waitSet() {
        confine();
        return waitOp;
    }

    @Override
    boolean hasWaiters() {
        return !waiters.isEmpty();
    }

    /** {@code Event[set]}, {@code Event[unset]}, {@code Event[unset, waiters=2]}. */
    @Override
    public String toString() {
        int count = waiters.size();
        return "Event[" + (value ? "set" : "unset") + (count > 0 ? ", waiters=" + count : "") + "]";
    }

    /**
     * {@code waitSet()}: continues at once if the flag is set; else blocks the task among the
     * waiters, and once the await ends it leaves the queue, in any case.
     */
    private final class WaitOp implements Awaitable<Boolean>, Blocker {
        @Override
        public Object awaitFrom(StateMachine<?> machine) {
            confine();
            if (value) {
                return Boolean.TRUE;
            }
            return block(waiters, this, machine);
        }

        @Override
        public Object afterWait(Task<?> task, StateMachine<?> machine, boolean woken, Throwable failure)
                throws Throwable {
            Blocker.leave(waiters, task);
            if (failure != null) {
                throw failure;
            }
            return Boolean.TRUE;
        }

        @Override
        public String toString() {
            return "wait() of " + Event.this;
        }
    }
}
