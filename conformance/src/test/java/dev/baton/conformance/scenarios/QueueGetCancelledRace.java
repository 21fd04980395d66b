package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Queue;
import dev.baton.runtime.Task;

/**
 * test_queues.py QueueGetTests.test_get_cancelled_race and
 * QueuePutTests.test_put_with_waiting_getters.
 */
public abstract class QueueGetCancelledRace extends Scenario {
    final Queue<String> q = new Queue<>();

    @Async
    Coroutine<String> get() {
        String item = await(q.get());
        return done(item);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<String> t1 = spawn(get());
        Task<String> t2 = spawn(get());

        await(sleep(0));
        t1.cancel();
        await(sleep(0));
        print("t1 done:", t1.isDone(), "cancelled:", t1.isCancelled());
        await(q.put("a"));
        await(sleep(0));
        String got = await(t2);
        print("t2 got:", got);

        Task<String> t = spawn(get());
        await(sleep(0));
        await(q.put("b"));
        got = await(t);
        print("t got:", got);
        return done();
    }
}
