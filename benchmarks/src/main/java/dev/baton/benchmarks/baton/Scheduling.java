package dev.baton.benchmarks.baton;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;

import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;

/** Scenario 5: yields in one task, and spawning tasks that complete at once. */
public abstract class Scheduling {
    long ran;

    @Async
    Coroutine<Long> yields(int count) {
        long yielded = 0;
        for (int i = 0; i < count; i++) {
            await(sleep(0));
            yielded++;
        }
        return done(yielded);
    }

    @Async
    Coroutine<Void> nothing() {
        ran++;
        return done();
    }

    @Async
    Coroutine<Long> spawnAll(int count) {
        Task<?>[] tasks = new Task<?>[count];
        for (int i = 0; i < count; i++) {
            tasks[i] = spawn(nothing());
        }
        for (int i = 0; i < count; i++) {
            await(tasks[i]);
        }
        return done(ran);
    }
}
