package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Task;
import java.util.List;

/** test_locks.py LockTests.test_acquire: FIFO hand-over, one waiter per release. */
public abstract class LockAcquire extends Scenario {
    final Lock lock = new Lock();
    final List<Integer> result = list();

    @Async
    Coroutine<Boolean> c(int n) {
        await(lock.acquire());
        result.add(n);
        return done(true);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        await(lock.acquire());
        print("locked:", lock.locked());

        Task<Boolean> t1 = spawn(c(1));
        Task<Boolean> t2 = spawn(c(2));

        await(sleep(0));
        print("after start:", result);

        lock.release();
        await(sleep(0));
        print("after release 1:", result);

        await(sleep(0));
        print("one more step:", result);

        Task<Boolean> t3 = spawn(c(3));

        lock.release();
        await(sleep(0));
        print("after release 2:", result);

        lock.release();
        await(sleep(0));
        print("after release 3:", result);

        print("t1:", t1.isDone(), t1.result());
        print("t2:", t2.isDone(), t2.result());
        print("t3:", t3.isDone(), t3.result());
        print("locked:", lock.locked());
        return done();
    }
}
