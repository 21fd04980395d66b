package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Lock;

/**
 * test_locks.py LockTests.test_release_not_acquired, test_release_no_waiters,
 * test_context_manager: the message, and {@code @Guarded} releasing on every exit.
 * Python's RuntimeError is Baton's IllegalStateException, ValueError IllegalArgumentException.
 */
public abstract class LockErrors extends Scenario {
    final Lock lock = new Lock();

    @Guarded("lock")
    Coroutine<Void> guarded(boolean fail) {
        print("inside, locked:", lock.locked());
        if (fail) {
            throw new IllegalArgumentException("boom");
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        try {
            lock.release();
        } catch (IllegalStateException e) {
            print("RuntimeError:", e);
        }

        await(lock.acquire());
        print("locked:", lock.locked());
        lock.release();
        print("locked:", lock.locked());

        await(guarded(false));
        print("after normal exit, locked:", lock.locked());
        try {
            await(guarded(true));
        } catch (IllegalArgumentException e) {
            print("caught", repr(e));
        }
        print("after exception, locked:", lock.locked());
        return done();
    }
}
