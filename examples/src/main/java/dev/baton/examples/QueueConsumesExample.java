package dev.baton.examples;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Consumes;
import dev.baton.runtime.Consumers;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Queue;
import dev.baton.runtime.Task;
import java.util.List;

/**
 * {@link QueueExample} with {@code @Consumes}: the processor writes the consumer loop
 * (get an item, run the handler, {@code taskDone()}), and {@code startConsumers()} spawns
 * two workers. Instead of stop signals, the producer shuts the queue down once it is
 * joined; each worker then ends.
 *
 * <p>Prints {@code transcripts/queue-consumes.txt}, as its twin {@code queue-consumes.py}
 * does (the same loop written out in Python).
 */
public abstract class QueueConsumesExample implements Consumers {
    final Queue<Integer> q = new Queue<>(2);

    @Consumes(value = "q", workers = 2)
    Coroutine<Void> handle(Integer item) {
        System.out.println("handling item " + item);
        await(sleep(0.01 * item));
        System.out.println("done with item " + item);
        return done();
    }

    @Async
    Coroutine<Void> main() {
        List<Task<Void>> workers = startConsumers();
        for (int i = 0; i < 6; i++) {
            await(q.put(i));
            System.out.println("producer: added task " + i + " to the queue");
        }
        System.out.println("producer: waiting for queue to empty");
        await(q.join());
        q.shutdown();
        await(waitTasks(workers, ReturnWhen.ALL_COMPLETED));
        System.out.println("producer: ending, workers done: " + Examples.py(workers.stream().allMatch(Task::isDone)));
        return done();
    }

    public static void main(String[] args) {
        EventLoop.run(new Baton_QueueConsumesExample().main());
    }
}
