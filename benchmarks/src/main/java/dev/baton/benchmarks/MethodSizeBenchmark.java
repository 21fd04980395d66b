package dev.baton.benchmarks;

import dev.baton.benchmarks.baton.MethodSizeRunner;
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
 * The cost of one await in coroutine methods of 10, 100 and 1,000 awaits (issue 10's shape,
 * {@link dev.baton.benchmarks.baton.MethodSizes}): a big method is split into methods small
 * enough for the JIT, so an await costs about the same in each (target: 1,000 within 1.5× of
 * 10). One invocation runs 1,000 awaits in one task; the time of each invocation is sampled,
 * and the median per await is the figure (on a shared machine, a mean also counts the time the
 * thread waited for a core). Not part of {@code benchmarks/run}; run it on its own:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main MethodSizeBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(MethodSizeRunner.AWAITS_PER_RUN)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
public class MethodSizeBenchmark {
    @Param({"10", "100", "1000"})
    public int awaits;

    private MethodSizeRunner runner;

    @Setup
    public void setUp() {
        runner = new MethodSizeRunner(awaits);
    }

    @TearDown
    public void tearDown() {
        runner.close();
    }

    @Benchmark
    public long run() {
        return runner.run();
    }
}
