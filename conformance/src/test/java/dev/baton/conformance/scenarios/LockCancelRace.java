package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Task;

/**
 * test_locks.py LockTests.test_cancel_race: B is cancelled in the step where A releases;
 * the lock goes to C.
 */
public abstract class LockCancelRace extends Scenario {
    final Lock lock = new Lock();

    @Async
    Coroutine<Void> lockit(String name, Promise<Void> blocker) {
        print(name, "acquiring");
        await(lock.acquire());
        print(name, "acquired");
        try {
            if (blocker != null) {
                await(blocker);
            }
        } finally {
            print(name, "releasing");
            lock.release();
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Promise<Void> fa = EventLoop.current().createPromise();
        Task<Void> ta = spawn(lockit("A", fa));
        await(sleep(0));
        print("locked:", lock.locked());
        Task<Void> tb = spawn(lockit("B", null));
        await(sleep(0));
        Task<Void> tc = spawn(lockit("C", null));
        await(sleep(0));

        fa.setResult(null);
        tb.cancel();
        await(sleep(0));
        print("locked:", lock.locked());
        print("ta done:", ta.isDone());
        print("tb cancelled:", tb.isCancelled());
        await(tc);
        print("tc done:", tc.isDone());
        print("locked:", lock.locked());
        return done();
    }
}
