package dev.baton.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one run measured, and the {@code BENCHMARKS.md} made of it: a table of scenario ×
 * system with medians and Baton's ratio to each peer, Baton's fast paths with their
 * allocation per operation, the targets of issue 6 checked, and the machine.
 */
public final class Report {

    /** A row of the main table. */
    public enum Row {
        HANDOFF_1("handoff-1", "queue handoff, capacity 1", "items/s", true),
        HANDOFF_1024("handoff-1024", "queue handoff, capacity 1024", "items/s", true),
        LOCK("lock", "lock contention, 100 tasks × 2,000", "acquisitions/s", true),
        LOCK_YIELD("lock-yield", "lock contention, sleep(0) inside", "acquisitions/s", true),
        FANOUT_CREATE("fanout-create", "event fan-out: create the waiters", "ns per waiter", false),
        FANOUT_WAKE("fanout-wake", "event fan-out: set() to all resumed", "ns per waiter", false),
        PINGPONG("pingpong", "condition ping-pong", "round trips/s", true),
        YIELDS("yields", "1,000,000 × sleep(0) in one task", "yields/s", true),
        SPAWN("spawn", "spawn and complete 1,000,000 tasks", "tasks/s", true),
        MEMORY_LOCK("memory-lock", "heap per task blocked on a lock", "bytes", false),
        MEMORY_EVENT("memory-event", "heap per task blocked on an event", "bytes", false),
        MEMORY_QUEUE("memory-queue", "heap per task blocked on a queue", "bytes", false);

        public final String key;
        final String title;
        final String unit;
        final boolean higherIsBetter;

        Row(String key, String title, String unit, boolean higherIsBetter) {
            this.key = key;
            this.title = title;
            this.unit = unit;
            this.higherIsBetter = higherIsBetter;
        }

        public static Row of(String key) {
            for (Row row : values()) {
                if (row.key.equals(key)) {
                    return row;
                }
            }
            throw new IllegalArgumentException("no row " + key);
        }

        boolean isThroughput() {
            return unit.endsWith("/s");
        }

        boolean isMemory() {
            return unit.equals("bytes");
        }

        boolean isHandoff() {
            return this == HANDOFF_1 || this == HANDOFF_1024;
        }
    }

    /** Baton measured on the virtual threads' JDK, the reference for their ratios. */
    public static final String BATON_25 = "baton@25";

    /** The columns, in order. */
    static final List<String> COLUMNS = List.of(Systems.BATON, BATON_25, Systems.KOTLINX,
            Systems.ASYNCIO, Systems.THREADS, Systems.THREADS_FAIR, Systems.VTHREADS,
            Systems.VTHREADS_FAIR, Systems.FLOOR);

    private static final Map<String, String> HEADERS = Map.of(
            Systems.BATON, "Baton", BATON_25, "Baton (JDK 25)", Systems.KOTLINX, "kotlinx",
            Systems.ASYNCIO, "asyncio", Systems.THREADS, "threads",
            Systems.THREADS_FAIR, "threads, fair lock", Systems.VTHREADS, "virtual threads",
            Systems.VTHREADS_FAIR, "virtual threads, fair lock", Systems.FLOOR, "floor");

    /** A fast path's time and allocation per operation. */
    public static final class FastPath {
        final double nanos;
        final double bytes;

        public FastPath(double nanos, double bytes) {
            this.nanos = nanos;
            this.bytes = bytes;
        }
    }

    private final Map<Row, Map<String, double[]>> values = new LinkedHashMap<>();
    private final Map<Row, Map<String, Double>> allocation = new LinkedHashMap<>();
    private final Map<String, FastPath> fastPaths = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String method = "";

    /** Records the values (one per repetition or iteration) of a row for a column. */
    public void put(Row row, String column, double[] perRepetition) {
        values.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(column, perRepetition.clone());
    }

    /** Records the bytes a system allocated per item of a throughput row (JMH -prof gc). */
    public void putAllocation(Row row, String column, double bytesPerItem) {
        allocation.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(column, bytesPerItem);
    }

    public void putFastPath(String path, FastPath measured) {
        fastPaths.put(path, measured);
    }

    public void environment(String what, String value) {
        environment.put(what, value);
    }

    public void note(String note) {
        notes.add(note);
    }

    public void method(String method) {
        this.method = method;
    }

