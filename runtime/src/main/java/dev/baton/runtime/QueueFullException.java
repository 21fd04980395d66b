package dev.baton.runtime;

/**
 * asyncio.QueueFull: {@link Queue#putNowait(Object)} on a full queue.
 */
public class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueFullException() {
        super();
    }

    public QueueFullException(String message) {
        super(message);
    }
}
