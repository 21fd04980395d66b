package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Boom;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;
import java.util.List;

/**
 * gather(returnExceptions = true): exceptions and cancellations as values. A cancelled
 * child stands as CancelledError('') even when cancelled with a message: the task's own
 * cancel message is gone once it finishes cancelled (asyncio 3.13).
 */
public abstract class GatherReturnExceptions extends Scenario {

    @Async
    Coroutine<Object> ok(Object v) {
        await(sleep(0.1));
        return done(v);
    }

    @Async
    Coroutine<Object> bad(String msg) {
        await(sleep(0.05));
        throw new Boom(msg);
    }

    @Async
    Coroutine<Void> slow() {
        await(sleep(10));
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Void> victim = spawn(slow());
        EventLoop.current().callLater(0.01, () -> victim.cancel());
        List<Object> res = await(gather(true, ok(1), bad("x"), victim, ok("two")));
        print("results:", res);

        Task<Void> victim2 = spawn(slow());
        EventLoop.current().callLater(0.01, () -> victim2.cancel("stop it"));
        res = await(gather(true, victim2));
        print("results:", res);
        return done();
    }
}
