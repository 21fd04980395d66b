package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import java.util.List;

/**
 * test_locks.py ConditionTests.test_wait: notified waiters return from waitNotified() one
 * per release, as each must get the lock back. Python's notify() is notify(1): Java's
 * notify() is Object's.
 */
public abstract class ConditionWait extends Scenario {
    final Condition cond = new Condition();
    final List<Integer> result = list();

    @Async
    Coroutine<Boolean> c(int n) {
        await(cond.acquire());
        await(cond.waitNotified());
        result.add(n);
        return done(true);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Boolean> t1 = spawn(c(1));
        Task<Boolean> t2 = spawn(c(2));
        Task<Boolean> t3 = spawn(c(3));

        await(sleep(0));
        print("after start:", result, "locked:", cond.locked());

        await(cond.acquire());
        cond.notify(1);
        await(sleep(0));
        print("after notify:", result, "locked:", cond.locked());

        cond.release();
        await(sleep(0));
        print("after release:", result, "locked:", cond.locked());

        cond.notify(2);
        await(sleep(0));
        print("after notify(2):", result, "locked:", cond.locked());

        cond.release();
        await(sleep(0));
        print("after release:", result, "locked:", cond.locked());

        cond.release();
        await(sleep(0));
        print("after release:", result, "locked:", cond.locked());

        print("t1:", t1.isDone(), t1.result());
        print("t2:", t2.isDone(), t2.result());
        print("t3:", t3.isDone(), t3.result());
        return done();
    }
}
