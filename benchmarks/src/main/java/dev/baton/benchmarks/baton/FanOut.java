package dev.baton.benchmarks.baton;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;

import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Event;
import dev.baton.runtime.Promise;

/**
 * Scenario 3: many waiters on one event. {@link #create} spawns them and yields once, so that
 * each runs until it waits; {@link #wake} sets the event and returns when the last resumed.
 */
public abstract class FanOut {
    final Event event = new Event();
    int started;
    int waiting;
    Promise<Void> allResumed;

    @Async
    Coroutine<Void> waiter() {
        started++;
        await(event.waitSet());
        waiting--;
        if (waiting == 0) {
            allResumed.setResult(null);
        }
        return done();
    }

    @Async
    Coroutine<Void> create(int waiters) {
        allResumed = new Promise<>();
        waiting = waiters;
        for (int i = 0; i < waiters; i++) {
            spawn(waiter());
        }
        await(sleep(0));
        if (started != waiters) {
            throw new IllegalStateException("only " + started + " of " + waiters + " waiters started");
        }
        return done();
    }

    @Async
    Coroutine<Void> wake() {
        event.set();
        await(allResumed);
        return done();
    }
}
