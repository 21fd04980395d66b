package dev.baton.benchmarks.baton;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.spawn;

import dev.baton.Async;
import dev.baton.benchmarks.Contender;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Queue;
import dev.baton.runtime.Task;

/** Scenario 1, as Baton users write it: a producer task and a consumer task on one queue. */
public abstract class Handoff {

    @Async
    Coroutine<Void> produce(Queue<Object> queue, int items) {
        for (int i = 0; i < items; i++) {
            await(queue.put(Contender.ITEM));
        }
        return done();
    }

    @Async
    Coroutine<Long> consume(Queue<Object> queue, int items) {
        long received = 0;
        for (int i = 0; i < items; i++) {
            Object item = await(queue.get());
            if (item == Contender.ITEM) {
                received++;
            }
        }
        return done(received);
    }

    @Async
    Coroutine<Long> run(int capacity, int items) {
        Queue<Object> queue = new Queue<>(capacity);
        Task<Void> producer = spawn(produce(queue, items));
        Task<Long> consumer = spawn(consume(queue, items));
        await(producer);
        Long received = await(consumer);
        return done(received);
    }
}
