package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Default task names: {@code Task-N} counts only the tasks made without a name (main is
 * Task-1), so a named task then an unnamed one gives Task-2; setName renames.
 */
public abstract class TaskNames extends Scenario {

    @Async
    Coroutine<String> work() {
        await(sleep(0));
        return done(currentTask().name());
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        print("main:", currentTask().name());

        Task<String> named = spawn(work(), "worker");
        Task<String> unnamed = spawn(work());
        print("named:", named.name());
        print("unnamed:", unnamed.name());
        List<Task<String>> more = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            more.add(spawn(work(), "w" + i));
        }
        Task<String> last = spawn(work());
        print("after three named:", last.name());
        unnamed.setName("renamed");
        List<Object> results = await(gather(named, unnamed, more.get(0), more.get(1), more.get(2), last));
        print("results:", results);
        return done();
    }
}
