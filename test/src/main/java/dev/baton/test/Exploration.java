package dev.baton.test;

import dev.baton.runtime.internal.LoopDriver;

/**
 * The exploration run in progress on this thread, if any: {@link TestLoop}s made during an
 * {@link Explore} run (and so {@link BatonTesting#runTest}) take its perturbation.
 */
final class Exploration {
    private static final ThreadLocal<Exploration> CURRENT = new ThreadLocal<>();

    final SeededPerturbation perturbation;
    int loopsMade;

    private Exploration(SeededPerturbation perturbation) {
        this.perturbation = perturbation;
    }

    /** The perturbation for a loop made now (counted), or null outside an exploration run. */
    static LoopDriver.Perturbation forNewLoop() {
        Exploration run = CURRENT.get();
        if (run == null) {
            return null;
        }
        run.loopsMade++;
        return run.perturbation;
    }

    /** A body run under one seed; may throw anything. */
    interface Body {
        void run() throws Throwable;
    }

    /**
     * Runs {@code body} {@code runs} times, run {@code i} with {@link SeededPerturbation#runSeed};
     * the first failure stops it, with the run and its seed in the message.
     */
    static void explore(int runs, long seed, double jitter, Body body) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        if (CURRENT.get() != null) {
            throw new IllegalStateException("an exploration is running on this thread already: explorations do not nest");
        }
        for (int i = 0; i < runs; i++) {
            long runSeed = SeededPerturbation.runSeed(seed, i);
            Exploration run = new Exploration(new SeededPerturbation(runSeed, jitter));
            CURRENT.set(run);
            try {
                body.run();
            } catch (Throwable failure) {
                if (failure instanceof VirtualMachineError) {
                    throw (VirtualMachineError) failure;
                }
                // the first line is the contract; the second says what failed, for summaries
                // that show no cause
                throw new AssertionError(failureMessage(i + 1, runs, runSeed) + "\n" + failure, failure);
            } finally {
                CURRENT.remove();
            }
            if (run.loopsMade == 0) {
                throw new IllegalStateException("run " + (i + 1) + " of " + runs + " made no TestLoop and called no"
                        + " runTest: there was no schedule to explore (call BatonTesting.runTest in the test)");
            }
        }
    }

    /** {@code failed on run 37 of 100 (seed 0x...); replay with @Explore(seed = 0x...L)}. */
    static String failureMessage(int run, int runs, long seed) {
        String hex = String.format("0x%016x", seed);
        return "failed on run " + run + " of " + runs + " (seed " + hex + "); replay with @Explore(seed = " + hex + "L)";
    }
}
