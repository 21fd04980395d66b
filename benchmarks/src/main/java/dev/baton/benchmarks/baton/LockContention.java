package dev.baton.benchmarks.baton;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Task;
import java.util.ArrayList;
import java.util.List;

/** Scenario 2: many tasks, one lock, a counter incremented in a {@code @Guarded} method. */
public abstract class LockContention {
    final Lock lock = new Lock();
    long counter;

    @Guarded("lock")
    Coroutine<Void> increment() {
        counter++;
        return done();
    }

    @Guarded("lock")
    Coroutine<Void> incrementAndYield() {
        counter++;
        await(sleep(0));
        return done();
    }

    @Async
    Coroutine<Void> worker(int acquisitions) {
        for (int i = 0; i < acquisitions; i++) {
            await(increment());
        }
        return done();
    }

    @Async
    Coroutine<Void> yieldingWorker(int acquisitions) {
        for (int i = 0; i < acquisitions; i++) {
            await(incrementAndYield());
        }
        return done();
    }

    @Async
    Coroutine<Long> run(int tasks, int acquisitions, boolean yieldInside) {
        List<Task<Void>> workers = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            workers.add(spawn(yieldInside ? yieldingWorker(acquisitions) : worker(acquisitions)));
        }
        for (int t = 0; t < tasks; t++) {
            await(workers.get(t));
        }
        return done(counter);
    }
}
