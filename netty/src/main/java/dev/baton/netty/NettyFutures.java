package dev.baton.netty;

import dev.baton.runtime.CancelledException;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Promise;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;

/**
 * Netty futures as Baton promises: {@code await(NettyFutures.promise(channel.writeAndFlush(msg)))}.
 *
 * <p>The promise belongs to the running loop, so the awaiting task resumes there, whatever
 * thread completes the future (on the future's own loop thread, which is the task's for a
 * channel of that loop, the promise is completed directly; from another thread it is handed
 * over with {@code callSoonThreadsafe}). Cancelling the promise, as cancelling the task that
 * awaits it does, cancels the future where Netty allows (a connect, a scheduled task; not a
 * write already under way). A future that failed raises its cause; one that was cancelled
 * raises {@link CancelledException}.
 */
public final class NettyFutures {

    private NettyFutures() {}

    /**
     * A promise on the running loop that completes as {@code future} does.
     *
     * @param <V> the result type
     * @param future any Netty future
     * @return a promise of the running loop
     */
    public static <V> Promise<V> promise(Future<V> future) {
        if (future == null) {
            throw new NullPointerException("future");
        }
        EventLoop loop = EventLoop.current();
        Promise<V> promise = loop.createPromise();
        if (future.isDone()) {
            settle(promise, future);
            return promise;
        }
        Thread loopThread = Thread.currentThread();
        GenericFutureListener<Future<V>> listener = f -> {
            if (Thread.currentThread() == loopThread) {
                settle(promise, f);
            } else {
                try {
                    loop.callSoonThreadsafe(() -> settle(promise, f));
                } catch (IllegalStateException closed) {
                    // the loop was closed meanwhile: nobody awaits the promise any more
                }
            }
        };
        future.addListener(listener);
        promise.addDoneCallback(p -> {
            if (p.isCancelled()) {
                future.removeListener(listener);
                future.cancel(false);
            }
        });
        return promise;
    }

    private static <V> void settle(Promise<V> promise, Future<V> future) {
        if (promise.isDone()) {
            return; // cancelled by its awaiting task meanwhile
        }
        if (future.isSuccess()) {
            promise.setResult(future.getNow());
        } else if (future.isCancelled()) {
            promise.cancel();
        } else {
            promise.setException(future.cause());
        }
    }
}
