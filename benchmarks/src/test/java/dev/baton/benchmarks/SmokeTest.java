package dev.baton.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.benchmarks.Contender.Blocker;
import dev.baton.benchmarks.baton.FastPathRunner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every benchmark body once at tiny sizes, for every system, so that none rots: the
 * build does not run the benchmarks themselves. The virtual-thread systems run only on JDK
 * 21+ (the pom's vthreads profile runs this test again on that JDK, with
 * {@code baton.smoke.only=vthreads}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SmokeTest {

    static Stream<String> systems() {
        boolean onlyVirtual = "vthreads".equals(System.getProperty("baton.smoke.only"));
        return Systems.ALL.stream().filter(s -> !s.equals(Systems.FLOOR))
                .filter(s -> !onlyVirtual || Systems.isVirtual(s));
    }

    private static Contender contender(String system) {
        if (Systems.isVirtual(system)) {
            assumeTrue(Systems.virtualThreadsAvailable(), "virtual threads need JDK 21+");
        }
        return Systems.create(system);
    }

    @ParameterizedTest
    @MethodSource("systems")
    void handoff(String system) throws Exception {
        Contender contender = contender(system);
        for (int capacity : new int[] {1, 4, 1024}) {
            assertEquals(50, contender.handoff(capacity, 50), "capacity " + capacity);
        }
    }

    @ParameterizedTest
    @MethodSource("systems")
    void lock(String system) throws Exception {
        Contender contender = contender(system);
        assertEquals(40, contender.lock(4, 10, false));
        assertEquals(40, contender.lock(4, 10, true));
    }

    @ParameterizedTest
    @MethodSource("systems")
    void fanOut(String system) throws Exception {
        long[] nanos = contender(system).fanOut(10);
        assertEquals(2, nanos.length);
        assertTrue(nanos[0] > 0 && nanos[1] > 0, () -> nanos[0] + ", " + nanos[1]);
    }

    @ParameterizedTest
    @MethodSource("systems")
    void pingPong(String system) throws Exception {
        assertEquals(10, contender(system).pingPong(10));
    }

    @ParameterizedTest
    @MethodSource("systems")
    void yields(String system) throws Exception {
        assertEquals(10, contender(system).yields(10));
    }

    @ParameterizedTest
    @MethodSource("systems")
    void spawn(String system) throws Exception {
        assertEquals(10, contender(system).spawn(10));
    }

    @ParameterizedTest
    @MethodSource("systems")
    void blocked(String system) throws Exception {
        Contender contender = contender(system);
        for (Blocker on : Blocker.values()) {
            int[] probes = new int[1];
            assertEquals(10, contender.blocked(on, 10, () -> probes[0]++), on.name());
            assertEquals(1, probes[0], on + ": whileBlocked runs once");
        }
    }

    @ParameterizedTest
    @MethodSource("systems")
    void phases(String system) throws Exception {
        Contender contender = contender(system);
        double[][] perWaiter = Phases.fanOut(contender, 10, 1, 2);
        assertEquals(2, perWaiter[0].length);
        assertTrue(Double.isFinite(Phases.blockedBytes(contender, Blocker.LOCK, 10)));
    }

    @Test
    void floorIsAHandoffOnly() throws Exception {
        assumeTrue(!"vthreads".equals(System.getProperty("baton.smoke.only")));
        Contender floor = Systems.create(Systems.FLOOR);
        assertEquals(50, floor.handoff(1, 50));
        assertEquals(50, floor.handoff(1024, 50));
        assertThrows(UnsupportedOperationException.class, () -> floor.lock(1, 1, false));
        assertThrows(UnsupportedOperationException.class, () -> floor.yields(1));
    }

    @Test
    void fastPaths() {
        assumeTrue(!"vthreads".equals(System.getProperty("baton.smoke.only")));
        for (String path : FastPathRunner.PATHS) {
            try (FastPathRunner runner = new FastPathRunner(path)) {
                assertEquals(10, runner.run(10), path);
                assertEquals(10, runner.run(10), path + ", second run on the same loop");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new FastPathRunner("nope"));
    }

    @Test
    void unknownSystem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Systems.create("go"));
        assertTrue(e.getMessage().contains("known"), e.getMessage());
    }

    @Test
    void everyBenchmarkSystemExists() {
        for (String system : List.of("baton", "kotlinx", "threads", "threads-fair", "floor")) {
            assertEquals(system, Systems.create(system).name());
        }
    }
}
