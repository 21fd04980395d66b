package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Barrier;
import dev.baton.runtime.BrokenBarrierException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * test_locks.py BarrierTests.test_reset_barrier, test_reset_barrier_while_tasks_waiting and
 * test_reset_barrier_while_tasks_waiting_and_waiting_again.
 */
public abstract class BarrierReset extends Scenario {
    Barrier barrier = new Barrier(1);
    final List<Object> results1 = list();
    final List<Object> results2 = list();

    @Async
    Coroutine<Void> reset() {
        await(barrier.reset());
        return done();
    }

    @Async
    Coroutine<Void> coro1(int n) {
        try {
            await(barrier.arriveAndWait());
        } catch (BrokenBarrierException e) {
            results1.add(n);
            print(n, "caught", repr(e));
        } finally {
            await(barrier.arriveAndWait());
            results2.add(n);
        }
        return done();
    }

    /** {@code async with barrier:} is an arriveAndWait() before the body. */
    @Async
    Coroutine<Void> coro2() {
        await(barrier.arriveAndWait());
        results2.add("last");
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        spawn(reset());
        await(sleep(0));
        print("n_waiting:", barrier.nWaiting(), "broken:", barrier.isBroken());

        barrier = new Barrier(5);
        List<Task<Void>> tasks = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            tasks.add(spawn(coro1(n)));
        }
        spawn(reset());
        await(sleep(0));
        print("n_waiting after reset:", barrier.nWaiting());

        spawn(coro2());
        await(gather(tasks.toArray(new Task<?>[0])));
        print("results1:", results1);
        print("results2:", results2);
        print("n_waiting:", barrier.nWaiting(), "broken:", barrier.isBroken());
        return done();
    }
}
