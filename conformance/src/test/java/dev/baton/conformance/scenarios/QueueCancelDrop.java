package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Queue;
import dev.baton.runtime.Task;

/**
 * test_queues.py QueuePutTests.test_get_cancel_drop_one_pending_reader,
 * test_get_cancel_drop_many_pending_readers, test_put_cancel_drop,
 * test_cancelled_put_silence_value_error_exception: no item is dropped.
 */
public abstract class QueueCancelDrop extends Scenario {
    Queue<Integer> q = new Queue<>();

    @Async
    Coroutine<Integer> get() {
        Integer item = await(q.get());
        return done(item);
    }

    @Async
    Coroutine<Void> put(int item) {
        await(q.put(item));
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Integer> reader = spawn(get());
        await(sleep(0));
        q.putNowait(1);
        q.putNowait(2);
        reader.cancel();
        try {
            await(reader);
        } catch (CancelledException e) {
            print("reader cancelled, trying again");
            reader = spawn(get());
            await(reader);
        }
        print("reader got:", reader.result());

        q = new Queue<>();
        Task<Integer> reader1 = spawn(get());
        Task<Integer> reader2 = spawn(get());
        Task<Integer> reader3 = spawn(get());
        await(sleep(0));
        q.putNowait(1);
        q.putNowait(2);
        reader1.cancel();
        try {
            await(reader1);
        } catch (CancelledException e) {
            print("reader1 cancelled");
        }
        await(reader3);
        await(reader2);
        print("reader2 got:", reader2.result(), "reader3 got:", reader3.result());

        q = new Queue<>(1);
        q.putNowait(1);
        Task<Void> writer = spawn(put(2));
        await(sleep(0));
        print("get_nowait:", q.getNowait());
        writer.cancel();
        try {
            await(writer);
            print("writer finished");
        } catch (CancelledException e) {
            print("writer cancelled, trying again");
            writer = spawn(put(2));
            await(writer);
        }
        print("get_nowait:", q.getNowait(), "qsize:", q.qsize());
        return done();
    }
}
