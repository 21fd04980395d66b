package dev.baton.netty;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/** A listening socket of a {@link LoopGroup}: see {@link LoopGroup#listen}. */
public final class Server implements AutoCloseable {
    private final Channel channel;

    Server(Channel channel) {
        this.channel = channel;
    }

    /**
     * The port it listens on (the one chosen when it was asked for port 0).
     *
     * @return the port
     */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops accepting connections; those accepted already go on. Waits until the socket is closed. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }

    /**
     * Whether it still accepts connections.
     *
     * @return whether its socket is open
     */
    public boolean isOpen() {
        return channel.isOpen();
    }

    Channel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return "Server[" + channel.localAddress() + (channel.isOpen() ? "" : ", closed") + "]";
    }
}
