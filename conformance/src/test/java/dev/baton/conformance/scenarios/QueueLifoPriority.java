package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.LifoQueue;
import dev.baton.runtime.PriorityQueue;
import dev.baton.runtime.Queue;
import dev.baton.runtime.Task;
import java.util.List;
import java.util.function.Supplier;

/** test_queues.py LifoQueueTests.test_order and PriorityQueueTests.test_order. */
public abstract class QueueLifoPriority extends Scenario {

    @Async
    Coroutine<Integer> get(Queue<Integer> q) {
        Integer item = await(q.get());
        return done(item);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        List<Supplier<Queue<Integer>>> classes = List.of(Queue::new, LifoQueue::new, PriorityQueue::new);
        for (Supplier<Queue<Integer>> cls : classes) {
            Queue<Integer> q = cls.get();
            String name = q.getClass().getSimpleName();
            for (int i : new int[] {1, 3, 2, 5, 4}) {
                await(q.put(i));
            }
            List<Integer> items = list();
            for (int n = 0; n < 5; n++) {
                Integer item = await(q.get());
                items.add(item);
            }
            print(name, items);

            Task<Integer> getter = spawn(get(q));
            await(sleep(0));
            q.putNowait(7);
            q.putNowait(6);
            Integer got = await(getter);
            print(name, "getter got", got, "left", q.getNowait());
        }
        return done();
    }
}
