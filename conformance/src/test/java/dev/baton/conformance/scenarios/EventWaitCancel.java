package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Event;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;

/** test_locks.py EventTests.test_wait_cancel: a cancelled waiter; set() wakes the live one. */
public abstract class EventWaitCancel extends Scenario {
    final Event ev = new Event();

    @Async
    Coroutine<Void> waiter(String name) {
        try {
            await(ev.waitSet());
            print(name, "woke");
        } catch (CancelledException e) {
            print(name, "cancelled");
            throw e;
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Void> wait = spawn(waiter("w1"));
        Task<Void> other = spawn(waiter("w2"));
        EventLoop.current().callSoon(() -> wait.cancel());
        try {
            await(wait);
        } catch (CancelledException e) {
            print("await wait raised CancelledError");
        }
        print("is_set:", ev.isSet());
        ev.set();
        await(other);
        print("other done:", other.isDone());
        return done();
    }
}
