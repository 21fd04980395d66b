package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Guarded;
import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;

/**
 * test_locks.py ConditionTests.test_cancelled_error_re_aquire: notified, then cancelled with a
 * message while re-acquiring the lock; the same instance leaves the task.
 */
public abstract class ConditionCancelledErrorReacquire extends Scenario {
    boolean wake;
    CancelledException raised;
    final Condition cond = new Condition();

    @Guarded("cond")
    Coroutine<Void> func() {
        try {
            await(cond.waitFor(() -> wake));
        } catch (CancelledException err) {
            print("inside:", repr(err), "locked:", cond.locked());
            raised = err;
            throw err;
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Void> task = spawn(func());
        await(sleep(0));
        await(cond.acquire());
        wake = true;
        cond.notify(1);
        await(sleep(0));
        task.cancel("foo");
        cond.release();
        try {
            await(task);
        } catch (CancelledException err) {
            print("outside:", repr(err));
            print("same instance:", err == raised);
        }
        print("locked:", cond.locked());
        return done();
    }
}
