package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import java.util.List;

/**
 * Awaits inside while, do-while, for, and enhanced for over an Iterable and an array, with
 * another task interleaving at every await. (The twin writes do-while as while True/break.)
 */
public abstract class ControlLoops extends Scenario {
    final List<String> log = list();

    @Async
    Coroutine<Void> ticker() {
        for (int i = 0; i < 12; i++) {
            log.add("t" + i);
            await(sleep(0));
        }
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Void> t = spawn(ticker());

        int i = 0;
        while (i < 3) {
            await(sleep(0));
            log.add("w" + i);
            i += 1;
        }

        int j = 0;
        do {
            await(sleep(0));
            log.add("d" + j);
            j += 1;
        } while (j < 2);

        int total = 0;
        for (int k = 0; k < 6; k += 2) {
            await(sleep(0));
            total += k;
            log.add("f" + k);
        }

        for (String name : List.of("x", "y")) {
            await(sleep(0));
            log.add(name);
        }

        for (int n : new int[] {5, 6}) {
            await(sleep(0));
            log.add("a" + n);
        }

        await(t);
        print(String.join(" ", log));
        print("total:", total);
        return done();
    }
}