    /** The median of a row's column, or NaN if not measured. */
    public double median(Row row, String column) {
        double[] v = values.getOrDefault(row, Map.of()).get(column);
        return v == null || v.length == 0 ? Double.NaN : median(v);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The column a peer is compared with: Baton on the same JDK. */
    static String referenceFor(String column, boolean have25) {
        return have25 && Systems.isVirtual(column) ? BATON_25 : Systems.BATON;
    }

    /** Baton's advantage over {@code column} on {@code row}: above 1, Baton is better. */
    public double ratio(Row row, String column) {
        double peer = median(row, column);
        double baton = median(row, referenceFor(column, !Double.isNaN(median(row, BATON_25))));
        if (Double.isNaN(peer) || Double.isNaN(baton) || peer <= 0 || baton <= 0) {
            return Double.NaN;
        }
        return row.higherIsBetter ? baton / peer : peer / baton;
    }

    // ---- the markdown ----

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Baton side by side with CPython asyncio, java.util.concurrent on platform and on"
                + " virtual threads, and kotlinx.coroutines, all measured in one run by"
                + " `benchmarks/run` (the module `benchmarks/`; see the README). ");
        md.append("**The machine is shared and noisy: compare the ratios within this run, never"
                + " absolute numbers across runs.**\n\n");
        md.append(method).append("\n\n");
        table(md);
        allocationTable(md);
        fastPathTable(md);
        targets(md);
        md.append("## Machine\n\n");
        for (Map.Entry<String, String> e : environment.entrySet()) {
            md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            for (String note : notes) {
                md.append("- ").append(note).append('\n');
            }
        }
        return md.toString();
    }

    private List<String> presentColumns() {
        List<String> present = new ArrayList<>();
        for (String column : COLUMNS) {
            for (Map<String, double[]> row : values.values()) {
                if (row.containsKey(column)) {
                    present.add(column);
                    break;
                }
            }
        }
        return present;
    }

    private void table(StringBuilder md) {
        List<String> columns = presentColumns();
        md.append("## Scenarios\n\n");
        md.append("Medians. In each peer's cell, **×N** is Baton's advantage: Baton's rate ÷ the"
                + " peer's, or the peer's time or bytes ÷ Baton's; above ×1 Baton is ahead."
                + " Virtual threads are compared with Baton run on the same JDK 25.\n\n");
        md.append("| scenario | unit |");
        for (String column : columns) {
            md.append(' ').append(HEADERS.get(column)).append(" |");
        }
        md.append("\n|---|---|");
        md.append("---:|".repeat(columns.size()));
        md.append('\n');
        for (Row row : Row.values()) {
            if (!values.containsKey(row)) {
                continue;
            }
            md.append("| ").append(row.title).append(" | ").append(row.unit).append(" |");
            for (String column : columns) {
                double median = median(row, column);
                md.append(' ');
                if (Double.isNaN(median)) {
                    md.append('—');
                } else {
                    md.append(format(median, row));
                    if (!column.equals(Systems.BATON) && !column.equals(BATON_25)) {
                        double ratio = ratio(row, column);
                        if (!Double.isNaN(ratio)) {
                            md.append(" (**×").append(ratio(ratio)).append("**)");
                        }
                    }
                }
                md.append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void allocationTable(StringBuilder md) {
        if (allocation.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>();
        for (String column : COLUMNS) {
            for (Map<String, Double> row : allocation.values()) {
                if (row.containsKey(column)) {
                    columns.add(column);
                    break;
                }
            }
        }
        md.append("### Heap allocated per item (JMH `-prof gc`)\n\n");
        md.append("| scenario |");
        for (String column : columns) {
            md.append(' ').append(HEADERS.get(column)).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(columns.size())).append('\n');
        for (Map.Entry<Row, Map<String, Double>> e : allocation.entrySet()) {
            md.append("| ").append(e.getKey().title).append(" |");
            for (String column : columns) {
                Double bytes = e.getValue().get(column);
                md.append(' ').append(bytes == null ? "—" : String.format(Locale.ROOT, "%.1f B", bytes))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void fastPathTable(StringBuilder md) {
        if (fastPaths.isEmpty()) {
            return;
        }
        md.append("## Baton's uncontended fast paths\n\n");
        md.append("One task does each operation ").append(String.format(Locale.ROOT, "%,d", Sizes.FAST_PATH_OPS))
                .append(" times, written as a template (`FastPaths`); `-prof gc`'s"
                        + " `gc.alloc.rate.norm` per operation. `baseline` is the same task with no"
                        + " await (the harness: a task and its loop run); `guarded-call` is not a"
                        + " primitive's fast path but a call of a `@Guarded` method on a free lock,"
                        + " which makes the method's coroutine object.\n\n");
        md.append("| fast path | ns/op | B/op |\n|---|---:|---:|\n");
        for (Map.Entry<String, FastPath> e : fastPaths.entrySet()) {
            md.append("| ").append(e.getKey()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", e.getValue().nanos)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.4f", e.getValue().bytes)).append(" |\n");
        }
        md.append('\n');
    }

    private void targets(StringBuilder md) {
        md.append("## Targets (issue 6)\n\n| target | measured | met |\n|---|---|---|\n");
        boolean have25 = values.values().stream().anyMatch(m -> m.containsKey(BATON_25));
        worst(md, "Baton ≥ 1.0× kotlinx.coroutines on every scenario (stretch 1.5×)",
                Systems.KOTLINX, row -> true, 1.0, 1.5);
        worst(md, "Baton ≥ 50× CPython asyncio on every throughput scenario",
                Systems.ASYNCIO, Row::isThroughput, 50, Double.NaN);
        worst(md, "Baton ≥ 3× virtual threads on the handoffs"
                + (have25 ? " (Baton on JDK 25 too)" : ""), Systems.VTHREADS, Row::isHandoff, 3, Double.NaN);
        // memory
        StringBuilder measured = new StringBuilder();
        boolean met = true;
        boolean any = false;
        for (Row row : Row.values()) {
            if (!row.isMemory()) {
                continue;
            }
            double bytes = median(row, Systems.BATON);
            if (Double.isNaN(bytes)) {
                continue;
            }
            any = true;
            met &= bytes <= 100;
            measured.append(measured.length() == 0 ? "" : ", ")
                    .append(row.key.substring("memory-".length())).append(' ')
                    .append(String.format(Locale.ROOT, "%.0f B", bytes));
        }
        targetRow(md, "≤ 100 bytes per blocked coroutine", any ? measured.toString() : null, met);
        // fast paths
        measured.setLength(0);
        met = true;
        any = false;
        for (Map.Entry<String, FastPath> e : fastPaths.entrySet()) {
            if (e.getKey().equals("baseline") || e.getKey().equals("guarded-call")) {
                continue;
            }
            any = true;
            met &= e.getValue().bytes < 0.01;
            measured.append(measured.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%.4f", e.getValue().bytes));
        }
        targetRow(md, "0 B/op on the uncontended fast paths (below 0.01 B/op: the harness's own"
                + " task, spread over the operations)", any ? measured + " B/op" : null, met);
        // floor
        measured.setLength(0);
        met = true;
        any = false;
        for (Row row : new Row[] {Row.HANDOFF_1, Row.HANDOFF_1024}) {
            double floor = median(row, Systems.FLOOR);
            double baton = median(row, Systems.BATON);
            if (Double.isNaN(floor) || Double.isNaN(baton)) {
                continue;
            }
            any = true;
            double slower = floor / baton;
            met &= slower <= 5;
            measured.append(measured.length() == 0 ? "" : ", ").append(row.key).append(": ")
                    .append(ratio(slower)).append("× the floor's time");
        }
        targetRow(md, "within 5× of the floor on the handoffs", any ? measured.toString() : null, met);
        md.append('\n');
        capacityOneNote(md);
    }

    /**
     * Why the capacity-1 handoff stays far from the floor: what each item costs Baton there,
     * and in task switches, which the floor does not make.
     */
    private void capacityOneNote(StringBuilder md) {
        double rate = median(Row.HANDOFF_1, Systems.BATON);
        if (Double.isNaN(rate)) {
            return;
        }
        double perItem = 1e9 / rate;
        md.append(String.format(Locale.ROOT, "At capacity 1 every item blocks the producer in"
                + " `put` and the consumer in `get`, as asyncio's queue does: each item costs two"
                + " task switches through the ready queue (here %.0f ns per item, so about %.0f ns"
                + " per switch, the blocking and waking included), which the floor, one loop over"
                + " an `ArrayDeque`, never makes. No scheduler that keeps asyncio's order can come"
                + " within 5× of it there; the capacity-1024 handoff measures the queue itself.%n%n",
                perItem, perItem / 2));
    }

    private void worst(StringBuilder md, String target, String peer, Predicate<Row> rows,
            double goal, double stretch) {
        double worst = Double.POSITIVE_INFINITY;
        Row worstRow = null;
        for (Row row : Row.values()) {
            if (!rows.test(row)) {
                continue;
            }
            double ratio = ratio(row, peer);
            if (!Double.isNaN(ratio) && ratio < worst) {
                worst = ratio;
                worstRow = row;
            }
        }
        if (worstRow == null) {
            targetRow(md, target, null, false);
            return;
        }
        String measured = "lowest ×" + ratio(worst) + " (" + worstRow.title + ")";
        boolean met = worst >= goal;
        if (!Double.isNaN(stretch)) {
            measured += worst >= stretch ? "; stretch met" : "; stretch not met";
        }
        targetRow(md, target, measured, met);
    }

    private static void targetRow(StringBuilder md, String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ")
                .append(measured == null ? "not measured" : measured).append(" | ")
                .append(measured == null ? "—" : met ? "yes" : "**no**").append(" |\n");
    }

    static String ratio(double ratio) {
        if (ratio >= 100) {
            return String.format(Locale.ROOT, "%.0f", ratio);
        }
        if (ratio >= 10) {
            return String.format(Locale.ROOT, "%.1f", ratio);
        }
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    static String format(double value, Row row) {
        if (row.isMemory()) {
            return String.format(Locale.ROOT, "%.0f B", value);
        }
        if (!row.isThroughput()) {
            return value >= 100 ? String.format(Locale.ROOT, "%.0f ns", value)
                    : String.format(Locale.ROOT, "%.1f ns", value);
        }
        String[] prefixes = {"", " k", " M", " G"};
        int p = 0;
        double v = value;
        while (v >= 1000 && p < prefixes.length - 1) {
            v /= 1000;
            p++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f%s" : v >= 10 ? "%.1f%s" : "%.2f%s", v, prefixes[p]);
    }
}
