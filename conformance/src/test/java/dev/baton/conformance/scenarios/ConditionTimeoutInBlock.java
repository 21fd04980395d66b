package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.TimeoutException;

/** test_locks.py ConditionTests.test_timeout_in_block: waitFor(cond.waitNotified(), 0.5) times out. */
public abstract class ConditionTimeoutInBlock extends Scenario {
    final Condition condition = new Condition();
    double start;

    @Guarded("condition")
    Coroutine<Void> block() {
        EventLoop loop = EventLoop.current();
        try {
            await(waitFor(condition.waitNotified(), 0.5));
        } catch (TimeoutException e) {
            print("caught", repr(e), "after", tenths(loop.time() - start));
        }
        print("locked:", condition.locked());
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        start = EventLoop.current().time();
        await(block());
        print("locked:", condition.locked());
        return done();
    }
}
