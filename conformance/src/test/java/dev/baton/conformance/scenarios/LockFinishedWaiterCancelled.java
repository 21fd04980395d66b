package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Task;

/**
 * test_locks.py LockTests.test_finished_waiter_cancelled: the woken first waiter is
 * cancelled before it runs; the lock passes to the second.
 */
public abstract class LockFinishedWaiterCancelled extends Scenario {
    final Lock lock = new Lock();

    @Async
    Coroutine<Void> acquire(String name) {
        try {
            await(lock.acquire());
            print(name, "acquired");
        } catch (CancelledException e) {
            print(name, "cancelled");
            throw e;
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        await(lock.acquire());
        print("locked:", lock.locked());

        Task<Void> tb = spawn(acquire("b"));
        await(sleep(0));

        Task<Void> tc = spawn(acquire("c"));
        tb.cancel();
        lock.release();
        await(sleep(0));

        print("locked:", lock.locked());
        print("tb cancelled:", tb.isCancelled());

        await(tc);
        print("tc done:", tc.isDone());
        return done();
    }
}
