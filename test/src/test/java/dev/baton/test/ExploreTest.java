package dev.baton.test;

import static dev.baton.test.BatonTesting.explore;
import static dev.baton.test.BatonTesting.runTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** BatonTesting.explore: finds an order-dependent bug, reports its seed, and the seed replays it. */
class ExploreTest {
    static final Pattern FAILURE = Pattern.compile(
            "failed on run (\\d+) of (\\d+) \\(seed (0x[0-9a-f]{16})\\); replay with @Explore\\(seed = \\3L\\)\n(.*)",
            Pattern.DOTALL);

    /** The message's run, runs and seed, checking its shape. */
    static Matcher parse(AssertionError failure) {
        Matcher m = FAILURE.matcher(failure.getMessage());
        assertTrue(m.matches(), failure.getMessage());
        return m;
    }

    static long seedOf(Matcher m) {
        return Long.parseUnsignedLong(m.group(3).substring(2), 16);
    }

    @Test
    void theBugHidesWithoutExploration() {
        runTest(new Baton_OrderBug().writeThenRead());
    }

    @Test
    void exploreFindsTheOrderBugWithin100RunsAndItsSeedReplaysIt() {
        List<OrderBug> runs = new ArrayList<>();
        AssertionError found = assertThrows(AssertionError.class, () -> explore(100, 0x5eedL, () -> {
            OrderBug bug = new Baton_OrderBug();
            runs.add(bug);
            return bug.writeThenRead();
        }));
        Matcher m = parse(found);
        int run = Integer.parseInt(m.group(1));
        assertEquals(runs.size(), run, "the first failing run stops the exploration");
        assertEquals("100", m.group(2));
        assertEquals("java.lang.IllegalStateException: read before write", m.group(4));
        assertInstanceOf(IllegalStateException.class, found.getCause());
        List<String> failingLog = runs.get(run - 1).log;
        assertTrue(failingLog.get(0).startsWith("read@"), failingLog.toString());

        long seed = seedOf(m);
        List<OrderBug> replays = new ArrayList<>();
        AssertionError replayed = assertThrows(AssertionError.class, () -> explore(1, seed, () -> {
            OrderBug bug = new Baton_OrderBug();
            replays.add(bug);
            return bug.writeThenRead();
        }));
        assertEquals(String.format("failed on run 1 of 1 (seed 0x%016x); replay with @Explore(seed = 0x%016xL)\n"
                + "java.lang.IllegalStateException: read before write", seed, seed), replayed.getMessage());
        assertEquals(failingLog, replays.get(0).log, "the replay is the same interleaving, at the same times");
    }

    @Test
    void theFirstRunUsesTheSeedItselfAndASeedAlwaysGivesTheSameRun() {
        List<OrderBug> many = new ArrayList<>();
        explore(5, 0x5eedL, () -> {
            OrderBug bug = new Baton_OrderBug();
            many.add(bug);
            return bug.fiveAtOnce();
        });
        for (int i = 0; i < 3; i++) {
            List<OrderBug> one = new ArrayList<>();
            explore(1, 0x5eedL, () -> {
                OrderBug bug = new Baton_OrderBug();
                one.add(bug);
                return bug.fiveAtOnce();
            });
            assertEquals(many.get(0).log, one.get(0).log);
        }
    }

    @Test
    void runsReorderTimersWithinTheJitterAndKeepTheClockTrue() {
        Set<List<String>> orders = new HashSet<>();
        List<OrderBug> runs = new ArrayList<>();
        explore(50, 42, () -> {
            OrderBug bug = new Baton_OrderBug();
            runs.add(bug);
            return bug.fiveAtOnce();
        });
        for (OrderBug run : runs) {
            orders.add(List.copyOf(run.log));
        }
        assertEquals(50, runs.size());
        assertTrue(orders.size() > 10, "50 runs of 5 timers due together gave only " + orders.size() + " orders");
    }

    @Test
    void timersFartherApartThanTheJitterKeepTheirOrder() {
        List<OrderBug> runs = new ArrayList<>();
        explore(100, 7, () -> {
            OrderBug bug = new Baton_OrderBug();
            runs.add(bug);
            return bug.both(0.1, 0.1011);
        });
        for (OrderBug run : runs) {
            // the clock a timer fires at is its own deadline, or later by less than the jitter
            assertEquals(2, run.log.size());
            assertTrue(run.log.get(0).startsWith("write@"), run.log.toString());
            double readAt = Double.parseDouble(run.log.get(1).substring("read@".length()));
            assertTrue(readAt >= 0.1011 && readAt < 0.1011 + 0.001, run.log.toString());
        }
    }

    @Test
    void aWiderJitterReordersTimersFartherApart() {
        AssertionError found = assertThrows(AssertionError.class,
                () -> explore(100, 7, 0.01, () -> new Baton_OrderBug().both(0.1, 0.105)));
        parse(found);
    }

    @Test
    void foreignFuturesDeliverAfterASeededDelay() {
        runTest(new Baton_OrderBug().replyRace()); // instant without exploration
        List<OrderBug> runs = new ArrayList<>();
        AssertionError found = assertThrows(AssertionError.class, () -> explore(100, 0x5eedL, () -> {
            OrderBug race = new Baton_OrderBug();
            runs.add(race);
            return race.replyRace();
        }));
        Matcher m = parse(found);
        assertEquals("java.lang.IllegalStateException: gave up before the reply", m.group(4));
        for (OrderBug run : runs.subList(0, runs.size() - 1)) {
            double at = Double.parseDouble(run.log.get(0).substring("pong@".length()));
            assertTrue(at > 0 && at < 0.0005, run.log.toString());
        }
        List<OrderBug> replay = new ArrayList<>();
        assertThrows(AssertionError.class, () -> explore(1, seedOf(m), () -> {
            OrderBug race = new Baton_OrderBug();
            replay.add(race);
            return race.replyRace();
        }));
        assertEquals(runs.get(runs.size() - 1).log, replay.get(0).log);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> explore(0, 1, () -> new Baton_OrderBug().writeThenRead()));
        assertThrows(IllegalArgumentException.class,
                () -> explore(1, 1, -0.5, () -> new Baton_OrderBug().writeThenRead()));
        assertThrows(NullPointerException.class, () -> explore(1, 1, null));
    }
}
