package dev.baton.benchmarks.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The floor: plain Netty, a {@code ChannelInboundHandler} that splits lines and writes each
 * back (Netty's idiom: write per line, flush per read), with no coroutine and no decoding.
 */
final class NettyEcho {
    private NettyEcho() {}

    static AutoCloseable start(int loops, EchoServer.PortSink port) {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(loops,
                new DefaultThreadFactory("netty-echo"), NioIoHandler.newFactory());
        Channel server = new ServerBootstrap()
                .group(group, group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new LineEcho());
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
        port.accept(((java.net.InetSocketAddress) server.localAddress()).getPort());
        return () -> {
            server.close().syncUninterruptibly();
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        };
    }

    /** Echoes each complete line; keeps a partial one for the next read. */
    static final class LineEcho extends ChannelInboundHandlerAdapter {
        private ByteBuf pending;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            if (pending != null) {
                ByteBuf joined = ctx.alloc().buffer(pending.readableBytes() + in.readableBytes());
                joined.writeBytes(pending).writeBytes(in);
                pending.release();
                in.release();
                pending = null;
                in = joined;
            }
            int newline;
            while ((newline = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n')) >= 0) {
                ctx.write(in.readRetainedSlice(newline + 1 - in.readerIndex()));
            }
            if (in.isReadable()) {
                pending = in;
            } else {
                in.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            if (pending != null) {
                pending.release();
                pending = null;
            }
        }
    }
}
