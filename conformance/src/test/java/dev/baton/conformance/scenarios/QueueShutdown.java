package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Queue;
import dev.baton.runtime.QueueShutDownException;
import dev.baton.runtime.Task;

/**
 * test_queues.py _QueueShutdownTestMixin.test_shutdown_empty and test_shutdown_nonempty.
 * task_done()'s ValueError is misuse, an IllegalStateException in Baton.
 */
public abstract class QueueShutdown extends Scenario {
    Queue<String> q = new Queue<>();

    @Async
    Coroutine<String> get() {
        String item = await(q.get());
        return done(item);
    }

    @Async
    Coroutine<Void> put(String item) {
        await(q.put(item));
        return done();
    }

    @Async
    Coroutine<Void> join() {
        await(q.join());
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<String> getTask = spawn(get());
        await(sleep(0));
        q.shutdown(false);
        print("qsize:", q.qsize());
        await(q.join());
        print("joined");
        await(sleep(0));
        print("get_task done:", getTask.isDone());
        try {
            await(getTask);
        } catch (QueueShutDownException e) {
            print("get_task raised", repr(e));
        }
        try {
            await(q.put("data"));
        } catch (QueueShutDownException e) {
            print("put raised QueueShutDown");
        }
        try {
            q.putNowait("data");
        } catch (QueueShutDownException e) {
            print("put_nowait raised QueueShutDown");
        }
        try {
            await(q.get());
        } catch (QueueShutDownException e) {
            print("get raised QueueShutDown");
        }
        try {
            q.getNowait();
        } catch (QueueShutDownException e) {
            print("get_nowait raised QueueShutDown");
        }

        q = new Queue<>(1);
        q.putNowait("data");
        Task<Void> joinTask = spawn(join());
        Task<Void> putTask = spawn(put("data2"));
        await(sleep(0));
        print("put_task done:", putTask.isDone());
        q.shutdown(false);
        print("qsize:", q.qsize());
        await(sleep(0));
        print("put_task done:", putTask.isDone());
        try {
            await(putTask);
        } catch (QueueShutDownException e) {
            print("put_task raised QueueShutDown");
        }
        String got = await(q.get());
        print("get:", got);
        await(sleep(0));
        print("join_task done:", joinTask.isDone());
        try {
            await(q.get());
        } catch (QueueShutDownException e) {
            print("get raised QueueShutDown");
        }
        q.taskDone();
        await(sleep(0));
        print("join_task done:", joinTask.isDone());
        await(joinTask);
        try {
            q.taskDone();
        } catch (IllegalStateException e) {
            print("ValueError:", e);
        }
        return done();
    }
}
