package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import java.util.List;

/** test_locks.py ConditionTests.test_notify and test_notify_all. */
public abstract class ConditionNotify extends Scenario {
    final Condition cond = new Condition();
    final List<Integer> result = list();

    @Async
    Coroutine<Boolean> c(int n) {
        await(cond.acquire());
        await(cond.waitNotified());
        result.add(n);
        cond.release();
        return done(true);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Boolean> t1 = spawn(c(1));
        Task<Boolean> t2 = spawn(c(2));
        Task<Boolean> t3 = spawn(c(3));

        await(sleep(0));
        print("after start:", result);

        await(cond.acquire());
        cond.notify(1);
        cond.release();
        await(sleep(0));
        print("after notify(1):", result);

        await(cond.acquire());
        cond.notify(1);
        cond.notify(2048);
        cond.release();
        await(sleep(0));
        print("after notify(1), notify(2048):", result);
        print("done:", t1.isDone(), t2.isDone(), t3.isDone());

        result.clear();
        Task<Boolean> t4 = spawn(c(4));
        Task<Boolean> t5 = spawn(c(5));
        await(sleep(0));
        await(cond.acquire());
        cond.notifyAllWaiters();
        cond.release();
        await(sleep(0));
        print("after notify_all:", result);
        print("done:", t4.isDone(), t5.isDone());
        return done();
    }
}
