package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;
import java.util.List;

/** sleep(0) yields one iteration: tasks and callSoon callbacks interleave FIFO. */
public abstract class Sleep0Interleaving extends Scenario {

    void callback(String name) {
        print("callback", name);
        if (name.equals("a")) {
            EventLoop.current().callSoon(() -> callback("a2"));
        }
    }

    @Async
    Coroutine<Void> worker(String name, int steps) {
        for (int i = 0; i < steps; i++) {
            print(name, "step", i);
            if (i == 0) {
                EventLoop.current().callSoon(() -> callback(name));
            }
            await(sleep(0));
        }
        print(name, "done");
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        List<Task<Void>> tasks = List.of(spawn(worker("a", 3)), spawn(worker("b", 2)), spawn(worker("c", 1)));
        EventLoop.current().callSoon(() -> callback("main"));
        print("main spawned");
        await(sleep(0));
        print("main after one yield");
        await(waitTasks(tasks, ReturnWhen.ALL_COMPLETED));
        print("main done");
        return done();
    }
}
