package dev.baton.runtime;

/**
 * asyncio.QueueFull: {@link Queue#putNowait(Object)} on a full queue.
 */
public class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception without a message. */
    public QueueFullException() {
        super();
    }

    /**
     * An exception with asyncio's message.
     *
     * @param message the message
     */
    public QueueFullException(String message) {
        super(message);
    }
}
