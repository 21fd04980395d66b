package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Queue;
import dev.baton.runtime.Task;

/**
 * test_queues.py QueueGetTests.test_get_with_waiting_putters and
 * QueuePutTests.test_put_cancelled_race.
 */
public abstract class QueueWaitingPutters extends Scenario {
    Queue<String> q = new Queue<>(1);

    @Async
    Coroutine<Void> put(String item) {
        await(q.put(item));
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        spawn(put("a"));
        spawn(put("b"));
        String got = await(q.get());
        print("get:", got);
        got = await(q.get());
        print("get:", got);

        q = new Queue<>(1);
        Task<Void> putA = spawn(put("a"));
        Task<Void> putB = spawn(put("b"));
        Task<Void> putC = spawn(put("X"));

        await(sleep(0));
        print("put_a done:", putA.isDone(), "put_b done:", putB.isDone());

        putC.cancel();
        await(sleep(0));
        print("put_c done:", putC.isDone());
        print("get_nowait:", q.getNowait());
        await(sleep(0));
        print("get_nowait:", q.getNowait());

        await(putB);
        print("qsize:", q.qsize());
        return done();
    }
}
