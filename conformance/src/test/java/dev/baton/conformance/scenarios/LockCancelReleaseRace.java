package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Task;

/**
 * test_locks.py LockTests.test_cancel_release_race (bpo-32734): the first waiter is
 * cancelled in the callback that releases the lock; exactly one other locker gets it.
 */
public abstract class LockCancelReleaseRace extends Scenario {
    final Lock lock = new Lock();
    int lockCount;
    int callCount;
    Task<Void> t1;

    @Async
    Coroutine<Void> lockit(int n) {
        callCount += 1;
        print("lockit", n, "waiting");
        await(lock.acquire());
        lockCount += 1;
        print("lockit", n, "acquired");
        return done();
    }

    void trigger() {
        print("trigger: cancel t1, release");
        t1.cancel();
        lock.release();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        EventLoop loop = EventLoop.current();
        await(lock.acquire());

        t1 = spawn(lockit(1));
        Task<Void> t2 = spawn(lockit(2));
        Task<Void> t3 = spawn(lockit(3));

        await(sleep(0));

        loop.callSoon(this::trigger);
        try {
            await(t1);
        } catch (CancelledException e) {
            print("t1 raised CancelledError");
        }

        print("lock_count:", lockCount);
        print("call_count:", callCount);
        print("t1 cancelled:", t1.isCancelled(), "t2 done:", t2.isDone());

        t3.cancel();
        await(sleep(0));
        print("t3 cancelled:", t3.isCancelled());
        print("locked:", lock.locked());
        return done();
    }
}
