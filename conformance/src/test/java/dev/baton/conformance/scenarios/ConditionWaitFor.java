package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import java.util.List;

/**
 * test_locks.py ConditionTests.test_wait_for and test_wait_for_unacquired: the predicate is
 * checked at every wake-up. Python's predicate may return any value; Baton's is a
 * BooleanSupplier, so the twin's predicates return booleans.
 */
public abstract class ConditionWaitFor extends Scenario {
    final Condition cond = new Condition();
    boolean presult;
    int checks;
    final List<Boolean> result = list();

    boolean predicate() {
        checks += 1;
        return presult;
    }

    @Async
    Coroutine<Boolean> c1() {
        await(cond.acquire());
        Boolean value = await(cond.waitFor(this::predicate));
        result.add(value);
        cond.release();
        return done(true);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Boolean> t = spawn(c1());

        await(sleep(0));
        print("after start:", result, "checks:", checks);

        await(cond.acquire());
        cond.notify(1);
        cond.release();
        await(sleep(0));
        print("after notify, predicate false:", result, "checks:", checks);

        presult = true;
        await(cond.acquire());
        cond.notify(1);
        cond.release();
        await(sleep(0));
        print("after notify, predicate true:", result, "checks:", checks);
        print("t:", t.isDone(), t.result());

        Boolean immediate = await(cond.waitFor(() -> true));
        print("wait_for true:", immediate);
        try {
            await(cond.waitFor(() -> false));
        } catch (IllegalStateException e) {
            print("RuntimeError:", e);
        }
        return done();
    }
}
