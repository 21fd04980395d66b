package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Task;

/**
 * Done-callbacks run via callSoon in registration order, a waiting task wakes one step
 * later. asyncio.InvalidStateError is misuse: IllegalStateException.
 */
public abstract class PromiseCallbacks extends Scenario {
    Promise<Integer> fut;

    @Async
    Coroutine<Void> waiter(String name) {
        Integer value = await(fut);
        print(name, "got", value);
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        EventLoop loop = EventLoop.current();
        fut = loop.createPromise();

        fut.addDoneCallback(f -> print("callback 1 sees", f.result()));
        Task<Void> w = spawn(waiter("w"));
        await(sleep(0));
        fut.addDoneCallback(f -> print("callback 2 sees", f.result()));
        loop.callSoon(() -> print("call_soon before set_result"));
        fut.setResult(42);
        print("set_result returned");
        fut.addDoneCallback(f -> print("callback 3 added after done"));
        await(sleep(0));
        print("main after one step");
        await(w);
        Integer value = await(fut);
        print("await done future:", value);
        try {
            fut.setResult(1);
        } catch (IllegalStateException e) {
            print("InvalidStateError:", e);
        }
        return done();
    }
}
