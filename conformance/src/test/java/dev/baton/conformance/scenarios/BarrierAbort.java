package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Barrier;
import dev.baton.runtime.BrokenBarrierException;
import dev.baton.runtime.Coroutine;
import java.util.List;

/**
 * test_locks.py BarrierTests.test_abort_barrier,
 * test_abort_barrier_when_tasks_half_draining_half_blocking, test_abort_barrier_when_exception.
 */
public abstract class BarrierAbort extends Scenario {
    static final int N = 5;
    Barrier barrier = new Barrier(1);
    List<Integer> results1 = list();
    List<Integer> results2 = list();
    final int blockingTasks = N / 2;
    int count;

    @Async
    Coroutine<Void> abort() {
        await(barrier.abort());
        return done();
    }

    @Async
    Coroutine<Void> coro(int k) {
        boolean passed = false;
        try {
            await(barrier.arriveAndWait());
            passed = true;
        } catch (BrokenBarrierException e) {
            results1.add(k);
        }
        if (passed) {
            count += 1;
            if (count > blockingTasks) {
                print(k, "aborts");
                await(barrier.abort());
            } else {
                try {
                    await(barrier.arriveAndWait());
                } catch (BrokenBarrierException e) {
                    results2.add(k);
                }
            }
        }
        return done();
    }

    @Async
    Coroutine<Void> coro2(int k) {
        try {
            int i = await(barrier.arriveAndWait());
            if (i == N / 2) {
                throw new IllegalStateException("index " + i);
            }
            await(barrier.arriveAndWait());
            results1.add(k);
        } catch (BrokenBarrierException e) {
            results2.add(k);
        } catch (IllegalStateException e) {
            print(k, "raised", repr(e), "and aborts");
            await(barrier.abort());
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        spawn(abort());
        await(sleep(0));
        print("n_waiting:", barrier.nWaiting(), "broken:", barrier.isBroken());

        barrier = new Barrier(N);
        await(gather(coro(0), coro(1), coro(2), coro(3), coro(4)));
        print("broken:", barrier.isBroken());
        print("results1:", results1);
        print("results2:", results2);
        print("n_waiting:", barrier.nWaiting());

        barrier = new Barrier(N);
        results1 = list();
        results2 = list();
        await(gather(coro2(0), coro2(1), coro2(2), coro2(3), coro2(4)));
        print("broken:", barrier.isBroken());
        print("results1:", results1);
        print("results2:", results2);
        return done();
    }
}
