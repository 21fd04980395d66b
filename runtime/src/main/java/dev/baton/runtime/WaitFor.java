package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.function.Consumer;

/**
 * {@code asyncio.wait_for(aw, timeout)} with Python 3.12+ semantics: {@code async with
 * asyncio.timeout(t): return await aw}.
 *
 * <p>The awaitable runs inline in the awaiting task (a coroutine is not wrapped in a task).
 * When the deadline passes, the task is cancelled; if the {@link CancelledException} that
 * this delivers comes out of the awaitable, it becomes a {@link TimeoutException} whose cause
 * is the cancellation, unless someone else also cancelled the task meanwhile (the
 * {@link Task#cancelling()}/{@link Task#uncancel()} bookkeeping of {@code asyncio.Timeout}:
 * then the cancellation propagates). If the awaitable swallows the cancellation and returns
 * a value, that value is returned.
 *
 * <p>A timeout of zero or less does not run the awaitable: it is wrapped in a task
 * ({@link EventLoop#ensurePromise}), which is returned from if done already, else cancelled
 * and waited for; its cancellation becomes a {@link TimeoutException}.
 * {@link Double#POSITIVE_INFINITY} means no timeout (asyncio's {@code None}).
 *
 * <p>Difference from asyncio: Java exceptions have no implicit {@code __context__}, so when
 * the awaitable turns the cancellation into another exception, no {@code TimeoutError} is
 * inserted into its context chain; that exception propagates as it is.
 *
 * <pre>{@code
 * try {
 *     String page = await(waitFor(fetch(url), 2.0));
 * } catch (TimeoutException e) { ... }
 * }</pre>
 */
final class WaitFor<T> extends StateMachine<T> {
    private static final int CREATED = 0, ENTERED = 1, EXPIRING = 2, EXPIRED = 3, EXITED = 4;

    private Awaitable<T> awaitable;
    private final double timeoutSeconds;
    private int timeoutState = CREATED;
    private Handle timeoutHandler;
    private int cancellingOnEntry;
    /** The timeout <= 0 path: the awaitable as a promise, and _cancel_and_wait's waiter. */
    private Promise<T> inner;
    private Consumer<Promise<T>> releaseWaiter;

    WaitFor(Awaitable<T> awaitable, double timeoutSeconds) {
        if (awaitable == null) {
            throw new NullPointerException("awaitable");
        }
        if (Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("timeout must not be NaN");
        }
        this.awaitable = awaitable;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object $resume(Object value, Throwable failure) throws Throwable {
        switch ($state) {
            case 0: {
                Awaitable<T> target = awaitable;
                awaitable = null;
                EventLoop loop = task().loop();
                if (timeoutSeconds <= 0) {
                    inner = loop.ensurePromise(target);
                    if (inner.isDone()) {
                        return inner.result();
                    }
                    // await _cancel_and_wait(fut)
                    Promise<Void> waiter = new Promise<>(loop);
                    releaseWaiter = p -> {
                        if (!waiter.isDone()) {
                            waiter.complete(null);
                        }
                    };
                    inner.addDoneCallback(releaseWaiter);
                    try {
                        inner.cancel();
                        value = $await(waiter, 2);
                    } catch (Throwable t) {
                        inner.removeDoneCallback(releaseWaiter);
                        throw t;
                    }
                    if (value == SUSPENDED) {
                        return SUSPENDED;
                    }
                    return afterCancelAndWait(null);
                }
                // async with timeout(timeoutSeconds):
                enter(loop);
                try {
                    value = $await(target, 1);
                } catch (Throwable t) {
                    return exit(null, t);
                }
                if (value == SUSPENDED) {
                    return SUSPENDED;
                }
                return exit(value, null);
            }
            case 1:
                return exit(value, failure);
            case 2:
                return afterCancelAndWait(failure);
            default:
                throw new IllegalStateException("bad state " + $state);
        }
    }

    /** The end of the timeout <= 0 path: the cancelled promise's outcome, cancellation as timeout. */
    private Object afterCancelAndWait(Throwable failure) throws Throwable {
        inner.removeDoneCallback(releaseWaiter);
        releaseWaiter = null;
        if (failure != null) {
            throw failure;
        }
        try {
            return inner.result();
        } catch (CancelledException e) {
            throw timeoutFrom(e);
        }
    }

    /** {@code Timeout.__aenter__} and {@code reschedule(loop.time() + timeout)}. */
    private void enter(EventLoop loop) {
        Task<?> task = task();
        timeoutState = ENTERED;
        cancellingOnEntry = task.cancelling();
        if (timeoutSeconds == Double.POSITIVE_INFINITY) {
            return;
        }
        double when = loop.time() + timeoutSeconds;
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

    /** {@code Timeout.__aexit__}, then the body's outcome. */
    private Object exit(Object value, Throwable failure) throws Throwable {
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

    private static TimeoutException timeoutFrom(Throwable cancellation) {
        TimeoutException timeout = new TimeoutException();
        timeout.initCause(cancellation);
        return timeout;
    }

    @Override
    public String toString() {
        String state = new String[] {"created", "active", "expiring", "expired", "finished"}[timeoutState];
        return "waitFor[" + state + ", timeout=" + timeoutSeconds + "]";
    }
}
