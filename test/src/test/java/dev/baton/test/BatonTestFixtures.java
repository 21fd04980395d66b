package dev.baton.test;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.test.BatonTesting.runTest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Test classes that {@link BatonTestExtensionTest} runs with JUnit's launcher. */
final class BatonTestFixtures {
    private BatonTestFixtures() {}

    /** A concrete template: runs under its own name, on the generated class. */
    @ExtendWith(Launch.OnlyLaunched.class)
    @BatonTest
    static class Concrete {
        static String ranOn;

        @Async
        Coroutine<Double> nap() {
            await(sleep(2));
            return done(EventLoop.current().time());
        }

        @Test
        void runsItsOwnCoroutines() {
            ranOn = getClass().getSimpleName();
            assertEquals(2.0, runTest(nap()));
        }
    }

    /** A class the processor made nothing for: as if it had not run on the test sources. */
    @ExtendWith(Launch.OnlyLaunched.class)
    @BatonTest
    static class NotGenerated {
        @Test
        void neverRuns() {
            throw new AssertionError("the extension must not instantiate " + getClass());
        }
    }
}
