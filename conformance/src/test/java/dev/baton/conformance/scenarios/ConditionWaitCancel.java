package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;

/** test_locks.py ConditionTests.test_wait_cancel: the lock is held again when cancellation leaves. */
public abstract class ConditionWaitCancel extends Scenario {
    final Condition cond = new Condition();

    @Async
    Coroutine<Void> waitOnCond() {
        try {
            await(cond.waitNotified());
        } finally {
            print("wait() left, locked:", cond.locked());
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        await(cond.acquire());

        Task<Void> task = spawn(waitOnCond());
        EventLoop.current().callSoon(() -> task.cancel());
        try {
            await(task);
        } catch (CancelledException e) {
            print("await task raised CancelledError");
        }
        print("locked:", cond.locked());
        cond.notify(1);
        print("notify with no waiters is fine");
        return done();
    }
}
