package dev.baton.runtime;

import dev.baton.runtime.internal.Sneaky;
import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * asyncio's {@code Future}: a result that will be set later, bound to one {@link EventLoop}.
 *
 * <p>Done-callbacks are always scheduled with {@link EventLoop#callSoon}, never run inline,
 * in the order they were added. A task awaiting a promise resumes one loop step after the
 * promise completes; awaiting a promise that is already done continues at once.
 *
 * <pre>{@code
 * Promise<String> p = EventLoop.current().createPromise();
 * EventLoop.current().callLater(0.1, () -> p.setResult("ready"));
 * String s = await(p);
 * }</pre>
 *
 * @param <T> the result type
 */
public class Promise<T> implements Awaitable<T> {
    private static final byte PENDING = 0, FINISHED = 1, FAILED = 2, CANCELLED = 3;

    // Few fields, because every Task is a promise and a task blocked on a primitive is mostly
    // its Task (it waits in the primitive itself): see docs/design.md's performance contract.
    final EventLoop loop;
    /** null, a single callback (a user Consumer or a waiting Task), or a List of them. */
    private Object callbacks;
    /**
     * By state: pending, nothing; FINISHED, the result; FAILED, the exception, or while nobody
     * has retrieved it the loop's {@link EventLoop.Unretrieved} record of it; CANCELLED, the
     * cancellation message (may be null).
     */
    private Object outcome;
    private byte state = PENDING;

    /** A promise bound to the running loop ({@link EventLoop#current()}). */
    public Promise() {
        this(EventLoop.current());
    }

    Promise(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * The loop this promise belongs to.
     *
     * @return the loop this promise belongs to
     */
    public final EventLoop loop() {
        return loop;
    }

    /**
     * Whether the promise has a result, an exception, or was cancelled.
     *
     * @return whether the promise has an outcome
     */
    public final boolean isDone() {
        return state != PENDING;
    }

    /**
     * Whether the promise was cancelled.
     *
     * @return whether the promise was cancelled
     */
    public final boolean isCancelled() {
        return state == CANCELLED;
    }

    /**
     * The result. Throws the promise's exception (unwrapped), {@link CancelledException} if
     * it was cancelled, or {@link IllegalStateException} ("Result is not set.") if pending.
     *
     * @return the result
     */
    public final T result() {
        loop.checkThread();
        return outcome();
    }

    /** {@link #result()} without the thread check: the await fast path and the runtime's callbacks. */
    @SuppressWarnings("unchecked")
    final T outcome() {
        byte s = state;
        if (s == FINISHED) {
            return (T) outcome;
        }
        if (s == FAILED) {
            markRetrieved();
            throw Sneaky.<RuntimeException>rethrow((Throwable) outcome);
        }
        if (s == CANCELLED) {
            throw makeCancelledError();
        }
        throw new IllegalStateException("Result is not set.");
    }

    /**
     * The exception, or null if the promise has a result. Throws {@link CancelledException}
     * if it was cancelled, {@link IllegalStateException} ("Exception is not set.") if pending.
     *
     * @return the exception, or null if the promise succeeded
     */
    public final Throwable exception() {
        loop.checkThread();
        if (state == CANCELLED) {
            throw makeCancelledError();
        }
        if (state == PENDING) {
            throw new IllegalStateException("Exception is not set.");
        }
        markRetrieved();
        return state == FAILED ? (Throwable) outcome : null;
    }

    /**
     * Completes the promise with a result; {@link IllegalStateException} ("invalid state") if it is done.
     *
     * @param value the result
     */
    public void setResult(T value) {
        loop.checkThread();
        complete(value);
    }

    /**
     * Completes the promise with an exception; {@link IllegalStateException} ("invalid state") if it is done.
     *
     * @param failure the exception
     */
    public void setException(Throwable failure) {
        loop.checkThread();
        fail(failure);
    }

    /**
     * Cancels the promise: false if it was done already.
     *
     * @return whether the cancellation took effect
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the promise with a message carried by the {@link CancelledException}.
     *
     * @param msg the cancellation message, or null
     * @return whether the cancellation took effect
     */
    public boolean cancel(String msg) {
        loop.checkThread();
        return cancelPromise(msg);
    }

    /**
     * Schedules {@code callback} with {@link EventLoop#callSoon} once the promise is done
     * (at once if it is done already).
     *
     * @param callback the callback
     */
    public final void addDoneCallback(Consumer<? super Promise<T>> callback) {
        loop.checkThread();
        if (callback == null) {
            throw new NullPointerException("callback");
        }
        if (state != PENDING) {
            scheduleCallback(callback);
        } else {
            addCallback(callback);
        }
    }

    /**
     * Removes every registration of {@code callback}; whether there was one.
     *
     * @param callback the callback
     * @return whether the callback was registered
     */
    public final boolean removeDoneCallback(Consumer<? super Promise<T>> callback) {
        loop.checkThread();
        return removeCallback(callback);
    }

    @Override
    public final Object awaitFrom(StateMachine<?> machine) {
        if (state != PENDING) {
            return resultForAwait();
        }
        checkAwaiter(machine).suspendOn(this, machine);
        return StateMachine.SUSPENDED;
    }

    /** The task of {@code machine}, once checked that it may wait on this promise. */
    final Task<?> checkAwaiter(StateMachine<?> machine) {
        Task<?> task = machine.task();
        if (task == this) {
            throw new IllegalStateException("Task cannot await on itself: " + this);
        }
        if (loop != task.loop) {
            throw new IllegalStateException(
                    "Task " + task + " got Future " + this + " attached to a different loop");
        }
        return task;
    }

    // ---- the runtime's side ----

    /** The outcome an awaiting task receives: the result, or the exception thrown. */
    final Object resultForAwait() {
        return outcome();
    }

    final void complete(T value) {
        if (state != PENDING) {
            throw new IllegalStateException("invalid state"); // the message of CPython's C Future
        }
        outcome = value;
        state = FINISHED;
        scheduleCallbacks();
    }

    final void fail(Throwable failure) {
        if (failure == null) {
            throw new NullPointerException("setException(null)");
        }
        if (state != PENDING) {
            throw new IllegalStateException("invalid state"); // the message of CPython's C Future
        }
        state = FAILED;
        outcome = loop.trackUnretrieved(this, failure);
        scheduleCallbacks();
    }

    final boolean cancelPromise(String msg) {
        markRetrieved();
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        outcome = msg;
        scheduleCallbacks();
        return true;
    }

    /** The CancelledException a cancelled promise throws; a Task may have saved its own. */
    CancelledException makeCancelledError() {
        return new CancelledException(cancelMessage());
    }

    /** The message this promise was cancelled with: null if none, or if it is not cancelled. */
    String cancelMessage() {
        return state == CANCELLED ? (String) outcome : null;
    }

    /** Registers a task to wake when this completes, without allocating a Handle. */
    final void addWaiter(Task<?> task) {
        addCallback(task);
    }

    /** The result, or null if the promise is pending, failed or cancelled. */
    @SuppressWarnings("unchecked")
    final T rawResult() {
        return state == FINISHED ? (T) outcome : null;
    }

    /** The exception, or null if the promise is pending, has a result or was cancelled. */
    final Throwable rawException() {
        if (state != FAILED) {
            return null;
        }
        Object failure = outcome;
        return failure instanceof EventLoop.Unretrieved ? ((EventLoop.Unretrieved) failure).failure : (Throwable) failure;
    }

    final void markRetrieved() {
        if (state == FAILED && outcome instanceof EventLoop.Unretrieved) {
            EventLoop.Unretrieved record = (EventLoop.Unretrieved) outcome;
            outcome = record.failure;
            record.retrieved();
        }
    }

    @SuppressWarnings("unchecked")
    private void addCallback(Object callback) {
        Object current = callbacks;
        if (current == null) {
            callbacks = callback;
        } else if (current instanceof CallbackList) {
            ((CallbackList) current).add(callback);
        } else {
            CallbackList list = new CallbackList();
            list.add(current);
            list.add(callback);
            callbacks = list;
        }
    }

    private boolean removeCallback(Object callback) {
        Object current = callbacks;
        if (current == null) {
            return false;
        }
        if (current instanceof CallbackList) {
            return ((CallbackList) current).removeIf(c -> c.equals(callback));
        }
        if (current.equals(callback)) {
            callbacks = null;
            return true;
        }
        return false;
    }

    private void scheduleCallbacks() {
        Object current = callbacks;
        callbacks = null;
        if (current == null) {
            return;
        }
        if (current instanceof CallbackList) {
            for (Object callback : (CallbackList) current) {
                scheduleCallback(callback);
            }
        } else {
            scheduleCallback(current);
        }
    }

    @SuppressWarnings("unchecked")
    private void scheduleCallback(Object callback) {
        if (callback instanceof Task) {
            ((Task<?>) callback).scheduleWakeup();
        } else {
            Consumer<? super Promise<T>> consumer = (Consumer<? super Promise<T>>) callback;
            loop.callSoon(() -> consumer.accept(this));
        }
    }

    @Override
    public String toString() {
        return "Promise[" + describeState() + "]";
    }

    final String describeState() {
        switch (state) {
            case PENDING:
                return "pending";
            case CANCELLED:
                return "cancelled";
            default:
                return state == FAILED ? "finished, exception=" + rawException() : "finished, result=" + outcome;
        }
    }

    /** A distinct type, so that a user's List passed as a callback is never mistaken for it. */
    private static final class CallbackList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }
}
