package dev.baton.benchmarks.baton;

import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;

/**
 * Runs the methods of {@link MethodSizes} (issue 10's shape with 10, 100 or 1,000 awaits) in
 * one task, on a loop that lives across runs: {@link #AWAITS_PER_RUN} awaits per run, so that
 * the time of a run divided by it is the cost of one await whatever the method's size.
 */
public final class MethodSizeRunner implements AutoCloseable {
    /** Awaits per run: the 10-await method runs 100 times, the 1,000-await one once. */
    public static final int AWAITS_PER_RUN = 1_000;

    private final EventLoop loop = new EventLoop();
    private final Baton_MethodSizes methods = new Baton_MethodSizes();
    private final int awaits;

    public MethodSizeRunner(int awaits) {
        if (awaits != 10 && awaits != 100 && awaits != 1_000) {
            throw new IllegalArgumentException("no method of " + awaits + " awaits; known: 10, 100, 1000");
        }
        this.awaits = awaits;
    }

    /** Runs the method until {@link #AWAITS_PER_RUN} awaits ran; returns a digest of the results. */
    public long run() {
        long digest = 0;
        for (int i = 0; i < AWAITS_PER_RUN / awaits; i++) {
            digest += loop.runUntilComplete(method()).length();
        }
        return digest;
    }

    private Coroutine<String> method() {
        switch (awaits) {
            case 10:
                return methods.awaits10();
            case 100:
                return methods.awaits100();
            default:
                return methods.awaits1000();
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
