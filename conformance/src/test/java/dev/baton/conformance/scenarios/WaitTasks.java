package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Boom;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Task;
import dev.baton.runtime.WaitResult;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** asyncio.wait: FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED; nothing is cancelled. */
public abstract class WaitTasks extends Scenario {

    @Async
    Coroutine<String> work(String name, double delay, boolean fail) {
        await(sleep(delay));
        if (fail) {
            throw new Boom(name);
        }
        return done(name);
    }

    /** The sorted task names: Python's sets print in hash order, so the twin sorts. */
    static List<String> names(Collection<? extends Promise<?>> tasks) {
        return tasks.stream().map(t -> ((Task<?>) t).name()).sorted().collect(Collectors.toList());
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        List<Task<String>> tasks = List.of(
                spawn(work("a", 0.3, false), "a"), spawn(work("b", 0.1, false), "b"), spawn(work("c", 0.2, false), "c"));
        WaitResult r = await(waitTasks(tasks, ReturnWhen.FIRST_COMPLETED));
        print("first completed: done", names(r.done()), "pending", names(r.pending()));
        r = await(waitTasks(r.pending(), ReturnWhen.FIRST_COMPLETED));
        print("then: done", names(r.done()), "pending", names(r.pending()));

        tasks = List.of(
                spawn(work("d", 0.1, false), "d"), spawn(work("e", 0.2, true), "e"), spawn(work("f", 0.3, false), "f"));
        r = await(waitTasks(tasks, ReturnWhen.FIRST_EXCEPTION));
        print("first exception: done", names(r.done()), "pending", names(r.pending()));
        for (String name : names(r.done())) {
            for (Task<String> t : tasks) {
                if (t.name().equals(name)) {
                    print(t.name(), "exception:", repr(t.exception()));
                }
            }
        }

        r = await(waitTasks(tasks, ReturnWhen.ALL_COMPLETED));
        print("all completed: done", names(r.done()), "pending", names(r.pending()));
        print("f result:", tasks.get(2).result());
        return done();
    }
}
