package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Boom;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import java.util.List;

/**
 * try/catch/finally with awaits in all three parts: a return in the try runs an awaiting
 * finally first; a return in the finally overrides an exception; break and continue run the
 * finally; a rethrow from a catch runs the inner finally before the outer catch.
 */
public abstract class ControlTryFinally extends Scenario {

    @Async
    Coroutine<String> returnsInTry(List<String> log) {
        try {
            await(sleep(0));
            log.add("try");
            return done("from try");
        } finally {
            await(sleep(0));
            log.add("finally");
        }
    }

    @Async
    @SuppressWarnings("finally")
    Coroutine<String> overridesInFinally(List<String> log) {
        try {
            await(sleep(0));
            throw new Boom("lost");
        } finally {
            await(sleep(0));
            log.add("finally returns");
            return done("from finally");
        }
    }

    @Async
    Coroutine<String> loopWithFinally(List<String> log) {
        for (int i = 0; i < 4; i++) {
            try {
                await(sleep(0));
                if (i == 1) {
                    continue;
                }
                if (i == 3) {
                    break;
                }
                log.add("body " + i);
            } finally {
                await(sleep(0));
                log.add("finally " + i);
            }
        }
        log.add("after loop");
        return done(null);
    }

    @Async
    Coroutine<String> nested(List<String> log) {
        try {
            try {
                await(sleep(0));
                throw new Boom("inner");
            } catch (Boom e) {
                await(sleep(0));
                log.add("catch " + str(e));
                throw new IllegalArgumentException("rethrown");
            } finally {
                await(sleep(0));
                log.add("inner finally");
            }
        } catch (IllegalArgumentException e) {
            log.add("outer catch " + str(e));
        } finally {
            await(sleep(0));
            log.add("outer finally");
        }
        return done("nested done");
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        List<String> log = list();
        String result = await(returnsInTry(log));
        print("returns_in_try:", log, "->", result);

        log = list();
        result = await(overridesInFinally(log));
        print("overrides_in_finally:", log, "->", result);

        log = list();
        result = await(loopWithFinally(log));
        print("loop_with_finally:", log, "->", result);

        log = list();
        result = await(nested(log));
        print("nested:", log, "->", result);
        return done();
    }
}
