package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Semaphore;
import dev.baton.runtime.Task;
import java.util.List;

/**
 * test_locks.py SemaphoreTests.test_acquire_fifo_order_4: three releases wake three queued
 * acquirers; a task spawned by the first runs after them.
 */
public abstract class SemaphoreFifoOrder4 extends Scenario {
    final Semaphore sem = new Semaphore(0);
    final List<Integer> result = list();
    Task<Boolean> t4;

    @Async
    Coroutine<Boolean> c1() {
        print("c1 locked:", sem.locked());
        await(sem.acquire());
        t4 = spawn(c4());
        result.add(1);
        return done(true);
    }

    @Async
    Coroutine<Boolean> c2() {
        sem.release();
        sem.release();
        sem.release();
        print("c2 locked:", sem.locked());
        await(sem.acquire());
        result.add(2);
        return done(true);
    }

    @Async
    Coroutine<Boolean> c3() {
        await(sem.acquire());
        print("c3 locked:", sem.locked());
        result.add(3);
        return done(true);
    }

    @Async
    Coroutine<Boolean> c4() {
        result.add(4);
        return done(true);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Boolean> t1 = spawn(c1());
        Task<Boolean> t2 = spawn(c2());
        Task<Boolean> t3 = spawn(c3());

        await(sleep(0));
        print("locked:", sem.locked());
        await(sleep(0));

        List<Object> all = await(gather(t1, t2, t3, t4));
        print("gather:", all);
        print("result:", result);
        return done();
    }
}
