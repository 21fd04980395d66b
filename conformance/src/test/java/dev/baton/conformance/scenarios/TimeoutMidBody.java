package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;
import dev.baton.runtime.TimeoutException;

/**
 * A deadline that passes in the middle of the body: the await it is suspended at throws
 * CancelledException, cleanup (even one that awaits) runs, and TimeoutException comes out;
 * a cancellation from someone else inside a timeout stays a CancelledException.
 */
public abstract class TimeoutMidBody extends Scenario {
    double start;

    double now() {
        return tenths(EventLoop.current().time() - start);
    }

    @Async
    Coroutine<String> steps(String name, int n) {
        try {
            for (int i = 0; i < n; i++) {
                print(name, "step", i, "at", now());
                await(sleep(0.1));
            }
            return done(name);
        } catch (CancelledException e) {
            print(name, "cancelled at", now());
            throw e;
        } finally {
            await(sleep(0.05));
            print(name, "cleaned up at", now());
        }
    }

    @Async
    Coroutine<Void> guarded() {
        try {
            await(timeout(1, steps("c", 5)));
        } catch (TimeoutException e) {
            print("c: TimeoutError (wrong)");
        } catch (CancelledException e) {
            print("c:", repr(e), "at", now());
            throw e;
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        EventLoop loop = EventLoop.current();
        start = loop.time();

        try {
            await(timeout(0.25, steps("a", 5)));
        } catch (TimeoutException e) {
            print("a:", repr(e), "cause:", repr(e.getCause()), "at", now());
        }

        print("in time:", await(timeout(0.5, steps("quick", 2))));

        try {
            await(timeoutAt(loop.time() + 0.15, steps("b", 5)));
        } catch (TimeoutException e) {
            print("b:", repr(e), "at", now());
        }

        Task<Void> t = spawn(guarded());
        await(sleep(0.25));
        t.cancel("from main");
        try {
            await(t);
        } catch (CancelledException e) {
            print("c task cancelled:", t.isCancelled());
        }
        return done();
    }
}
