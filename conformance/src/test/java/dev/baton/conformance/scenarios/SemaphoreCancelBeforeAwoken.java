package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Semaphore;
import dev.baton.runtime.Task;

/**
 * test_locks.py SemaphoreTests.test_acquire_cancel_before_awoken and test_acquire_hang:
 * waiters cancelled before a release runs do not swallow it.
 */
public abstract class SemaphoreCancelBeforeAwoken extends Scenario {
    Semaphore sem = new Semaphore(0);

    @Async
    Coroutine<Void> acquire() {
        await(sem.acquire());
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Void> t1 = spawn(acquire());
        Task<Void> t2 = spawn(acquire());
        Task<Void> t3 = spawn(acquire());
        Task<Void> t4 = spawn(acquire());

        await(sleep(0));

        t1.cancel();
        t2.cancel();
        sem.release();

        await(sleep(0));
        await(sleep(0));
        print("done:", t1.isDone(), t2.isDone(), t3.isDone(), t4.isDone());
        print("cancelled:", t1.isCancelled(), t2.isCancelled(), t3.isCancelled(), t4.isCancelled());

        t3.cancel();
        t4.cancel();
        await(sleep(0));
        print("t4 cancelled:", t4.isCancelled(), "locked:", sem.locked());

        sem = new Semaphore(0);
        Task<Void> h1 = spawn(acquire());
        Task<Void> h2 = spawn(acquire());
        await(sleep(0));
        h1.cancel();
        sem.release();
        await(sleep(0));
        await(sleep(0));
        print("hang: locked:", sem.locked(), "t2 done:", h2.isDone());
        return done();
    }
}
