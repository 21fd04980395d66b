package dev.baton.netty;

import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Promise;
import java.util.concurrent.CompletableFuture;

/**
 * How a task ended, read on its own loop so that it can cross to another thread: a promise
 * confines its result to its loop.
 */
final class Outcome<T> {
    private final T value;
    private final Throwable failure;
    private final boolean cancelled;

    private Outcome(T value, Throwable failure, boolean cancelled) {
        this.value = value;
        this.failure = failure;
        this.cancelled = cancelled;
    }

    /** The outcome of a done promise; on its loop. Marks its exception retrieved. */
    static <T> Outcome<T> of(Promise<T> done) {
        if (done.isCancelled()) {
            return new Outcome<>(null, null, true);
        }
        Throwable failure = done.exception();
        return failure != null ? new Outcome<>(null, failure, false) : new Outcome<>(done.result(), null, false);
    }

    /** Completes {@code promise} the same way, unless it is done (cancelled by its awaiter). */
    void settle(Promise<T> promise) {
        if (promise.isDone()) {
            return;
        }
        if (cancelled) {
            promise.cancel();
        } else if (failure != null) {
            promise.setException(failure);
        } else {
            promise.setResult(value);
        }
    }

    void settle(CompletableFuture<T> future) {
        if (cancelled) {
            future.completeExceptionally(new CancelledException(null));
        } else if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(value);
        }
    }
}
