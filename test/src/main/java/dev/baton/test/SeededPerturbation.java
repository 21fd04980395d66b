package dev.baton.test;

import dev.baton.runtime.internal.LoopDriver;

/**
 * One exploration run's perturbation: every draw is a pure function of the seed and the
 * timer's (or foreign future's) number on its loop, so the same seed replays the same run.
 */
final class SeededPerturbation implements LoopDriver.Perturbation {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    final long seed;
    final double jitter;

    SeededPerturbation(long seed, double jitter) {
        if (!(jitter >= 0) || Double.isInfinite(jitter)) {
            throw new IllegalArgumentException("jitter must be a finite number of seconds >= 0, got " + jitter);
        }
        this.seed = seed;
        this.jitter = jitter;
    }

    @Override
    public double timerLateness(long sequence) {
        return jitter * unit(mix64(seed ^ mix64(sequence * 2 + 1)));
    }

    @Override
    public double foreignDelay(long n) {
        return jitter * unit(mix64(seed ^ mix64(n * 2 + 2)));
    }

    /**
     * The seed of run {@code index} (from 0) of an exploration that starts at {@code seed}:
     * run 0 uses the seed itself, so a reported seed replays its run as run 0.
     */
    static long runSeed(long seed, int index) {
        if (index == 0) {
            return seed;
        }
        long derived = mix64(seed + index * GOLDEN_GAMMA);
        return derived != Explore.NEW_SEED ? derived : GOLDEN_GAMMA; // a reported seed must replay
    }

    /** SplittableRandom's finalizer (Stafford's mix 13): neighbouring inputs, unrelated outputs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A double in [0, 1) from the top 53 bits. */
    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
