package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.LifoQueue;
import dev.baton.runtime.PriorityQueue;
import dev.baton.runtime.Queue;
import dev.baton.runtime.QueueEmptyException;
import dev.baton.runtime.QueueFullException;
import java.util.List;
import java.util.function.Supplier;

/**
 * test_queues.py test_nonblocking_get_exception, test_nonblocking_put_exception,
 * test_task_done_underflow, test_join_empty_queue. task_done()'s ValueError is misuse, an
 * IllegalStateException in Baton.
 */
public abstract class QueueErrors extends Scenario {

    @Async
    @Override
    public Coroutine<Void> main() {
        Queue<Integer> q = new Queue<>();
        try {
            q.getNowait();
        } catch (QueueEmptyException e) {
            print("caught", repr(e));
        }
        q = new Queue<>(1);
        q.putNowait(1);
        try {
            q.putNowait(2);
        } catch (QueueFullException e) {
            print("caught", repr(e));
        }
        List<Supplier<Queue<Integer>>> classes = List.of(Queue::new, LifoQueue::new, PriorityQueue::new);
        for (Supplier<Queue<Integer>> cls : classes) {
            Queue<Integer> queue = cls.get();
            String name = queue.getClass().getSimpleName();
            try {
                queue.taskDone();
            } catch (IllegalStateException e) {
                print(name, "ValueError:", e);
            }
            await(queue.join());
            await(queue.join());
            print(name, "joined twice");
        }
        return done();
    }
}
