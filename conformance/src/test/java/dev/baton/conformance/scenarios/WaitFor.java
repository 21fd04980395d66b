package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Task;
import dev.baton.runtime.TimeoutException;

/**
 * waitFor: the result in time; TimeoutError (inner cancelled) when late; timeout 0 on a
 * pending task; cancelling the waiter cancels the inner awaitable.
 */
public abstract class WaitFor extends Scenario {
    double start;

    double now() {
        return tenths(EventLoop.current().time() - start);
    }

    @Async
    Coroutine<String> work(String name, double delay) {
        try {
            await(sleep(delay));
            print(name, "finished at", now());
            return done(name);
        } catch (CancelledException e) {
            print(name, "cancelled at", now());
            throw e;
        }
    }

    @Async
    Coroutine<String> outer() {
        String result = await(waitFor(work("d", 1.0), 0.5));
        return done(result);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        EventLoop loop = EventLoop.current();
        start = loop.time();

        String inTime = await(waitFor(work("a", 0.1), 0.5));
        print("in time:", inTime);
        try {
            await(waitFor(work("b", 1.0), 0.2));
        } catch (TimeoutException e) {
            print("late:", repr(e), "at", now());
        }

        Task<String> t = spawn(work("c", 0.5));
        try {
            await(waitFor(t, 0));
        } catch (TimeoutException e) {
            print("zero timeout:", repr(e), "c cancelled:", t.isCancelled());
        }

        Promise<String> fut = loop.createPromise();
        fut.setResult("ready");
        String ready = await(waitFor(fut, 0));
        print("done future, zero timeout:", ready);

        Task<String> o = spawn(outer());
        await(sleep(0.1));
        o.cancel();
        try {
            await(o);
        } catch (CancelledException e) {
            print("outer cancelled:", o.isCancelled(), "at", now());
        }
        return done();
    }
}
