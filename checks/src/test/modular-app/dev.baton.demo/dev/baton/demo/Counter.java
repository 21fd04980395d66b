package dev.baton.demo;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Lock;

/** Two workers share a counter under a lock, yielding while they hold it. */
public abstract class Counter {
    final Lock lock = new Lock();
    int count;

    @Guarded("lock")
    Coroutine<Void> increment(String who) {
        int seen = count;
        await(sleep(0));
        count = seen + 1;
        System.out.println(who + " -> " + count);
        return done();
    }

    @Async
    Coroutine<Void> worker(String who, int times) {
        for (int i = 0; i < times; i++) {
            await(increment(who));
        }
        return done();
    }

    @Async
    public Coroutine<Integer> main() {
        await(gather(spawn(worker("a", 2)), spawn(worker("b", 2))));
        return done(count);
    }
}
