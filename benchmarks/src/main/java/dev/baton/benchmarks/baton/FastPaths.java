package dev.baton.benchmarks.baton;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.benchmarks.Contender;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Event;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Queue;

/**
 * The uncontended fast paths of the performance contract, each {@code n} times in one task:
 * the JMH {@code -prof gc} allocation per operation of these is what the report lists.
 */
public abstract class FastPaths {
    long count;

    /** The harness alone: a loop with no await. */
    @Async
    Coroutine<Long> baseline(int n) {
        for (int i = 0; i < n; i++) {
            count++;
        }
        return done(count);
    }

    @Async
    Coroutine<Long> acquireFreeLock(Lock lock, int n) {
        for (int i = 0; i < n; i++) {
            await(lock.acquire());
            count++;
            lock.release();
        }
        return done(count);
    }

    @Async
    Coroutine<Long> getFromNonEmptyQueue(Queue<Object> queue, int n) {
        for (int i = 0; i < n; i++) {
            queue.putNowait(Contender.ITEM);
            Object item = await(queue.get());
            if (item == Contender.ITEM) {
                count++;
            }
        }
        return done(count);
    }

    @Async
    Coroutine<Long> putIntoNonFullQueue(Queue<Object> queue, int n) {
        for (int i = 0; i < n; i++) {
            await(queue.put(Contender.ITEM));
            if (queue.getNowait() == Contender.ITEM) {
                count++;
            }
        }
        return done(count);
    }

    @Async
    Coroutine<Long> waitOnSetEvent(Event event, int n) {
        for (int i = 0; i < n; i++) {
            await(event.waitSet());
            count++;
        }
        return done(count);
    }

    @Async
    Coroutine<Long> awaitDonePromise(Promise<Object> promise, int n) {
        for (int i = 0; i < n; i++) {
            Object value = await(promise);
            if (value == Contender.ITEM) {
                count++;
            }
        }
        return done(count);
    }

    /** Not a primitive's fast path: calling a {@code @Guarded} method makes its coroutine object. */
    @Guarded("lock")
    Coroutine<Void> guarded(Lock lock) {
        count++;
        return done();
    }

    @Async
    Coroutine<Long> callGuardedOnFreeLock(Lock lock, int n) {
        for (int i = 0; i < n; i++) {
            await(guarded(lock));
        }
        return done(count);
    }
}
