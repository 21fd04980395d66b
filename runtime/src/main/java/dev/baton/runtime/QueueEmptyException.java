package dev.baton.runtime;

/**
 * asyncio.QueueEmpty: {@link Queue#getNowait()} on an empty queue.
 */
public class QueueEmptyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception without a message. */
    public QueueEmptyException() {
        super();
    }

    /**
     * An exception with asyncio's message.
     *
     * @param message the message
     */
    public QueueEmptyException(String message) {
        super(message);
    }
}
