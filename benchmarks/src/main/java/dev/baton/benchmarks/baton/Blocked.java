package dev.baton.benchmarks.baton;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.benchmarks.Contender;
import dev.baton.benchmarks.Contender.Blocker;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Event;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Queue;

/** Scenario 6: many tasks blocked at once on a lock, an event or an empty queue. */
public abstract class Blocked {
    final Lock lock = new Lock();
    final Event event = new Event();
    final Queue<Object> queue = new Queue<>();
    int count;
    long finished;
    Promise<Void> allDone;

    void finish() {
        finished++;
        if (finished == count) {
            allDone.setResult(null);
        }
    }

    @Guarded("lock")
    Coroutine<Void> onLock() {
        finish();
        return done();
    }

    @Async
    Coroutine<Void> onEvent() {
        await(event.waitSet());
        finish();
        return done();
    }

    @Async
    Coroutine<Void> onQueue() {
        await(queue.get());
        finish();
        return done();
    }

    @Async
    Coroutine<Long> run(Blocker on, int count, Runnable whileBlocked) {
        this.count = count;
        allDone = new Promise<>();
        await(lock.acquire());
        for (int i = 0; i < count; i++) {
            spawn(on == Blocker.LOCK ? onLock() : on == Blocker.EVENT ? onEvent() : onQueue());
        }
        await(sleep(0));
        whileBlocked.run();
        lock.release();
        event.set();
        if (on == Blocker.QUEUE) {
            for (int i = 0; i < count; i++) {
                queue.putNowait(Contender.ITEM);
            }
        }
        await(allDone);
        return done(finished);
    }
}
