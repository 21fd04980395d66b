package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.LifoQueue;
import dev.baton.runtime.PriorityQueue;
import dev.baton.runtime.Queue;
import dev.baton.runtime.QueueShutDownException;
import dev.baton.runtime.Task;
import java.util.List;
import java.util.function.Supplier;

/**
 * test_queues.py _QueueShutdownTestMixin.test_shutdown_immediate and
 * test_shutdown_immediate_with_unfinished, for the three queue classes.
 */
public abstract class QueueShutdownImmediate extends Scenario {
    Queue<String> q;

    @Async
    Coroutine<Void> join() {
        await(q.join());
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        List<Supplier<Queue<String>>> classes = List.of(Queue::new, LifoQueue::new, PriorityQueue::new);
        for (Supplier<Queue<String>> cls : classes) {
            q = cls.get();
            String name = q.getClass().getSimpleName();
            q.putNowait("data");
            Task<Void> joinTask = spawn(join());
            q.shutdown(true);
            print(name, "qsize:", q.qsize());
            await(sleep(0));
            print(name, "join_task done:", joinTask.isDone());
            await(joinTask);
            try {
                q.taskDone();
            } catch (IllegalStateException e) {
                print(name, "ValueError:", e);
            }

            q = cls.get();
            q.putNowait("data");
            q.putNowait("data");
            joinTask = spawn(join());
            String got = await(q.get());
            print(name, "get:", got);
            q.shutdown(true);
            print(name, "qsize:", q.qsize());
            await(sleep(0));
            print(name, "join_task done:", joinTask.isDone());
            try {
                await(q.get());
            } catch (QueueShutDownException e) {
                print(name, "get raised QueueShutDown");
            }
            q.taskDone();
            try {
                q.taskDone();
            } catch (IllegalStateException e) {
                print(name, "ValueError:", e);
            }
            await(sleep(0));
            print(name, "join_task done:", joinTask.isDone());
            await(joinTask);
        }
        return done();
    }
}
