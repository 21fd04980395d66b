package dev.baton.runtime;

/**
 * asyncio.CancelledError: raised at the await where a task is cancelled. It extends {@link Error}, not {@link Exception}, so that {@code catch (Exception e)} does not swallow cancellation (asyncio made CancelledError a BaseException for the same reason). Catch it only to clean up, then rethrow it.
 */
public class CancelledException extends Error {
    private static final long serialVersionUID = 1L;

    /** An exception without a message. */
    public CancelledException() {
        super();
    }

    /**
     * An exception with asyncio's message.
     *
     * @param message the message
     */
    public CancelledException(String message) {
        super(message);
    }
}
