package dev.baton.runtime;

/**
 * asyncio.TimeoutError: an operation did not complete within its deadline
 * ({@link Baton#waitFor(Awaitable, double)}, {@link Baton#timeout(double, Awaitable)},
 * {@link Baton#timeoutAt(double, Awaitable)}). Those name the timeout and what was awaited in
 * the message, and their cause is the {@link CancelledException} the deadline delivered.
 */
public class TimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception without a message. */
    public TimeoutException() {
        super();
    }

    /**
     * An exception with asyncio's message.
     *
     * @param message the message
     */
    public TimeoutException(String message) {
        super(message);
    }
}
