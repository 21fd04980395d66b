package dev.baton.runtime;

/**
 * asyncio.TimeoutError: an operation did not complete within its deadline ({@link Baton#waitFor(Awaitable, double)}).
 */
public class TimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TimeoutException() {
        super();
    }

    public TimeoutException(String message) {
        super(message);
    }
}
