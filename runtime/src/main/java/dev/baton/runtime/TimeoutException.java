package dev.baton.runtime;

/**
 * asyncio.TimeoutError: an operation did not complete within its deadline ({@link Baton#waitFor(Awaitable, double)}).
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
