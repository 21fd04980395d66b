package dev.baton.benchmarks;

/** Checks a scenario's checksum, so a broken body fails the run instead of timing nothing. */
public final class Check {
    private Check() {}

    /** Returns {@code actual} if it equals {@code expected}, else throws naming {@code who}. */
    public static long equal(long actual, long expected, Object who) {
        if (actual != expected) {
            throw new IllegalStateException(who + ": expected " + expected + ", got " + actual);
        }
        return actual;
    }
}
