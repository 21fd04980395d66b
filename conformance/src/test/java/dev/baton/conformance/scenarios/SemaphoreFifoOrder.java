package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Semaphore;
import dev.baton.runtime.Task;
import dev.baton.runtime.TaskGroup;
import java.util.List;

/**
 * test_locks.py SemaphoreTests.test_acquire_fifo_order, _2 and _3: first come, first
 * served, also across a release and re-acquire in one task.
 */
public abstract class SemaphoreFifoOrder extends Scenario {
    Semaphore sem = new Semaphore(1);
    List<Object> result = list();

    @Async
    Coroutine<Void> coro(String tag) {
        await(sem.acquire());
        result.add(tag + "_1");
        await(sleep(0.01));
        sem.release();

        await(sem.acquire());
        result.add(tag + "_2");
        await(sleep(0.01));
        sem.release();
        return done();
    }

    @Async
    Coroutine<Boolean> c1() {
        await(sem.acquire());
        result.add(1);
        return done(true);
    }

    @Async
    Coroutine<Boolean> c2() {
        await(sem.acquire());
        result.add(2);
        sem.release();
        await(sem.acquire());
        result.add(4);
        return done(true);
    }

    @Async
    Coroutine<Boolean> c3() {
        await(sem.acquire());
        result.add(3);
        return done(true);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        await(TaskGroup.run(tg -> {
            tg.spawn(coro("c1"));
            tg.spawn(coro("c2"));
            tg.spawn(coro("c3"));
            return done();
        }));
        print("order 1:", result);

        sem = new Semaphore(1);
        result = list();
        Task<Boolean> t1 = spawn(c1());
        Task<Boolean> t2 = spawn(c2());
        Task<Boolean> t3 = spawn(c3());
        await(sleep(0));
        sem.release();
        sem.release();
        List<Object> all = await(gather(t1, t2, t3));
        print("gather:", all);
        print("order 2:", result);

        sem = new Semaphore(0);
        result = list();
        t1 = spawn(c1());
        t2 = spawn(c2());
        t3 = spawn(c3());
        await(sleep(0));
        t1.cancel();
        await(sleep(0));
        sem.release();
        sem.release();
        List<Object> results = await(gather(true, t1, t2, t3));
        print("gather:", results);
        print("order 3:", result);
        return done();
    }
}
