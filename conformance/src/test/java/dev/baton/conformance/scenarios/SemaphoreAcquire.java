package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Semaphore;
import dev.baton.runtime.Task;
import java.util.List;

/** test_locks.py SemaphoreTests.test_acquire. */
public abstract class SemaphoreAcquire extends Scenario {
    final Semaphore sem = new Semaphore(3);
    final List<Integer> result = list();

    @Async
    Coroutine<Boolean> c(int n) {
        await(sem.acquire());
        result.add(n);
        return done(true);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        await(sem.acquire());
        await(sem.acquire());
        print("locked:", sem.locked());

        Task<Boolean> t1 = spawn(c(1));
        Task<Boolean> t2 = spawn(c(2));
        Task<Boolean> t3 = spawn(c(3));

        await(sleep(0));
        print("after start:", result, "locked:", sem.locked());

        Task<Boolean> t4 = spawn(c(4));

        sem.release();
        sem.release();

        await(sleep(0));
        print("after two releases:", result, "locked:", sem.locked());
        print("done:", t1.isDone(), t2.isDone(), t3.isDone(), t4.isDone());

        sem.release();
        await(gather(t2, t3, t4));
        print("after gather:", result, "locked:", sem.locked());
        return done();
    }
}
