package dev.baton.benchmarks.baton;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;

import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 2: many tasks, one lock, a counter incremented while it is held. The critical
 * section is written inline ({@code async with lock:} in asyncio, {@code withLock} in
 * kotlinx); calling a {@code @Guarded} method instead costs a coroutine object per call,
 * which the fast-path benchmark measures on its own ({@code guarded-call}).
 */
public abstract class LockContention {
    final Lock lock = new Lock();
    long counter;

    @Async
    Coroutine<Void> worker(int acquisitions) {
        for (int i = 0; i < acquisitions; i++) {
            await(lock.acquire());
            try {
                counter++;
            } finally {
                lock.release();
            }
        }
        return done();
    }

    @Async
    Coroutine<Void> yieldingWorker(int acquisitions) {
        for (int i = 0; i < acquisitions; i++) {
            await(lock.acquire());
            try {
                counter++;
                await(sleep(0));
            } finally {
                lock.release();
            }
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
