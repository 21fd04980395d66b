package dev.baton.runtime;

import dev.baton.runtime.Baton.ReturnWhen;
import dev.baton.runtime.internal.StateMachine;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.function.Consumer;

/**
 * {@code asyncio.wait(fs, timeout=..., return_when=...)}: waits until some or all of the
 * given promises are done and returns the done and pending ones ({@link WaitResult}).
 *
 * <p>A coroutine, like asyncio's: nothing is registered until it is awaited. It never
 * raises for the promises' failures and never cancels them, not even on timeout: the ones
 * not done are returned as pending. Cancelling the waiting task removes its callbacks and
 * leaves the promises running.
 *
 * <p>Since Python 3.11 bare coroutines are refused: pass tasks ({@link Baton#spawn}) or
 * promises. Baton refuses every awaitable that is not a {@link Promise} (a primitive's
 * operation such as {@code lock.acquire()} is a coroutine in asyncio).
 *
 * <pre>{@code
 * WaitResult r = await(waitTasks(List.of(spawn(a()), spawn(b())), ReturnWhen.FIRST_COMPLETED));
 * }</pre>
 */
final class WaitTasks extends StateMachine<WaitResult> {
    private final LinkedHashSet<Promise<?>> promises;
    private final double timeoutSeconds;
    private final ReturnWhen returnWhen;
    private int counter;
    private Promise<Void> waiter;
    private TimerHandle timeoutHandle;
    private final Consumer<Promise<?>> onCompletion = this::onCompletion;

    private WaitTasks(LinkedHashSet<Promise<?>> promises, double timeoutSeconds, ReturnWhen returnWhen) {
        this.promises = promises;
        this.timeoutSeconds = timeoutSeconds;
        this.returnWhen = returnWhen;
    }

    /** Checks the arguments as {@code asyncio.wait} does, in its order, and makes the coroutine. */
    static WaitTasks of(Collection<? extends Awaitable<?>> awaitables, ReturnWhen returnWhen, double timeoutSeconds) {
        if (awaitables == null) {
            throw new NullPointerException("awaitables");
        }
        if (awaitables.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        if (returnWhen == null) {
            throw new IllegalArgumentException("Invalid return_when value: null");
        }
        if (Double.isNaN(timeoutSeconds)) {
            throw new IllegalArgumentException("timeout must not be NaN");
        }
        LinkedHashSet<Promise<?>> promises = new LinkedHashSet<>();
        for (Awaitable<?> awaitable : awaitables) {
            if (awaitable == null) {
                throw new NullPointerException("waitTasks(): a null element");
            }
            if (!(awaitable instanceof Promise)) {
                throw new IllegalArgumentException("Passing coroutines is forbidden, use tasks explicitly.");
            }
            promises.add((Promise<?>) awaitable);
        }
        return new WaitTasks(promises, timeoutSeconds, returnWhen);
    }

    @Override
    protected Object $resume(Object value, Throwable failure) throws Throwable {
        switch ($state) {
            case 0: {
                EventLoop loop = task().loop();
                waiter = new Promise<>(loop);
                if (timeoutSeconds != Double.POSITIVE_INFINITY) {
                    Promise<Void> w = waiter;
                    timeoutHandle = loop.callLater(timeoutSeconds, () -> releaseWaiter(w));
                }
                counter = promises.size();
                for (Promise<?> promise : promises) {
                    listen(promise);
                }
                value = $await(waiter, 1);
                if (value == SUSPENDED) {
                    return SUSPENDED;
                }
            }
            // fall through: the waiter was completed synchronously
            case 1:
                // finally:
                if (timeoutHandle != null) {
                    timeoutHandle.cancel();
                    timeoutHandle = null;
                }
                for (Promise<?> promise : promises) {
                    unlisten(promise);
                }
                waiter = null;
                if (failure != null) {
                    throw failure;
                }
                LinkedHashSet<Promise<?>> done = new LinkedHashSet<>();
                LinkedHashSet<Promise<?>> pending = new LinkedHashSet<>();
                for (Promise<?> promise : promises) {
                    (promise.isDone() ? done : pending).add(promise);
                }
                return new WaitResult(done, pending);
            default:
                throw new IllegalStateException("bad state " + $state);
        }
    }

    /** {@code _on_completion}: releases the waiter when the return_when condition holds. */
    /** The promises waited for, for the task dump. */
    Iterable<Promise<?>> promises() {
        return promises;
    }

    private void onCompletion(Promise<?> promise) {
        counter--;
        if (counter <= 0
                || returnWhen == ReturnWhen.FIRST_COMPLETED
                || (returnWhen == ReturnWhen.FIRST_EXCEPTION
                        && !promise.isCancelled() && promise.exception() != null)) {
            if (timeoutHandle != null) {
                timeoutHandle.cancel();
            }
            if (waiter != null && !waiter.isDone()) {
                waiter.complete(null);
            }
        }
    }

    private static void releaseWaiter(Promise<Void> waiter) {
        if (!waiter.isDone()) {
            waiter.complete(null);
        }
    }

    private void listen(Promise<?> promise) {
        promise.addDoneCallback(onCompletion);
    }

    private void unlisten(Promise<?> promise) {
        promise.removeDoneCallback(onCompletion);
    }

    @Override
    public String toString() {
        return "waitTasks[" + returnWhen + ", promises=" + promises.size()
                + (timeoutSeconds != Double.POSITIVE_INFINITY ? ", timeout=" + timeoutSeconds : "") + "]";
    }
}
