package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.LifoQueue;
import dev.baton.runtime.PriorityQueue;
import dev.baton.runtime.Queue;
import dev.baton.runtime.Task;
import dev.baton.runtime.TaskGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** test_queues.py _QueueJoinTestMixin.test_task_done: two workers; join(); stop them. */
public abstract class QueueJoin extends Scenario {
    Queue<Integer> q;
    int accumulator;
    boolean running;
    int[] handled;

    @Async
    Coroutine<Void> worker(int n) {
        while (running) {
            int item = await(q.get());
            accumulator += item;
            handled[n] += 1;
            q.taskDone();
        }
        return done();
    }

    /** The body of {@code async with asyncio.TaskGroup() as tg:}. */
    @Async
    Coroutine<Void> body(TaskGroup tg, String name, List<Task<Void>> tasks) {
        for (int n = 0; n < 2; n++) {
            tasks.add(tg.spawn(worker(n)));
        }
        await(q.join());
        print(name, "sum:", accumulator, "handled:", handled);
        running = false;
        for (int i = 0; i < tasks.size(); i++) {
            q.putNowait(0);
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        List<Supplier<Queue<Integer>>> classes = List.of(Queue::new, LifoQueue::new, PriorityQueue::new);
        for (Supplier<Queue<Integer>> cls : classes) {
            q = cls.get();
            String name = q.getClass().getSimpleName();
            for (int i = 0; i < 100; i++) {
                q.putNowait(i);
            }
            accumulator = 0;
            running = true;
            handled = new int[2];
            List<Task<Void>> tasks = new ArrayList<>();
            await(TaskGroup.run(tg -> body(tg, name, tasks)));
            List<Boolean> done = list();
            for (Task<Void> t : tasks) {
                done.add(t.isDone());
            }
            print(name, "workers done:", done);
        }
        return done();
    }
}
