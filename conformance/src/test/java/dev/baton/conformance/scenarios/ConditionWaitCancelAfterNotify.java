package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;

/** test_locks.py ConditionTests.test_wait_cancel_after_notify (bpo-32841). */
public abstract class ConditionWaitCancelAfterNotify extends Scenario {
    final Condition cond = new Condition();
    boolean waited;

    @Guarded("cond")
    Coroutine<Void> waitOnCond() {
        waited = true;
        await(cond.waitNotified());
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Void> waiter = spawn(waitOnCond());
        await(sleep(0));

        await(cond.acquire());
        cond.notify(1);
        await(sleep(0));
        waiter.cancel();
        await(sleep(0));
        cond.release();
        await(sleep(0));

        print("waiter cancelled:", waiter.isCancelled());
        print("waited:", waited);
        print("locked:", cond.locked());
        return done();
    }
}
