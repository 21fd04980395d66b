package dev.baton.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 4: two tasks take turns through a condition variable, {@link Sizes#pingPongRounds} round trips.
 * The score is milliseconds per invocation; the report turns it into a rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class PingPongBenchmark {
    @Param({"baton", "kotlinx", "threads"})
    public String system;
    private Contender contender;
    private int items;

    @Setup
    public void setUp() {
        contender = Systems.create(system);
        items = Sizes.pingPongRounds(system);
    }

    @Benchmark
    public long run() throws Exception {
        return Check.equal(contender.pingPong(items), items, contender);
    }
}
