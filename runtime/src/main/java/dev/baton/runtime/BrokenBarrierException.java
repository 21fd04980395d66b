package dev.baton.runtime;

/**
 * asyncio.BrokenBarrierError: the {@link Barrier} was reset or aborted while a task waited on it, or is broken.
 */
public class BrokenBarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception without a message. */
    public BrokenBarrierException() {
        super();
    }

    /**
     * An exception with asyncio's message.
     *
     * @param message the message
     */
    public BrokenBarrierException(String message) {
        super(message);
    }
}
