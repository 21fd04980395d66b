package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.TimeoutException;

/**
 * {@code timeout(t < 0)} and {@code timeoutAt(a time past)} behave as {@code timeout(0)}: the
 * body runs to its first suspension; a nested expired timeout is caught inside an outer one
 * that goes on.
 */
public abstract class TimeoutNegative extends Scenario {
    double start;

    double now() {
        return tenths(EventLoop.current().time() - start);
    }

    @Async
    Coroutine<String> steps(String name, int n) {
        for (int i = 0; i < n; i++) {
            print(name, "step", i, "at", now());
            await(sleep(0.1));
        }
        return done(name);
    }

    @Async
    Coroutine<String> inner() {
        try {
            await(timeout(-0.5, steps("inner", 2)));
        } catch (TimeoutException e) {
            print("inner timed out at", now());
        }
        return done(await(steps("after", 2)));
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        EventLoop loop = EventLoop.current();
        start = loop.time();

        try {
            await(timeout(-1, steps("neg", 3)));
        } catch (TimeoutException e) {
            print("timeout(-1):", repr(e), "at", now());
        }

        try {
            await(timeoutAt(loop.time() - 5, steps("past", 3)));
        } catch (TimeoutException e) {
            print("timeout_at(past):", repr(e));
        }

        String r = await(timeout(10, inner()));
        print("outer result:", r, "at", now());
        return done();
    }
}
