package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import dev.baton.runtime.TimeoutException;
import java.util.List;

/**
 * test_locks.py ConditionTests.test_cancelled_wakeup: a consumer notified and cancelled in
 * the same step passes the notification on. asyncio.timeout(0.01) is waitFor(..., 0.01).
 */
public abstract class ConditionCancelledWakeup extends Scenario {
    final Condition condition = new Condition();
    int state;

    @Guarded("condition")
    Coroutine<Void> consume(String name) {
        while (true) {
            await(condition.waitFor(() -> state != 0));
            if (state < 0) {
                print(name, "sees the end");
                return done();
            }
            state -= 1;
            print(name, "consumed, state", state);
        }
    }

    @Async
    Coroutine<Void> consumer(String name) {
        try {
            await(consume(name));
        } catch (CancelledException e) {
            print(name, "cancelled");
            throw e;
        }
        return done();
    }

    /** The body of {@code async with condition:} in the twin's main(). */
    @Guarded("condition")
    Coroutine<Void> produce(List<Task<Void>> c) {
        state += 1;
        condition.notify(1);
        c.get(0).cancel();
        try {
            await(waitFor(condition.waitFor(() -> state == 0), 0.01));
            print("item consumed");
        } catch (TimeoutException e) {
            print("timed out");
        }
        print("state:", state);
        state = -1;
        condition.notifyAllWaiters();
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        List<Task<Void>> c = List.of(spawn(consumer("c0")), spawn(consumer("c1")));
        await(sleep(0));
        await(produce(c));
        await(c.get(1));
        print("c0 cancelled:", c.get(0).isCancelled(), "c1 done:", c.get(1).isDone());
        return done();
    }
}
