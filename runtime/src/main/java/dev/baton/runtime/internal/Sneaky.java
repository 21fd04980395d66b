package dev.baton.runtime.internal;

/** Rethrows any throwable, checked or not, as itself: failures are never wrapped. */
public final class Sneaky {
    private Sneaky() {}

    /** Throws {@code t}; declared to return so callers can write {@code throw rethrow(t)}. */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
