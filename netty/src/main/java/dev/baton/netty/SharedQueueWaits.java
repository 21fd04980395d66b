package dev.baton.netty;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;

import dev.baton.Async;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;

/** The waiting side of {@link SharedQueue}: try, else wait to be woken, and try again. */
abstract class SharedQueueWaits<T> {
    final SharedQueue<T> queue;

    SharedQueueWaits(SharedQueue<T> queue) {
        this.queue = queue;
    }

    @Async
    Coroutine<T> get() {
        while (true) {
            T item = queue.poll();
            if (item != null) {
                return done(item);
            }
            SharedQueue.Waiter waiter = queue.enlistGetter();
            if (waiter != null) {
                try {
                    await(waiter.signal);
                } catch (CancelledException e) {
                    queue.abandonGet(waiter);
                    throw e;
                }
            }
        }
    }

    @Async
    Coroutine<Void> put(T item) {
        while (!queue.offer(item)) {
            SharedQueue.Waiter waiter = queue.enlistPutter();
            if (waiter != null) {
                try {
                    await(waiter.signal);
                } catch (CancelledException e) {
                    queue.abandonPut(waiter);
                    throw e;
                }
            }
        }
        return done();
    }
}
