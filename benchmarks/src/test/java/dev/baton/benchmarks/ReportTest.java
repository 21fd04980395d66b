package dev.baton.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.benchmarks.Report.FastPath;
import dev.baton.benchmarks.Report.Row;
import org.junit.jupiter.api.Test;

/** The report's arithmetic (medians, the direction of ratios, the targets) and its table. */
class ReportTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Report.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Report.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void ratiosSayHowFarBatonIsAhead() {
        Report report = new Report();
        report.put(Row.HANDOFF_1, Systems.BATON, new double[] {300, 100, 200});
        report.put(Row.HANDOFF_1, Systems.KOTLINX, new double[] {100});
        report.put(Row.MEMORY_LOCK, Systems.BATON, new double[] {80});
        report.put(Row.MEMORY_LOCK, Systems.KOTLINX, new double[] {320});
        assertEquals(2.0, report.ratio(Row.HANDOFF_1, Systems.KOTLINX), 1e-9, "rate: Baton's ÷ the peer's");
        assertEquals(4.0, report.ratio(Row.MEMORY_LOCK, Systems.KOTLINX), 1e-9, "bytes: the peer's ÷ Baton's");
        assertTrue(Double.isNaN(report.ratio(Row.LOCK, Systems.KOTLINX)), "not measured");
    }

    @Test
    void virtualThreadsAreComparedWithBatonOnTheirJdk() {
        Report report = new Report();
        report.put(Row.HANDOFF_1, Systems.BATON, new double[] {100});
        report.put(Row.HANDOFF_1, Report.BATON_25, new double[] {400});
        report.put(Row.HANDOFF_1, Systems.VTHREADS, new double[] {100});
        assertEquals(4.0, report.ratio(Row.HANDOFF_1, Systems.VTHREADS), 1e-9);
    }

    @Test
    void markdownHasTheTableTheTargetsAndTheMachine() {
        Report report = new Report();
        report.put(Row.HANDOFF_1, Systems.BATON, new double[] {2_000_000});
        report.put(Row.HANDOFF_1, Systems.KOTLINX, new double[] {1_000_000});
        report.put(Row.HANDOFF_1, Systems.FLOOR, new double[] {20_000_000});
        report.put(Row.MEMORY_LOCK, Systems.BATON, new double[] {96});
        report.putFastPath("lock-acquire", new FastPath(3.2, 0.0001));
        report.environment("CPU", "test CPU");
        String md = report.markdown();
        assertTrue(md.contains("| queue handoff, capacity 1 | items/s | 2.00 M | 1.00 M (**×2.00**) | 20.0 M (**×0.10**) |"), md);
        assertTrue(md.contains("| Baton ≥ 1.0× kotlinx.coroutines on every scenario (stretch 1.5×) | lowest ×2.00"
                + " (queue handoff, capacity 1); stretch met | yes |"), md);
        assertTrue(md.contains("| within 5× of the floor on the handoffs | handoff-1: 10.0× the floor's time | **no** |"), md);
        assertTrue(md.contains("| ≤ 100 bytes per blocked coroutine | lock 96 B | yes |"), md);
        assertTrue(md.contains("| lock-acquire | 3.20 | 0.0001 |"), md);
        assertTrue(md.contains("| Baton ≥ 50× CPython asyncio on every throughput scenario | not measured | — |"), md);
        assertTrue(md.contains("- CPU: test CPU"), md);
        assertTrue(md.contains("(here 500 ns per item, so about 250 ns per switch"), md);
    }

    @Test
    void formats() {
        assertEquals("1.23 M", Report.format(1_234_567, Row.HANDOFF_1));
        assertEquals("999", Report.format(999, Row.HANDOFF_1));
        assertEquals("12.5 ns", Report.format(12.5, Row.FANOUT_WAKE));
        assertEquals("120 B", Report.format(120.4, Row.MEMORY_EVENT));
        assertEquals("150", Report.ratio(150.2));
        assertEquals("2.50", Report.ratio(2.5));
    }
}
