package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.TimeoutException;

/**
 * {@code timeout(0)}: the deadline has passed, yet the body runs to its first suspension,
 * where the cancellation reaches it and comes out as TimeoutError; {@code waitFor(aw, 0)}
 * instead cancels the awaitable before it runs. A body that never suspends completes.
 */
public abstract class TimeoutZero extends Scenario {

    @Async
    Coroutine<String> body(String name) {
        print(name, "starts");
        try {
            await(sleep(0));
            print(name, "resumed");
        } catch (CancelledException e) {
            print(name, "cancelled:", repr(e));
            throw e;
        }
        return done(name);
    }

    @Async
    Coroutine<String> quick() {
        print("quick runs");
        return done("quick result");
    }

    @Async
    Coroutine<String> swallow() {
        try {
            await(sleep(1));
        } catch (CancelledException e) {
            print("swallow caught the cancellation");
        }
        return done("swallowed");
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        try {
            await(timeout(0, body("a")));
        } catch (TimeoutException e) {
            print("timeout(0):", repr(e), "cause:", repr(e.getCause()));
        }
        print("cancelling after the timeout:", currentTask().cancelling());

        try {
            await(waitFor(body("b"), 0));
        } catch (TimeoutException e) {
            print("wait_for(b, 0):", repr(e));
        }

        String r = await(timeout(0, quick()));
        print("no suspension:", r);

        r = await(timeout(0, swallow()));
        print("a swallowed cancellation returns:", r);
        print("cancelling at the end:", currentTask().cancelling());
        return done();
    }
}
