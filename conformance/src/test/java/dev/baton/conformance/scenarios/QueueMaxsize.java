package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Queue;
import dev.baton.runtime.Task;
import java.util.List;

/** test_queues.py QueueBasicTests.test_maxsize, test_order, test_empty, test_full. */
public abstract class QueueMaxsize extends Scenario {
    Queue<Integer> q = new Queue<>(2);
    final List<Integer> haveBeenPut = list();

    @Async
    Coroutine<Boolean> putter() {
        for (int i = 0; i < 3; i++) {
            await(q.put(i));
            haveBeenPut.add(i);
        }
        return done(true);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        print("maxsize:", q.maxsize(), "empty:", q.isEmpty(), "full:", q.isFull());

        Task<Boolean> t = spawn(putter());
        for (int i = 0; i < 2; i++) {
            await(sleep(0));
        }

        print("put so far:", haveBeenPut, "full:", q.isFull());
        Integer got = await(q.get());
        print("get:", got);

        await(sleep(0));
        print("put so far:", haveBeenPut);
        got = await(q.get());
        print("get:", got);
        got = await(q.get());
        print("get:", got);
        print("t:", t.isDone(), t.result(), "empty:", q.isEmpty());

        q = new Queue<>();
        for (int i : new int[] {1, 3, 2}) {
            await(q.put(i));
        }
        List<Integer> items = list();
        for (int n = 0; n < 3; n++) {
            Integer item = await(q.get());
            items.add(item);
        }
        print("fifo order:", items);
        return done();
    }
}
