package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Task;
import java.util.List;

/**
 * Cancelling the task awaiting gather() cancels the children; a child cancelled on its own
 * makes gather raise CancelledError while the others go on.
 */
public abstract class GatherCancel extends Scenario {

    @Async
    Coroutine<String> child(String name, double delay) {
        try {
            await(sleep(delay));
            print(name, "finished");
            return done(name);
        } catch (CancelledException e) {
            print(name, "cancelled");
            throw e;
        }
    }

    @Async
    Coroutine<List<Object>> parent() {
        List<Object> results = await(gather(child("a", 0.1), child("b", 0.5), child("c", 0.6)));
        return done(results);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<List<Object>> p = spawn(parent());
        await(sleep(0.2));
        print("cancel parent:", p.cancel());
        try {
            await(p);
        } catch (CancelledException e) {
            print("parent cancelled:", p.isCancelled());
        }

        Task<String> b = spawn(child("b2", 0.5));
        Task<String> c = spawn(child("c2", 0.3));
        Promise<List<Object>> g = gather(b, c);
        await(sleep(0.1));
        b.cancel();
        try {
            await(g);
        } catch (CancelledException e) {
            print("gather raised CancelledError");
        }
        await(c);
        print("c2 result:", c.result());
        return done();
    }
}
