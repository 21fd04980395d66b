package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;

/**
 * {@code asyncio.Timeout}, the context manager of {@code asyncio.timeout}: the part of a
 * machine that cancels its task at a deadline and turns that cancellation into a
 * {@link TimeoutException}. {@link WaitFor} and {@link Timeout} are machines around one
 * awaited body: they {@link #enter} before awaiting it and {@link #exit} with its outcome.
 *
 * <p>A deadline that has passed (or is now) cancels the task with {@code callSoon}, so the
 * body runs to its first suspension; the cancellation is the timeout's only while nobody else
 * cancelled the task meanwhile (the {@link Task#cancelling()}/{@link Task#uncancel()}
 * bookkeeping), else it propagates.
 */
abstract class TimeoutScope<T> extends StateMachine<T> {
    private static final int CREATED = 0, ENTERED = 1, EXPIRING = 2, EXPIRED = 3, EXITED = 4;
    private static final String[] STATE_NAMES = {"created", "active", "expiring", "expired", "finished"};

    private int timeoutState = CREATED;
    private Handle timeoutHandler;
    private int cancellingOnEntry;

    /** {@code Timeout.__aenter__} and {@code reschedule(when)}; {@code +Infinity} never expires. */
    final void enter(EventLoop loop, double when) {
        Task<?> task = task();
        timeoutState = ENTERED;
        cancellingOnEntry = task.cancelling();
        if (when == Double.POSITIVE_INFINITY) {
            return;
        }
        if (when <= loop.time()) {
            timeoutHandler = loop.callSoon(this::onTimeout);
        } else {
            timeoutHandler = loop.callAt(when, this::onTimeout);
        }
    }

    /** {@code Timeout._on_timeout}. */
    private void onTimeout() {
        task().cancel();
        timeoutState = EXPIRING;
        timeoutHandler = null;
    }

    /**
     * {@code Timeout.__aexit__}, then the body's outcome: its value, its failure, or, when the
     * failure is this timeout's cancellation, a {@link TimeoutException} caused by it.
     */
    final Object exit(Object value, Throwable failure) throws Throwable {
        if (timeoutHandler != null) {
            timeoutHandler.cancel();
            timeoutHandler = null;
        }
        if (timeoutState == EXPIRING) {
            timeoutState = EXPIRED;
            if (task().uncancel() <= cancellingOnEntry && failure instanceof CancelledException) {
                // no new cancel requests: the cancellation is ours
                throw timeoutFrom(failure);
            }
        } else if (timeoutState == ENTERED) {
            timeoutState = EXITED;
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    /** The exception a timeout raises: asyncio's {@code raise TimeoutError from exc_val}. */
    final TimeoutException timeoutFrom(Throwable cancellation) {
        TimeoutException timeout = new TimeoutException(expiredMessage());
        timeout.initCause(cancellation);
        return timeout;
    }

    /** The {@link TimeoutException}'s message: which timeout expired on what. */
    abstract String expiredMessage();

    /** The state, as asyncio's {@code Timeout} repr names it. */
    final String timeoutStateName() {
        return STATE_NAMES[timeoutState];
    }

    /** A number of seconds as the messages print it: {@code 0.2}, {@code 1.5}, {@code 3}. */
    static String seconds(double seconds) {
        return seconds == Math.rint(seconds) && Math.abs(seconds) < 1e15
                ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
