package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Boom;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.ExceptionGroup;
import dev.baton.runtime.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * TaskGroup: waits for every child; a failing child cancels the siblings and the body; the
 * failures are raised together as an ExceptionGroup. (The twin catches with
 * {@code except ExceptionGroup}; Java has no {@code except*}.)
 */
public abstract class TaskGroup extends Scenario {

    @Async
    Coroutine<String> child(String name, double delay, boolean fail) {
        try {
            await(sleep(delay));
        } catch (CancelledException e) {
            print(name, "cancelled");
            throw e;
        }
        if (fail) {
            print(name, "fails");
            throw new Boom(name);
        }
        print(name, "finished");
        return done(name);
    }

    @Async
    Coroutine<Void> waitingBody(dev.baton.runtime.TaskGroup tg) {
        tg.spawn(child("c", 0.3, false));
        tg.spawn(child("d", 0.1, true));
        tg.spawn(child("e", 0.1, true));
        tg.spawn(child("f", 0.5, false));
        print("body waits");
        await(sleep(1));
        print("body not reached");
        return done();
    }

    @Async
    Coroutine<Void> failingBody(dev.baton.runtime.TaskGroup tg) {
        tg.spawn(child("g", 0.3, false));
        await(sleep(0.1));
        throw new Boom("body");
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        List<Task<String>> ts = new ArrayList<>();
        await(dev.baton.runtime.TaskGroup.run(tg -> {
            ts.add(tg.spawn(child("a", 0.2, false)));
            ts.add(tg.spawn(child("b", 0.1, false)));
            print("body done");
            return done();
        }));
        print("results:", ts.get(0).result(), ts.get(1).result());

        try {
            await(dev.baton.runtime.TaskGroup.run(tg -> waitingBody(tg)));
        } catch (ExceptionGroup eg) {
            print("caught", repr(eg));
        }
        print("after group 2");

        try {
            await(dev.baton.runtime.TaskGroup.run(tg -> failingBody(tg)));
        } catch (ExceptionGroup eg) {
            print("caught", repr(eg));
        }
        return done();
    }
}
