package dev.baton.runtime;

import java.util.function.Consumer;

/**
 * {@code asyncio.shield(aw)}: a promise that mirrors {@code aw}'s outcome but whose
 * cancellation does not reach {@code aw}.
 *
 * <p>Hot, like asyncio: a coroutine argument becomes a task at once. If that task (or the
 * promise passed) is done already, it is returned itself. Otherwise a new outer promise is
 * returned: cancelling it (for instance by cancelling the task awaiting it) leaves the inner
 * one running, and the awaiting task gets {@link CancelledException} as usual. If the inner
 * one is cancelled by other means, the outer one is cancelled too.
 *
 * <pre>{@code
 * Task<Void> save = spawn(saveToDisk());
 * try {
 *     await(shield(save));               // a cancellation of this task does not stop save
 * } catch (CancelledException e) { ...; throw e; }
 * }</pre>
 */
final class Shield<T> {
    private final Promise<T> inner;
    private final Promise<T> outer;
    private final Consumer<Promise<T>> innerDone = this::innerDone;

    private Shield(Promise<T> inner, Promise<T> outer) {
        this.inner = inner;
        this.outer = outer;
    }

    @SuppressWarnings("unchecked")
    static <T> Promise<T> shield(Awaitable<T> awaitable) {
        if (awaitable == null) {
            throw new NullPointerException("awaitable");
        }
        EventLoop loop = awaitable instanceof Promise ? ((Promise<T>) awaitable).loop : EventLoop.current();
        Promise<T> inner = loop.ensurePromise(awaitable);
        if (inner.isDone()) {
            return inner;
        }
        Shield<T> shield = new Shield<>(inner, new Promise<>(loop));
        inner.addDoneCallback(shield.innerDone);
        shield.outer.addDoneCallback(shield::outerDone);
        return shield.outer;
    }

    /** {@code _inner_done_callback}: passes the inner outcome on, unless outer was cancelled. */
    private void innerDone(Promise<T> done) {
        if (outer.isCancelled()) {
            if (!inner.isCancelled()) {
                inner.exception(); // mark the inner result retrieved
            }
            return;
        }
        if (inner.isCancelled()) {
            outer.cancelPromise(null);
        } else {
            Throwable failure = inner.exception();
            if (failure != null) {
                outer.fail(failure);
            } else {
                outer.complete(inner.rawResult());
            }
        }
    }

    /** {@code _outer_done_callback}: a cancelled outer stops listening to inner. */
    private void outerDone(Promise<T> done) {
        if (!inner.isDone()) {
            inner.removeDoneCallback(innerDone);
        }
    }
}
