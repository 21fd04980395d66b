package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import java.util.List;

/**
 * Awaits in both forms of switch statement: arrow cases, and colon cases with fall-through
 * (the twin spells the fall-through out with ifs).
 */
public abstract class ControlSwitch extends Scenario {

    @Async
    Coroutine<String> describe(int n) {
        await(sleep(0));
        switch (n) {
            case 0 -> {
                await(sleep(0));
                return done("zero");
            }
            case 1, 2 -> {
                await(sleep(0));
                return done("small");
            }
            default -> {
                return done("large " + n);
            }
        }
    }

    @Async
    @Override
    @SuppressWarnings("fallthrough")
    public Coroutine<Void> main() {
        for (int n = 0; n < 4; n++) {
            String description = await(describe(n));
            print(n, description);
        }
        List<String> log = list();
        for (int n = 0; n < 4; n++) {
            switch (n) {
                case 0:
                    log.add("a" + n);
                    // fall through
                case 1:
                    await(sleep(0));
                    log.add("b" + n);
                    break;
                default:
                    log.add("c" + n);
            }
        }
        print(log);
        return done();
    }
}
