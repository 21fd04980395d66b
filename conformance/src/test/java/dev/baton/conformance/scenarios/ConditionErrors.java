package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Lock;

/**
 * test_locks.py ConditionTests.test_wait_unacquired, test_notify_unacquired,
 * test_notify_all_unacquired, test_explicit_lock.
 */
public abstract class ConditionErrors extends Scenario {
    Condition cond = new Condition();
    final Lock lock = new Lock();

    @Guarded("cond")
    Coroutine<Void> inCond() {
        print("in cond: lock:", lock.locked(), "cond:", cond.locked());
        return done();
    }

    @Guarded("lock")
    Coroutine<Void> inLock() {
        print("in lock: lock:", lock.locked(), "cond:", cond.locked());
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        try {
            await(cond.waitNotified());
        } catch (IllegalStateException e) {
            print("wait: RuntimeError:", e);
        }
        try {
            cond.notify(1);
        } catch (IllegalStateException e) {
            print("notify: RuntimeError:", e);
        }
        try {
            cond.notifyAllWaiters();
        } catch (IllegalStateException e) {
            print("notify_all: RuntimeError:", e);
        }
        try {
            cond.release();
        } catch (IllegalStateException e) {
            print("release: RuntimeError:", e);
        }

        cond = new Condition(lock);
        print("lock:", lock.locked(), "cond:", cond.locked());
        await(inCond());
        print("lock:", lock.locked(), "cond:", cond.locked());
        await(inLock());
        print("lock:", lock.locked(), "cond:", cond.locked());
        return done();
    }
}
