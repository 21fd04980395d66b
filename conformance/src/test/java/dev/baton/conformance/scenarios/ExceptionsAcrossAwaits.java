package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Boom;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;

/**
 * Exceptions cross awaits unchanged and unwrapped: raised after a suspension in a nested
 * coroutine, caught by the caller; finally blocks run on the way out; a task's exception
 * reaches its awaiter as the same object. (Python's implicit __context__ chaining has no
 * Java counterpart and is not printed.)
 */
public abstract class ExceptionsAcrossAwaits extends Scenario {
    Boom saved;

    @Async
    Coroutine<Void> thrower(int depth) {
        try {
            await(sleep(0));
            if (depth == 0) {
                throw new Boom("deep");
            }
            await(thrower(depth - 1));
        } finally {
            print("finally at depth", depth);
        }
        return done();
    }

    @Async
    Coroutine<Void> failing() {
        await(sleep(0.1));
        saved = new Boom("from task");
        throw saved;
    }

    @Async
    Coroutine<String> catchesAndReturns() {
        try {
            await(thrower(0));
        } catch (Boom e) {
            return done("recovered from " + str(e));
        }
        return done(null);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        try {
            await(thrower(2));
        } catch (Boom e) {
            print("caught", repr(e));
        }

        Task<Void> t = spawn(failing());
        try {
            await(t);
        } catch (Boom e) {
            print("await task raised", repr(e), "same object:", e == saved);
        }
        print("task exception:", repr(t.exception()));

        try {
            try {
                await(sleep(0));
                throw new Boom("first");
            } catch (Boom e) {
                await(sleep(0));
                throw new IllegalArgumentException("second");
            }
        } catch (IllegalArgumentException e) {
            print("caught", repr(e));
        }

        String recovered = await(catchesAndReturns());
        print(recovered);
        return done();
    }
}
