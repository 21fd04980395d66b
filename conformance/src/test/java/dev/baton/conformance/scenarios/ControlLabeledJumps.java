package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;

/**
 * Labeled break and continue across awaits in nested loops. Python has no labels: its twin
 * uses flags and breaks to print what these jumps do.
 */
public abstract class ControlLabeledJumps extends Scenario {

    @Async
    @Override
    public Coroutine<Void> main() {
        int foundI = -1;
        int foundJ = -1;
        outer:
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                await(sleep(0));
                if (j > i) {
                    print("continue outer at", i, j);
                    continue outer;
                }
                if (i * j == 4) {
                    foundI = i;
                    foundJ = j;
                    print("break outer at", i, j);
                    break outer;
                }
                print("visit", i, j);
            }
        }
        print("found:", foundI, foundJ);

        int count = 0;
        int i = 0;
        loop:
        while (true) {
            i += 1;
            await(sleep(0));
            for (int j = 0; j < 3; j++) {
                count += 1;
                if (j == 1 && i % 2 == 0) {
                    print("skipped rest of", i);
                    continue loop;
                }
                await(sleep(0));
            }
            if (i >= 5) {
                break;
            }
            print("completed", i);
        }
        print("count:", count);
        return done();
    }
}
