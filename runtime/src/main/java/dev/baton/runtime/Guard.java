package dev.baton.runtime;

/**
 * Something {@code async with} can hold: a {@link Lock}, {@link Condition}, {@link Semaphore}
 * or {@link BoundedSemaphore}.
 *
 * <p>{@code @Guarded("name")} compiles to exactly this protocol, as asyncio's
 * {@code __aenter__}/{@code __aexit__} do: await {@link #acquire()}, run the body, and call
 * {@link #release()} in a {@code finally} on every exit (return, exception, cancellation).
 * If {@code acquire()} itself fails (for instance because the task was cancelled while it
 * waited), nothing was acquired and {@code release()} is not called.
 *
 * <pre>{@code
 * await(guard.acquire());
 * try {
 *     // critical section
 * } finally {
 *     guard.release();
 * }
 * }</pre>
 */
public interface Guard {

    /**
     * Acquires the guard, waiting if need be; the awaitable yields {@code true}, as asyncio's
     * {@code acquire()} returns {@code True}. Cold: nothing happens until it is awaited.
     *
     * @return an awaitable yielding {@code true} once the guard is held
     */
    Awaitable<Boolean> acquire();

    /** Releases the guard; {@link IllegalStateException} if that is misuse for this guard. */
    void release();

    /**
     * Whether {@link #acquire()} would have to wait now.
     *
     * @return whether acquiring would wait
     */
    boolean locked();
}
