package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Barrier;
import dev.baton.runtime.BrokenBarrierException;
import dev.baton.runtime.Coroutine;

/** test_locks.py BarrierTests.test_barrier_parties and a wait on a broken barrier. */
public abstract class BarrierErrors extends Scenario {

    @Async
    @Override
    public Coroutine<Void> main() {
        for (int parties : new int[] {0, -4}) {
            try {
                new Barrier(parties);
            } catch (IllegalArgumentException e) {
                print("ValueError:", e);
            }
        }
        Barrier barrier = new Barrier(2);
        print("parties:", barrier.parties(), "n_waiting:", barrier.nWaiting(), "broken:", barrier.isBroken());
        await(barrier.abort());
        try {
            await(barrier.arriveAndWait());
        } catch (BrokenBarrierException e) {
            print("caught", repr(e));
        }
        await(barrier.reset());
        print("after reset, broken:", barrier.isBroken());
        return done();
    }
}
