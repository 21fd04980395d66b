package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Barrier;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import java.util.List;

/** test_locks.py BarrierTests.test_filling_tasks_cancel_one. */
public abstract class BarrierCancelOne extends Scenario {
    final Barrier barrier = new Barrier(3);
    final List<String> results = list();

    @Async
    Coroutine<Void> coro(String name) {
        await(barrier.arriveAndWait());
        results.add(name);
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Void> t1 = spawn(coro("t1"));
        await(sleep(0));
        print("n_waiting:", barrier.nWaiting());

        Task<Void> t2 = spawn(coro("t2"));
        await(sleep(0));
        print("n_waiting:", barrier.nWaiting());

        t1.cancel();
        await(sleep(0));
        print("n_waiting after cancel:", barrier.nWaiting());
        try {
            await(t1);
        } catch (CancelledException e) {
            print("t1 raised CancelledError");
        }
        print("t1 cancelled:", t1.isCancelled());

        Task<Void> t3 = spawn(coro("t3"));
        await(sleep(0));
        print("n_waiting:", barrier.nWaiting());

        Task<Void> t4 = spawn(coro("t4"));
        await(gather(t2, t3, t4));
        print("results:", results);
        print("n_waiting:", barrier.nWaiting(), "broken:", barrier.isBroken());
        return done();
    }
}
