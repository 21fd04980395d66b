package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.AwaitsEvent;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Event;
import dev.baton.runtime.Task;
import java.util.List;

/** test_locks.py EventTests.test_clear_with_waiters: set() then clear() still wakes. */
public abstract class EventClearWithWaiters extends Scenario {
    final Event ev = new Event();
    final List<Integer> result = list();

    @AwaitsEvent("ev")
    Coroutine<Boolean> c1() {
        result.add(1);
        return done(true);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Boolean> t = spawn(c1());
        await(sleep(0));
        print("after start:", result);

        ev.set();
        ev.clear();
        print("is_set after set, clear:", ev.isSet());

        ev.set();
        ev.set();
        print("is_set:", ev.isSet());

        await(sleep(0));
        print("after a step:", result);
        print("t:", t.isDone(), t.result());

        ev.clear();
        print("is_set after clear:", ev.isSet());
        return done();
    }
}
