package dev.baton.runtime;

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
 * and waited for; its cancellation becomes a {@link TimeoutException}. (This is where
 * {@code wait_for} and {@code asyncio.timeout} differ: see {@link Timeout}.)
 * {@link Double#POSITIVE_INFINITY} means no timeout (asyncio's {@code None}).
 *
 * <p>The {@link TimeoutException}'s message names the timeout and the awaitable, which
 * asyncio's {@code TimeoutError()} does not.
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
final class WaitFor<T> extends TimeoutScope<T> {
    /** What is awaited: kept until the end for the timeout's message. */
    private Awaitable<T> awaitable;
    private final double timeoutSeconds;
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
    protected Object $resume(Object value, Throwable failure) throws Throwable {
        switch ($state) {
            case 0: {
                EventLoop loop = task().loop();
                if (timeoutSeconds <= 0) {
                    inner = loop.ensurePromise(awaitable);
                    if (inner.isDone()) {
                        awaitable = null;
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
                        awaitable = null;
                        throw t;
                    }
                    if (value == SUSPENDED) {
                        return SUSPENDED;
                    }
                    return afterCancelAndWait(null);
                }
                // async with timeout(timeoutSeconds):
                enter(loop, timeoutSeconds == Double.POSITIVE_INFINITY
                        ? Double.POSITIVE_INFINITY : loop.time() + timeoutSeconds);
                try {
                    value = $await(awaitable, 1);
                } catch (Throwable t) {
                    return finish(null, t);
                }
                if (value == SUSPENDED) {
                    return SUSPENDED;
                }
                return finish(value, null);
            }
            case 1:
                return finish(value, failure);
            case 2:
                return afterCancelAndWait(failure);
            default:
                throw new IllegalStateException("bad state " + $state);
        }
    }

    private Object finish(Object value, Throwable failure) throws Throwable {
        try {
            return exit(value, failure);
        } finally {
            awaitable = null;
        }
    }

    /** The end of the timeout <= 0 path: the cancelled promise's outcome, cancellation as timeout. */
    private Object afterCancelAndWait(Throwable failure) throws Throwable {
        inner.removeDoneCallback(releaseWaiter);
        releaseWaiter = null;
        try {
            if (failure != null) {
                throw failure;
            }
            try {
                return inner.result();
            } catch (CancelledException e) {
                throw timeoutFrom(e);
            }
        } finally {
            awaitable = null;
        }
    }

    @Override
    String expiredMessage() {
        if (timeoutSeconds <= 0) {
            return "waitFor(timeout=" + seconds(timeoutSeconds) + "): " + awaitable
                    + " was not done, so it was cancelled (a timeout of zero or less does not wait)";
        }
        return "waitFor(timeout=" + seconds(timeoutSeconds) + "): " + awaitable
                + " did not complete within " + seconds(timeoutSeconds) + " s";
    }

    @Override
    public String toString() {
        return "waitFor[" + timeoutStateName() + ", timeout=" + timeoutSeconds + "]";
    }
}
