package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Barrier;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import java.util.List;

/**
 * test_locks.py BarrierTests.test_filling_task_by_task, test_filling_one_task_twice,
 * test_filling_tasks_check_return_value. Python's tuple results are lists here.
 */
public abstract class BarrierFilling extends Scenario {
    Barrier barrier = new Barrier(3);

    @Async
    Coroutine<Integer> waitAndPrint(String name) {
        int i = await(barrier.arriveAndWait());
        print(name, "passed with index", i);
        return done(i);
    }

    @Async
    Coroutine<List<Integer>> twice(int n) {
        int first = await(barrier.arriveAndWait());
        int second = await(barrier.arriveAndWait());
        return done(List.of(n, first, second));
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Integer> t1 = spawn(waitAndPrint("t1"));
        await(sleep(0));
        print("n_waiting:", barrier.nWaiting());

        Task<Integer> t2 = spawn(waitAndPrint("t2"));
        await(sleep(0));
        print("n_waiting:", barrier.nWaiting());

        Task<Integer> t3 = spawn(waitAndPrint("t3"));
        await(sleep(0));
        print("n_waiting:", barrier.nWaiting());

        await(waitAll(t1, t2, t3));
        print("results:", List.of(t1.result(), t2.result(), t3.result()));
        print("n_waiting:", barrier.nWaiting(), "broken:", barrier.isBroken());

        barrier = new Barrier(1);
        Task<Integer> u1 = spawn(waitOnce());
        await(sleep(0));
        print("parties 1: n_waiting:", barrier.nWaiting());
        Task<Integer> u2 = spawn(waitOnce());
        await(sleep(0));
        print("parties 1: results:", u1.result(), u2.result());

        barrier = new Barrier(5);
        List<Object> res = await(gather(twice(0), twice(1), twice(2), twice(3), twice(4)));
        print("twice:", res);
        print("n_waiting:", barrier.nWaiting(), "broken:", barrier.isBroken());
        return done();
    }

    /** The twin's create_task(barrier.wait()). */
    @Async
    Coroutine<Integer> waitOnce() {
        int i = await(barrier.arriveAndWait());
        return done(i);
    }
}
