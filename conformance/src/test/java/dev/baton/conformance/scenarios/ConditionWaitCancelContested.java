package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;

/**
 * test_locks.py ConditionTests.test_wait_cancel_contested: notified, then cancelled while
 * re-acquiring a contested lock. CPython 3.13 re-raises the cancellation once it holds the
 * lock again, so the task ends cancelled and holding the lock.
 */
public abstract class ConditionWaitCancelContested extends Scenario {
    final Condition cond = new Condition();

    @Async
    Coroutine<Void> waitOnCond() {
        await(cond.waitNotified());
        print("wait() returned, locked:", cond.locked());
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        await(cond.acquire());
        print("locked:", cond.locked());

        Task<Void> waitTask = spawn(waitOnCond());
        await(sleep(0));
        print("locked while waiting:", cond.locked());

        await(cond.acquire());
        print("locked:", cond.locked());
        cond.notify(1);
        EventLoop.current().callSoon(() -> waitTask.cancel());
        EventLoop.current().callSoon(cond::release);

        try {
            await(waitTask);
            print("wait_task finished normally");
        } catch (CancelledException e) {
            print("wait_task raised CancelledError");
        }

        print("locked:", cond.locked());
        print("wait_task cancelled:", waitTask.isCancelled());
        return done();
    }
}
