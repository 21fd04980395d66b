package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;

/** shield: cancelling the waiter leaves the inner task running. */
public abstract class Shield extends Scenario {
    Task<String> innerTask;

    @Async
    Coroutine<String> inner() {
        try {
            await(sleep(0.3));
            print("inner finished");
            return done("inner result");
        } catch (CancelledException e) {
            print("inner cancelled");
            throw e;
        }
    }

    @Async
    Coroutine<String> waiter() {
        try {
            String result = await(shield(innerTask));
            return done(result);
        } catch (CancelledException e) {
            print("waiter cancelled, inner done:", innerTask.isDone());
            throw e;
        }
    }

    @Async
    Coroutine<Void> failing() {
        await(sleep(0.1));
        throw new IllegalArgumentException("bad");
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        innerTask = spawn(inner());
        Task<String> w = spawn(waiter());
        await(sleep(0.1));
        w.cancel();
        try {
            await(w);
        } catch (CancelledException e) {
            print("w cancelled:", w.isCancelled());
        }
        String result = await(innerTask);
        print("inner result:", result);

        try {
            await(shield(failing()));
        } catch (IllegalArgumentException e) {
            print("shield raised", repr(e));
        }

        innerTask = spawn(inner());
        Task<String> cancelMe = innerTask;
        EventLoop.current().callLater(0.1, () -> cancelMe.cancel());
        try {
            await(shield(innerTask));
        } catch (CancelledException e) {
            print("shield of a cancelled task raised CancelledError");
        }
        return done();
    }
}
