package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Boom;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import java.util.List;

/** gather: results in argument order; the first exception propagates, the others go on. */
public abstract class GatherResults extends Scenario {

    @Async
    Coroutine<String> work(String name, double delay, boolean fail) {
        print(name, "started");
        await(sleep(delay));
        if (fail) {
            print(name, "fails");
            throw new Boom(name);
        }
        print(name, "finished");
        return done(name.toUpperCase());
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        List<Object> results = await(gather(work("a", 0.3, false), work("b", 0.1, false), work("c", 0.2, false)));
        print("results:", results);

        try {
            await(gather(work("d", 0.1, false), work("e", 0.2, true), work("f", 0.3, false)));
        } catch (Boom e) {
            print("gather raised", repr(e));
        }
        await(sleep(0.2));
        List<Object> empty = await(gather());
        print("empty gather:", empty);
        return done();
    }
}
