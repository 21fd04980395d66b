package dev.baton.test;

import static dev.baton.test.BatonTesting.runTest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test classes that {@link ExploreAnnotationTest} runs with JUnit's launcher: nested, so that
 * the build does not run them by themselves.
 */
final class ExploreFixtures {
    private ExploreFixtures() {}

    /** A seed whose run reads before it writes: the one an {@code @Explore} run of the bug reported. */
    static final long FAILING_SEED = 0x6ec792366e2dc09bL;

    /** The order bug under {@code @Explore}: found. */
    @ExtendWith(Launch.OnlyLaunched.class)
    static class FindsTheBug {
        @Test
        @Explore
        void writeThenRead() {
            runTest(new Baton_OrderBug().writeThenRead());
        }
    }

    /** The order bug under {@code @Explore(seed = ...)}: the one failing run, replayed. */
    @ExtendWith(Launch.OnlyLaunched.class)
    static class ReplaysTheBug {
        @Test
        @Explore(seed = FAILING_SEED)
        void writeThenRead() {
            runTest(new Baton_OrderBug().writeThenRead());
        }
    }

    /** Each run on a fresh instance: a field starts anew. */
    @ExtendWith(Launch.OnlyLaunched.class)
    static class FreshInstances {
        static int runs;
        int onThisInstance;

        @Test
        @Explore(runs = 20)
        void countsRuns() {
            runs++;
            onThisInstance++;
            assertEquals(1, onThisInstance);
            runTest(new Baton_OrderBug().both(0.1, 0.2));
        }
    }

    /** {@code @Explore} on a test that makes no loop: nothing to explore. */
    @ExtendWith(Launch.OnlyLaunched.class)
    static class NoLoop {
        @Test
        @Explore
        void noLoop() {
            assertEquals(2, 1 + 1);
        }
    }
}
