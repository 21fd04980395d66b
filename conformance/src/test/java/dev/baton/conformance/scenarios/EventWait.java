package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.AwaitsEvent;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Event;
import dev.baton.runtime.Task;
import java.util.List;

/** test_locks.py EventTests.test_wait and test_wait_on_set: set() wakes every waiter. */
public abstract class EventWait extends Scenario {
    final Event ev = new Event();
    final List<Integer> result = list();

    @AwaitsEvent("ev")
    Coroutine<Void> c(int n) {
        result.add(n);
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        print("is_set:", ev.isSet());

        Task<Void> t1 = spawn(c(1));
        Task<Void> t2 = spawn(c(2));

        await(sleep(0));
        print("after start:", result);

        Task<Void> t3 = spawn(c(3));

        ev.set();
        await(sleep(0));
        print("after set:", result);

        print("t1:", t1.isDone(), t1.result());
        print("t2:", t2.isDone(), t2.result());
        print("t3:", t3.isDone(), t3.result());

        await(ev.waitSet());
        print("wait on set event returned, is_set:", ev.isSet());
        return done();
    }
}
