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
    /** FIFO of the waiters' promises (read by tests). */
    final ArrayDeque<Promise<Boolean>> waiters = new ArrayDeque<>();
    /** What {@link #waitSet()} returns: the fast path runs in its awaitFrom, allocation-free. */
    private final Awaitable<Boolean> waitOp = this::waitFrom;

    /** A new event, not set. It binds to the loop it is first used on. */
    public Event() {}

    /** Whether the flag is true. */
    public boolean isSet() {
        confine();
        return value;
    }

    /** Makes the flag true and wakes every task waiting for it, in FIFO order. */
    public void set() {
        confine();
        if (!value) {
            value = true;
            WaiterNode.wakeUp(waiters, Integer.MAX_VALUE, Boolean.TRUE);
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
     */
    public Awaitable<Boolean> waitSet() {
        confine();
        return waitOp;
    }

    private Object waitFrom(StateMachine<?> machine) {
        confine();
        if (value) {
            return Boolean.TRUE;
        }
        Waiter fut = new Waiter(this);
        waiters.addLast(fut);
        return fut.suspend(machine);
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

    /** A task waiting for the flag; once the await ends it leaves the queue, in any case. */
    private static final class Waiter extends WaiterNode<Boolean> {
        private final Event event;

        Waiter(Event event) {
            super(event.loop());
            this.event = event;
        }

        @Override
        Object afterWait(StateMachine<?> machine, Object value, Throwable failure) throws Throwable {
            event.waiters.remove(this);
            if (failure != null) {
                throw failure;
            }
            return Boolean.TRUE;
        }
    }
}
