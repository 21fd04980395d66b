package dev.baton.benchmarks;

import dev.baton.benchmarks.baton.FastPathRunner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Baton's uncontended fast paths ({@link dev.baton.benchmarks.baton.FastPaths}), run with
 * {@code -prof gc}: time and bytes allocated per operation. One invocation is one task doing
 * {@link Sizes#FAST_PATH_OPS} operations on a loop kept across invocations, so the task's own
 * allocation is spread thin; {@code baseline} measures that harness alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(Sizes.FAST_PATH_OPS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class FastPathBenchmark {
    @Param({"baseline", "lock-acquire", "queue-get", "queue-put", "event-wait", "promise-await",
            "guarded-call"})
    public String path;

    private FastPathRunner runner;

    @Setup
    public void setUp() {
        runner = new FastPathRunner(path);
    }

    @TearDown
    public void tearDown() {
        runner.close();
    }

    @Benchmark
    public long run() {
        return runner.run(Sizes.FAST_PATH_OPS);
    }
}
