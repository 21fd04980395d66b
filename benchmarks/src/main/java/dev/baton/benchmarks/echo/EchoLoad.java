package dev.baton.benchmarks.echo;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The load generator, the same for every server: plain Netty on one NIO thread (the least CPU
 * a client can take), {@code connections} connections each sending {@code messages} small lines
 * and waiting for each echo before the next. Every echo is checked.
 */
public final class EchoLoad implements AutoCloseable {
    private final MultiThreadIoEventLoopGroup group =
            new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("echo-load"), NioIoHandler.newFactory());

    /** Runs the load against {@code 127.0.0.1:port}; the nanoseconds from the first send to the last echo. */
    public long run(int port, int connections, int messages) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(connections);
        CountDownLatch finished = new CountDownLatch(connections);
        List<Client> clients = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true);
        for (int c = 0; c < connections; c++) {
            Client client = new Client(c, messages, connected, finished);
            clients.add(client);
            channels.add(bootstrap.handler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel channel) {
                    channel.pipeline().addLast(client);
                }
            }).connect("127.0.0.1", port).syncUninterruptibly().channel());
        }
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("connections not established");
        }
        long start = System.nanoTime();
        for (Channel channel : channels) {
            channel.eventLoop().execute(() -> clients.get(channels.indexOf(channel)).send(channel));
        }
        if (!finished.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the echoes did not all come back");
        }
        long elapsed = System.nanoTime() - start;
        for (Channel channel : channels) {
            channel.close().syncUninterruptibly();
        }
        for (Client client : clients) {
            if (client.failure != null) {
                throw new IllegalStateException("a wrong echo: " + client.failure);
            }
        }
        return elapsed;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One connection: sends a line, checks its echo, sends the next. */
    private static final class Client extends ChannelInboundHandlerAdapter {
        private final int id;
        private final int messages;
        private final CountDownLatch connected;
        private final CountDownLatch finished;
        private int sent;
        private final StringBuilder received = new StringBuilder();
        String failure;

        Client(int id, int messages, CountDownLatch connected, CountDownLatch finished) {
            this.id = id;
            this.messages = messages;
            this.connected = connected;
            this.finished = finished;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            connected.countDown();
        }

        void send(Channel channel) {
            String line = "message " + sent++ + " from " + id + "\n";
            received.setLength(0);
            received.append(line);
            channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), line));
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            String text = in.toString(StandardCharsets.UTF_8);
            in.release();
            // received holds what we sent; the echo must match it, maybe in pieces
            String want = received.toString();
            if (!want.startsWith(text)) {
                failure = "sent " + want.strip() + ", got " + text.strip();
                finished.countDown();
                return;
            }
            received.delete(0, text.length());
            if (received.length() > 0) {
                return;
            }
            if (sent < messages) {
                send(ctx.channel());
            } else {
                finished.countDown();
            }
        }
    }
}
