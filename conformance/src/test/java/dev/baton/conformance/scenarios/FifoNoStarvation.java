package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;

/** A task yielding in a loop never starves tasks spawned after it. */
public abstract class FifoNoStarvation extends Scenario {
    boolean stop;
    int spins;

    @Async
    Coroutine<Void> spinner() {
        while (!stop) {
            spins += 1;
            await(sleep(0));
        }
        print("spinner stopped after", spins, "spins");
        return done();
    }

    @Async
    Coroutine<Void> late(String name) {
        print(name, "ran after", spins, "spins");
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Void> s = spawn(spinner());
        await(sleep(0));
        await(sleep(0));
        Task<Void> t1 = spawn(late("late1"));
        Task<Void> t2 = spawn(late("late2"));
        await(gather(t1, t2));
        print("late tasks done, spins", spins);
        stop = true;
        await(s);
        return done();
    }
}
