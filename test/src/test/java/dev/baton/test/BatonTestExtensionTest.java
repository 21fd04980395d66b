package dev.baton.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @BatonTest}: the generated class runs the tests, and a missing one is explained. */
class BatonTestExtensionTest {

    @Test
    void aConcreteTemplateRunsOnItsGeneratedClass() {
        BatonTestFixtures.Concrete.ranOn = null;
        Launch.Outcome outcome = Launch.run(BatonTestFixtures.Concrete.class);
        assertEquals(List.of(), outcome.failures());
        assertEquals(1, outcome.passed());
        assertEquals("Baton_BatonTestFixtures_Concrete", BatonTestFixtures.Concrete.ranOn);
    }

    @Test
    void theGeneratedClassOfAConcreteTemplateDoesNotRunTwice() {
        Launch.Outcome outcome = Launch.run(Baton_BatonTestFixtures_Concrete.class);
        assertEquals(List.of(), outcome.failures());
        assertEquals(0, outcome.passed());
        assertEquals(List.of("Baton_BatonTestFixtures_Concrete's tests run as Concrete, its @BatonTest template"),
                outcome.skipped());
    }

    @Test
    void anAbstractTemplateRunsAsItsGeneratedClass() {
        // RunTestTest is abstract: JUnit runs Baton_RunTestTest, on which the extension makes itself
        Launch.Outcome outcome = Launch.run(Baton_TestLoopTest.class);
        assertEquals(List.of(), outcome.failures());
        assertTrue(outcome.passed() > 3, outcome.toString());
    }

    @Test
    void withoutTheProcessorTheErrorShowsTheMavenFix() {
        Launch.Outcome outcome = Launch.run(BatonTestFixtures.NotGenerated.class);
        assertEquals(1, outcome.failures().size(), outcome.toString());
        String message = outcome.failures().get(0).getMessage();
        assertTrue(message.contains("@BatonTest dev.baton.test.BatonTestFixtures$NotGenerated: no generated class"
                + " dev.baton.test.Baton_BatonTestFixtures_NotGenerated. Baton's annotation processor did not run on"
                + " the test sources"), message);
        assertTrue(message.contains(BatonTestExtension.MAVEN_FIX), message);
    }

    @Test
    void generatedNamesFollowTheProcessor() {
        assertEquals("dev.baton.test.Baton_BatonTestFixtures_Concrete",
                BatonTestExtension.generatedName(BatonTestFixtures.Concrete.class));
        assertTrue(BatonTestExtension.isGenerated(Baton_BatonTestFixtures_Concrete.class));
        assertTrue(!BatonTestExtension.isGenerated(BatonTestFixtures.Concrete.class));
    }
}
