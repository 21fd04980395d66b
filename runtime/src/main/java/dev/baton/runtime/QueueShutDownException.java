package dev.baton.runtime;

/**
 * asyncio.QueueShutDown: a put on a queue that was shut down, or a get on one that was shut down and is empty.
 */
public class QueueShutDownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception without a message. */
    public QueueShutDownException() {
        super();
    }

    /**
     * An exception with asyncio's message.
     *
     * @param message the message
     */
    public QueueShutDownException(String message) {
        super(message);
    }
}
