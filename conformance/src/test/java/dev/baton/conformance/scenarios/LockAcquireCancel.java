package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Task;

/** test_locks.py LockTests.test_acquire_cancel: a waiter cancelled by a callback. */
public abstract class LockAcquireCancel extends Scenario {
    final Lock lock = new Lock();

    @Async
    Coroutine<Void> acquire() {
        await(lock.acquire());
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        await(lock.acquire());

        Task<Void> task = spawn(acquire());
        EventLoop.current().callSoon(() -> task.cancel());
        try {
            await(task);
        } catch (CancelledException e) {
            print("await task raised", repr(e));
        }
        print("cancelled:", task.isCancelled());
        print("locked:", lock.locked());
        lock.release();
        print("locked after release:", lock.locked());
        await(lock.acquire());
        print("reacquired:", lock.locked());
        return done();
    }
}
