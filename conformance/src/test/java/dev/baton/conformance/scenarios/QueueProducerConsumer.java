package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Queue;
import dev.baton.runtime.TaskGroup;

/**
 * test_queues.py test_why_are_getters_waiting and test_why_are_putters_waiting: how a
 * producer and a consumer, and four putters and a getter, interleave.
 */
public abstract class QueueProducerConsumer extends Scenario {
    final Queue<Integer> q = new Queue<>(1);
    final Queue<Integer> queue = new Queue<>(2);

    @Async
    Coroutine<Void> consumer(int numExpected) {
        for (int n = 0; n < numExpected; n++) {
            Integer item = await(q.get());
            print("consumer got", item);
        }
        return done();
    }

    @Async
    Coroutine<Void> producer(int numItems) {
        for (int i = 0; i < numItems; i++) {
            await(q.put(i));
            print("producer put", i);
        }
        return done();
    }

    @Async
    Coroutine<Void> putter(int item) {
        await(queue.put(item));
        print("put", item);
        return done();
    }

    @Async
    Coroutine<Void> getter() {
        await(sleep(0));
        int num = queue.qsize();
        print("getter sees", num);
        for (int n = 0; n < num; n++) {
            print("getter got", queue.getNowait());
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        await(TaskGroup.run(tg -> {
            tg.spawn(producer(5));
            tg.spawn(consumer(5));
            return done();
        }));
        print("first part done");

        await(TaskGroup.run(tg -> {
            tg.spawn(getter());
            tg.spawn(putter(0));
            tg.spawn(putter(1));
            tg.spawn(putter(2));
            tg.spawn(putter(3));
            return done();
        }));
        print("qsize:", queue.qsize());
        return done();
    }
}
