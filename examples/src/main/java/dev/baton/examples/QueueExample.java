package dev.baton.examples;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Queue;
import dev.baton.runtime.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's Queue example (docs/design.md): a producer puts numbers into a bounded queue, consumers take
 * them in an explicit loop until they get the stop signal ({@code null}, Python's
 * {@code None}), and the producer joins the queue.
 *
 * <p>Prints {@code transcripts/queue.txt}, as {@code python3 queue.py} does. See
 * {@link QueueConsumesExample} for the same work with {@code @Consumes}.
 */
public abstract class QueueExample {

    @Async
    Coroutine<Void> consumer(int n, Queue<Integer> q) {
        System.out.println("consumer " + n + ": starting");
        while (true) {
            System.out.println("consumer " + n + ": waiting for item");
            Integer item = await(q.get());
            System.out.println("consumer " + n + ": has item " + Examples.py(item));
            if (item == null) {
                // None is the signal to stop.
                q.taskDone();
                break;
            } else {
                await(sleep(0.01 * item));
                q.taskDone();
            }
        }
        System.out.println("consumer " + n + ": ending");
        return done();
    }

    @Async
    Coroutine<Void> producer(Queue<Integer> q, int numWorkers) {
        System.out.println("producer: starting");
        // Add some numbers to the queue to simulate jobs
        for (int i = 0; i < numWorkers * 3; i++) {
            await(q.put(i));
            System.out.println("producer: added task " + i + " to the queue");
        }
        // Add None entries in the queue to signal the consumers to exit
        System.out.println("producer: adding stop signals to the queue");
        for (int i = 0; i < numWorkers; i++) {
            await(q.put(null));
        }
        System.out.println("producer: waiting for queue to empty");
        await(q.join());
        System.out.println("producer: ending");
        return done();
    }

    @Async
    Coroutine<Void> main(int numConsumers) {
        // A fixed size, so the producer blocks until the consumers pull items out.
        Queue<Integer> q = new Queue<>(numConsumers);
        List<Task<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < numConsumers; i++) {
            tasks.add(spawn(consumer(i, q)));
        }
        tasks.add(spawn(producer(q, numConsumers)));
        await(waitTasks(tasks, ReturnWhen.ALL_COMPLETED));
        return done();
    }

    public static void main(String[] args) {
        EventLoop.run(new Baton_QueueExample().main(2));
    }
}
