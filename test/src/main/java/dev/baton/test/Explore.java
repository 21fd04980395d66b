package dev.baton.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@code @Test} method many times, each run with a seeded perturbation of the
 * schedule that a real system can produce: timers whose deadlines lie within {@link #jitter()}
 * of each other fire in a random order, and awaited foreign futures ({@code CompletionStage}s)
 * deliver after a random virtual delay. asyncio's rules inside one iteration (the FIFO ready
 * queue, no yield on a fast path) are kept. Every {@link TestLoop} the method makes, and so
 * every {@link BatonTesting#runTest}, takes the run's perturbation.
 *
 * <pre>{@code
 * @Test
 * @Explore
 * void neverOverdraws() {
 *     runTest(twoWithdrawals());
 *     assertTrue(balance >= 0);
 * }
 * }</pre>
 *
 * <p>A failing run stops the test with an {@link AssertionError} caused by the run's failure:
 * {@code failed on run 37 of 100 (seed 0x...); replay with @Explore(seed = 0x...L)}. With that
 * {@code seed}, the test runs once, exactly the reported run.
 *
 * <p>Each run calls the method on a fresh instance of the test class (made as JUnit makes it,
 * for a {@link BatonTest} class the generated one), so state in fields starts anew;
 * {@code @BeforeEach} and {@code @AfterEach} methods run once, around all the runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ExtendWith(ExploreExtension.class)
public @interface Explore {
    /** {@link #seed()}'s default: a new seed each time the test runs. */
    long NEW_SEED = 0;

    /**
     * How many runs; the first failure stops them.
     *
     * @return the number of runs
     */
    int runs() default 100;

    /**
     * The seed of the first run, to replay a run a failure reported: with a seed, the test
     * runs once. {@link #NEW_SEED} (the default) draws a new seed each time.
     *
     * @return the seed to replay, or {@link #NEW_SEED}
     */
    long seed() default NEW_SEED;

    /**
     * How close (seconds) two timers' deadlines must be for their order to change; also the
     * bound of a foreign future's delay.
     *
     * @return the jitter in seconds
     */
    double jitter() default 0.001;
}
