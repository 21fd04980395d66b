package dev.baton.benchmarks;

import dev.baton.benchmarks.Contender.Blocker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * The scenarios JMH cannot time, run in a fresh JVM per system by {@link RunAll}: the two
 * phases of the event fan-out (creating the waiters, then set to all resumed) and the heap
 * held by blocked tasks (heap after GC with them blocked, minus before, per task; run it
 * with {@code -XX:+UseSerialGC} so that "used after GC" is exact).
 *
 * <pre>
 * java -cp benchmarks.jar dev.baton.benchmarks.Phases fanout SYSTEM WAITERS WARMUPS REPS
 * java -XX:+UseSerialGC -cp benchmarks.jar dev.baton.benchmarks.Phases memory SYSTEM lock|event|queue COUNT REPS
 * </pre>
 *
 * Prints {@code RESULT key value...}, a value per repetition: nanoseconds per waiter for
 * {@code fanout-create} and {@code fanout-wake}, bytes per blocked task for {@code memory-KIND}.
 */
public final class Phases {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Phases() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: Phases fanout|memory ...");
        }
        switch (args[0]) {
            case "fanout": {
                Contender contender = Systems.create(args[1]);
                int waiters = Integer.parseInt(args[2]);
                int warmups = Integer.parseInt(args[3]);
                int reps = Integer.parseInt(args[4]);
                double[][] perWaiter = fanOut(contender, waiters, warmups, reps);
                print("fanout-create", perWaiter[0]);
                print("fanout-wake", perWaiter[1]);
                break;
            }
            case "memory": {
                Contender contender = Systems.create(args[1]);
                Blocker on = Blocker.valueOf(args[2].toUpperCase(Locale.ROOT));
                int count = Integer.parseInt(args[3]);
                int reps = Integer.parseInt(args[4]);
                double[] bytes = new double[reps];
                blockedBytes(contender, on, Math.max(1, count / 10)); // load and initialise classes
                for (int r = 0; r < reps; r++) {
                    bytes[r] = blockedBytes(contender, on, count);
                }
                print("memory-" + args[2], bytes);
                break;
            }
            default:
                throw new IllegalArgumentException("unknown phase scenario " + args[0]);
        }
    }

    /** Per repetition: {create ns per waiter[], wake ns per waiter[]}. */
    public static double[][] fanOut(Contender contender, int waiters, int warmups, int reps)
            throws Exception {
        for (int w = 0; w < warmups; w++) {
            contender.fanOut(waiters);
        }
        double[][] perWaiter = new double[2][reps];
        for (int r = 0; r < reps; r++) {
            long[] nanos = contender.fanOut(waiters);
            perWaiter[0][r] = (double) nanos[0] / waiters;
            perWaiter[1][r] = (double) nanos[1] / waiters;
        }
        return perWaiter;
    }

    /** Heap held per blocked task: used after GC while {@code count} are blocked, minus before. */
    public static double blockedBytes(Contender contender, Blocker on, int count) throws Exception {
        long before = usedAfterGc();
        long[] during = new long[1];
        long finished = contender.blocked(on, count, () -> during[0] = usedAfterGc());
        Check.equal(finished, count, contender);
        return (double) (during[0] - before) / count;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static void print(String key, double[] values) {
        StringBuilder line = new StringBuilder("RESULT ").append(key);
        for (double v : values) {
            line.append(' ').append(String.format(Locale.ROOT, "%.6g", v));
        }
        System.out.println(line);
    }
}
