package dev.baton.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** {@code @Explore} on a test method, run as a build runs it. */
class ExploreAnnotationTest {

    @Test
    void findsTheOrderBugWithin100RunsAndReportsTheReplay() {
        Launch.Outcome outcome = Launch.run(ExploreFixtures.FindsTheBug.class);
        assertEquals(1, outcome.failures().size(), outcome.toString());
        AssertionError failure = assertInstanceOf(AssertionError.class, outcome.failures().get(0));
        Matcher m = ExploreTest.parse(failure);
        assertEquals("100", m.group(2));
        assertTrue(Integer.parseInt(m.group(1)) <= 100);
        assertEquals("read before write", failure.getCause().getMessage());
    }

    @Test
    void theReportedSeedReplaysTheFailingRunAlone() {
        Launch.Outcome outcome = Launch.run(ExploreFixtures.ReplaysTheBug.class);
        assertEquals(1, outcome.failures().size(), outcome.toString());
        AssertionError failure = assertInstanceOf(AssertionError.class, outcome.failures().get(0));
        assertEquals(ExploreFixtures.FAILING_SEED, ExploreTest.seedOf(ExploreTest.parse(failure)));
        assertTrue(failure.getMessage().startsWith(String.format(
                "failed on run 1 of 1 (seed 0x%016x); replay with @Explore(seed = 0x%016xL)",
                ExploreFixtures.FAILING_SEED, ExploreFixtures.FAILING_SEED)), failure.getMessage());
    }

    @Test
    void eachRunGetsAFreshInstance() {
        ExploreFixtures.FreshInstances.runs = 0;
        Launch.Outcome outcome = Launch.run(ExploreFixtures.FreshInstances.class);
        assertEquals(List.of(), outcome.failures());
        assertEquals(1, outcome.passed());
        assertEquals(20, ExploreFixtures.FreshInstances.runs);
    }

    @Test
    void aTestThatMakesNoLoopHasNothingToExplore() {
        Launch.Outcome outcome = Launch.run(ExploreFixtures.NoLoop.class);
        assertEquals(1, outcome.failures().size(), outcome.toString());
        assertEquals("run 1 of 100 made no TestLoop and called no runTest: there was no schedule to explore"
                + " (call BatonTesting.runTest in the test)", outcome.failures().get(0).getMessage());
    }
}
