package dev.baton.netty;

/**
 * A line or delimited frame longer than the connection's maximum: raised by the read that
 * found it, which also closed the connection (buffering the frame would have no bound).
 */
public final class FrameTooLongException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception saying which frame was too long, and from where.
     *
     * @param message the limit, the peer, and that the connection was closed
     */
    public FrameTooLongException(String message) {
        super(message);
    }
}
