package dev.baton.runtime;

/**
 * asyncio's {@code BoundedSemaphore}: a {@link Semaphore} that refuses to be released above
 * its initial value, which catches a release without a matching acquire.
 *
 * <p>Acquiring, waiting, fairness and cancellation are the {@link Semaphore}'s.
 * {@link #release()} throws {@link IllegalStateException} ("BoundedSemaphore released too many
 * times") when every permit is already free.
 *
 * <pre>{@code
 * final BoundedSemaphore pool = new BoundedSemaphore(2);
 *
 * @Guarded("pool")
 * Coroutine<Void> useConnection() { ...; return done(); }
 * }</pre>
 */
public final class BoundedSemaphore extends Semaphore {
    private final int bound;

    /** A bounded semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * A bounded semaphore with {@code value} permits, which is also its bound;
     * {@link IllegalArgumentException} if it is negative.
     *
     * @param value the result
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /**
     * Gives a permit back; {@link IllegalStateException} ("BoundedSemaphore released too many
     * times") if that would make more permits free than the initial value.
     */
    @Override
    public void release() {
        confine();
        if (value >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times");
        }
        super.release();
    }
}
