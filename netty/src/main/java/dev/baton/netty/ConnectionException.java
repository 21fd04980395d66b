package dev.baton.netty;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A read or write on a {@link Connection} that cannot complete: the peer reset the connection,
 * or it was closed. The cause is Netty's {@link IOException} (such as a
 * {@code SocketException: Connection reset}, or a {@code ClosedChannelException}).
 */
public final class ConnectionException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception saying what failed, caused by Netty's.
     *
     * @param message what failed, and on which channel
     * @param cause the I/O exception beneath
     */
    public ConnectionException(String message, IOException cause) {
        super(message, cause);
    }
}
