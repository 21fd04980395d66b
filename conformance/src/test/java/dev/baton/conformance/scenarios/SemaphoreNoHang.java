package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Semaphore;
import dev.baton.runtime.Task;
import java.util.List;

/** test_locks.py SemaphoreTests.test_acquire_no_hang: cancelled inside @Guarded's acquire. */
public abstract class SemaphoreNoHang extends Scenario {
    final Semaphore sem = new Semaphore(1);
    Task<Void> t2;

    @Guarded("sem")
    Coroutine<Void> holdAndYield() {
        await(sleep(0));
        return done();
    }

    @Async
    Coroutine<Void> c1() {
        await(holdAndYield());
        t2.cancel();
        return done();
    }

    @Guarded("sem")
    Coroutine<Void> c2() {
        print("c2 must not get here");
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Void> t1 = spawn(c1());
        t2 = spawn(c2());

        List<Object> results = await(gather(true, t1, t2));
        print("r1:", results.get(0));
        print("r2:", repr(results.get(1)));

        await(waitFor(sem.acquire(), 1.0));
        print("acquired, locked:", sem.locked());
        return done();
    }
}
