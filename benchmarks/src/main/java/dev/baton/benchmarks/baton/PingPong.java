package dev.baton.benchmarks.baton;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.spawn;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;

/** Scenario 4: two tasks take turns through a condition variable. */
public abstract class PingPong {
    final Condition condition = new Condition();
    int turn;
    long trips;

    @Guarded("condition")
    Coroutine<Void> player(int me, int rounds) {
        for (int i = 0; i < rounds; i++) {
            while (turn != me) {
                await(condition.waitNotified());
            }
            turn = 1 - me;
            if (me == 0) {
                trips++;
            }
            condition.notify(1);
        }
        return done();
    }

    @Async
    Coroutine<Long> run(int rounds) {
        Task<Void> first = spawn(player(0, rounds));
        Task<Void> second = spawn(player(1, rounds));
        await(first);
        await(second);
        return done(trips);
    }
}
