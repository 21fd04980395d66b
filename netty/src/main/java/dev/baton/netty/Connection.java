package dev.baton.netty;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;

import dev.baton.Async;
import dev.baton.runtime.Awaitable;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Event;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Promise;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * A TCP connection as coroutines, on the loop of its channel: the task that uses it and the
 * channel's I/O share one thread. Obtained from {@link LoopGroup#listen} (one handler task per
 * accepted connection) or {@link LoopGroup#connect}; all its methods are called from that loop.
 *
 * <pre>{@code
 * String line;
 * while ((line = await(conn.readLine())) != null) {     // null at end of stream
 *     await(conn.write(line + "\n"));                     // resumes once flushed
 * }
 * }</pre>
 *
 * <p><b>Reads</b> ({@link #readLine()}, {@link #readFrame(byte[])}, {@link #readBytes(int)})
 * take what arrived and wait for more only when it holds no complete frame; one task reads at a
 * time. A read cancelled while it waits (by {@code waitFor}'s timeout, say) loses nothing: the
 * bytes stay buffered for the next read. At most about {@link #bufferLimit()} bytes are
 * buffered: then Netty stops reading from the socket until a read takes them. A line or frame
 * longer than the connection's maximum raises {@link FrameTooLongException} at the read and
 * closes the connection.
 *
 * <p><b>Writes</b> are made at once and return what to await: it completes once Netty has
 * flushed the bytes to the socket. While the channel is not writable (its outbound buffer is
 * over Netty's high-water mark because the peer does not read), a write waits, in order, before
 * it is even handed to Netty; so a writer that awaits its writes never buffers more than that.
 * A write whose task is cancelled while it waits is dropped whole. A write that nobody awaits
 * (last words to a client, say) fails in silence, as asyncio's {@code StreamWriter.write} does:
 * its failure is not reported as never retrieved, since the connection's reads tell the same
 * story (see Errors).
 *
 * <p><b>Errors</b>: when the peer resets the connection, the pending read and the pending
 * writes raise {@link ConnectionException}, as does any later read or write. After an orderly
 * end of stream, reads return what is left and then {@code null}.
 */
public abstract class Connection {
    /** What a write that Netty flushed at once returns: complete, and shared (the common case allocates nothing). */
    private static final Awaitable<Void> FLUSHED = machine -> null;

    private final Channel channel;
    private final EventLoop loop;
    private final int maxFrameLength;
    private final int bufferLimit;

    /** What arrived and no read took yet. */
    private ByteBuf buffer = Unpooled.EMPTY_BUFFER;
    boolean endOfStream;
    /** Raised by every read and write once set: a reset, a too-long frame. */
    private RuntimeException failure;
    /**
     * Set when bytes, the end of stream or a failure arrive; the reader with no complete frame
     * clears it and waits for it. An event rather than a promise per wait: waiting allocates nothing.
     */
    private final Event arrived = new Event();
    /** Whether a task waits in {@link #moreData()}: one reader at a time. */
    boolean readerWaiting;
    /** Writes waiting for the channel to become writable, in order. */
    private final ArrayDeque<BlockedWrite> blocked = new ArrayDeque<>();

    Connection(Channel channel, EventLoop loop, int maxFrameLength) {
        if (maxFrameLength < 1) {
            throw new IllegalArgumentException("maxFrameLength must be positive, got " + maxFrameLength);
        }
        this.channel = channel;
        this.loop = loop;
        this.maxFrameLength = maxFrameLength;
        // a maximal line with its \r\n fits, and reads of small frames still come in batches
        this.bufferLimit = Math.max(maxFrameLength + 2, 64 * 1024);
        channel.pipeline().addLast(new Inbound());
    }

    // ---- reads ----

    /**
     * The next line, without its {@code \n} or {@code \r\n}, decoded as UTF-8; at the end of
     * the stream, the unterminated rest if any, then {@code null}.
     *
     * @return the line, or {@code null} at the end of the stream
     */
    @Async
    public Coroutine<String> readLine() {
        while (true) {
            String line = takeLine();
            if (line != null || endOfStream) {
                return done(line);
            }
            Awaitable<Boolean> more = moreData(); // raises, outside the try, if another task waits
            try {
                await(more);
            } finally {
                readerWaiting = false;
            }
        }
    }

    /**
     * The bytes up to the next {@code delimiter}, without it; at the end of the stream, the
     * undelimited rest if any, then {@code null}.
     *
     * @param delimiter the bytes that end a frame (not empty)
     * @return the frame, or {@code null} at the end of the stream
     */
    @Async
    public Coroutine<byte[]> readFrame(byte[] delimiter) {
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("the delimiter is empty");
        }
        while (true) {
            byte[] frame = takeFrame(delimiter);
            if (frame != null || endOfStream) {
                return done(frame);
            }
            Awaitable<Boolean> more = moreData(); // raises, outside the try, if another task waits
            try {
                await(more);
            } finally {
                readerWaiting = false;
            }
        }
    }

    /**
     * Between 1 and {@code maxBytes} bytes, as soon as any arrived; {@code null} at the end of the stream.
     *
     * @param maxBytes the most bytes to return
     * @return the bytes, or {@code null} at the end of the stream
     */
    @Async
    public Coroutine<byte[]> readBytes(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        while (true) {
            byte[] bytes = takeBytes(maxBytes);
            if (bytes != null || endOfStream) {
                return done(bytes);
            }
            Awaitable<Boolean> more = moreData(); // raises, outside the try, if another task waits
            try {
                await(more);
            } finally {
                readerWaiting = false;
            }
        }
    }

    /** A line, or null if no complete one is buffered (before the end of the stream). */
    String takeLine() {
        checkReadable();
        int readable = buffer.readableBytes();
        int start = buffer.readerIndex();
        int newline = buffer.indexOf(start, start + Math.min(readable, maxFrameLength + 2), (byte) '\n');
        if (newline < 0) {
            if (readable >= maxFrameLength + 2 || (endOfStream && readable > maxFrameLength)) {
                throw tooLong("a line");
            }
            return endOfStream && readable > 0 ? take(readable, 0) : null;
        }
        int end = newline > start && buffer.getByte(newline - 1) == '\r' ? newline - 1 : newline;
        if (end - start > maxFrameLength) {
            throw tooLong("a line");
        }
        return take(end - start, newline + 1 - end);
    }

    private String take(int length, int skipAfter) {
        String text = buffer.toString(buffer.readerIndex(), length, StandardCharsets.UTF_8);
        buffer.skipBytes(length + skipAfter);
        consumed();
        return text;
    }

    byte[] takeFrame(byte[] delimiter) {
        checkReadable();
        int readable = buffer.readableBytes();
        int start = buffer.readerIndex();
        int scanEnd = start + Math.min(readable, maxFrameLength + delimiter.length);
        int found = -1;
        for (int i = buffer.indexOf(start, scanEnd, delimiter[0]); i >= 0;
                i = buffer.indexOf(i + 1, scanEnd, delimiter[0])) {
            if (i + delimiter.length > start + readable) {
                break; // the delimiter may still be arriving
            }
            if (matches(i, delimiter)) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            if (readable >= maxFrameLength + delimiter.length || (endOfStream && readable > maxFrameLength)) {
                throw tooLong("a frame");
            }
            return endOfStream && readable > 0 ? takeBytes(readable) : null;
        }
        if (found - start > maxFrameLength) {
            throw tooLong("a frame");
        }
        byte[] frame = new byte[found - start];
        buffer.readBytes(frame);
        buffer.skipBytes(delimiter.length);
        consumed();
        return frame;
    }

    private boolean matches(int at, byte[] delimiter) {
        for (int j = 1; j < delimiter.length; j++) {
            if (buffer.getByte(at + j) != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    byte[] takeBytes(int maxBytes) {
        checkReadable();
        int n = Math.min(maxBytes, buffer.readableBytes());
        if (n == 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        buffer.readBytes(bytes);
        consumed();
        return bytes;
    }

    private void checkReadable() {
        if (!channel.eventLoop().inEventLoop()) {
            throw foreignThread();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** After a read took bytes: frees the buffer, and lets Netty read again once it has room. */
    private void consumed() {
        if (!buffer.isReadable()) {
            buffer.release();
            buffer = Unpooled.EMPTY_BUFFER;
        }
        if (buffer.readableBytes() < bufferLimit / 2 && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    /**
     * What a reader with no complete frame awaits: the next bytes, the end of stream, or a
     * failure. The read clears {@link #readerWaiting} once the wait ends, however it ends.
     */
    Awaitable<Boolean> moreData() {
        if (readerWaiting) {
            throw new IllegalStateException("another task is already waiting to read from " + this);
        }
        readerWaiting = true;
        arrived.clear();
        return arrived.waitSet();
    }

    private void wakeReader() {
        arrived.set();
    }

    private FrameTooLongException tooLong(String what) {
        FrameTooLongException tooLong = new FrameTooLongException(what + " longer than " + maxFrameLength
                + " bytes (the connection's maximum frame length) from " + channel.remoteAddress()
                + ": the connection was closed");
        fail(tooLong);
        return tooLong;
    }

    // ---- writes ----

    /**
     * Writes {@code text} in UTF-8; await the result for backpressure (see the class comment).
     *
     * @param text what to write
     * @return what completes once the bytes are flushed
     */
    public Awaitable<Void> write(String text) {
        checkLoop();
        return write(ByteBufUtil.writeUtf8(channel.alloc(), text));
    }

    /**
     * Writes a copy of {@code bytes}.
     *
     * @param bytes what to write
     * @return what completes once the bytes are flushed
     */
    public Awaitable<Void> write(byte[] bytes) {
        checkLoop();
        return write(channel.alloc().buffer(bytes.length).writeBytes(bytes));
    }

    /**
     * Writes {@code data}, whose reference this takes over (it is released once written or dropped).
     *
     * @param data what to write
     * @return what completes once the bytes are flushed
     */
    public Awaitable<Void> write(ByteBuf data) {
        checkLoop();
        RuntimeException problem = failure != null ? failure : channel.isOpen() ? null : closed();
        if (problem != null) {
            data.release();
            Promise<Void> failed = loop.createPromise();
            failQuietly(failed, problem);
            return failed;
        }
        if (blocked.isEmpty() && channel.isWritable()) {
            ChannelFuture written = channel.writeAndFlush(data);
            if (written.isSuccess()) {
                return FLUSHED;
            }
            return whenWritten(written, loop.createPromise());
        }
        Promise<Void> promise = loop.createPromise();
        blocked.add(new BlockedWrite(data, promise));
        return promise;
    }

    private Promise<Void> whenWritten(ChannelFuture written, Promise<Void> promise) {
        written.addListener(f -> {
            if (promise.isDone()) {
                return; // its task was cancelled; the bytes went out (or failed) all the same
            }
            if (f.isSuccess()) {
                promise.setResult(null);
            } else {
                failQuietly(promise, failure != null ? failure : asConnectionException(f.cause()));
            }
        });
        return promise;
    }

    private void sendBlocked() {
        while (!blocked.isEmpty() && channel.isWritable()) {
            BlockedWrite write = blocked.poll();
            if (write.promise.isDone()) {
                write.data.release(); // cancelled while it waited: dropped whole
                continue;
            }
            whenWritten(channel.writeAndFlush(write.data), write.promise);
        }
    }

    private void failBlocked(RuntimeException why) {
        BlockedWrite write;
        while ((write = blocked.poll()) != null) {
            write.data.release();
            if (!write.promise.isDone()) {
                failQuietly(write.promise, why);
            }
        }
    }

    /** Fails a write's promise, marked as retrieved: awaited, it raises; dropped, it is no report. */
    private static void failQuietly(Promise<Void> write, RuntimeException why) {
        write.setException(why);
        write.exception();
    }

    /**
     * Bytes written and not yet flushed to the socket: Netty's outbound buffer plus the writes
     * waiting for it to have room.
     *
     * @return the bytes waiting to reach the socket
     */
    public long bufferedWriteBytes() {
        checkLoop();
        long bytes = 0;
        for (BlockedWrite write : blocked) {
            bytes += write.data.readableBytes();
        }
        ChannelOutboundBuffer outbound = channel.unsafe().outboundBuffer();
        return bytes + (outbound == null ? 0 : outbound.totalPendingWriteBytes());
    }

    // ---- the connection ----

    /**
     * Closes the connection; await the result to know it is closed.
     *
     * @return a promise completed once the channel is closed
     */
    public Promise<Void> close() {
        checkLoop();
        return NettyFutures.promise(channel.close());
    }

    /**
     * Whether the connection is open.
     *
     * @return whether its channel is open
     */
    public boolean isOpen() {
        return channel.isOpen();
    }

    /**
     * The longest line or frame a read accepts, in bytes.
     *
     * @return the maximum frame length
     */
    public int maxFrameLength() {
        return maxFrameLength;
    }

    /**
     * About how many received bytes are buffered at most before Netty stops reading.
     *
     * @return the buffering limit, in bytes
     */
    public int bufferLimit() {
        return bufferLimit;
    }

    /**
     * The Netty channel beneath, for what this class does not offer (its options, its address).
     *
     * @return the channel
     */
    public Channel channel() {
        return channel;
    }

    /**
     * The loop that runs this connection's I/O and must run its users.
     *
     * @return the channel's Baton loop
     */
    public EventLoop loop() {
        return loop;
    }

    private void fail(RuntimeException why) {
        if (failure == null) {
            failure = why;
        }
        buffer.release();
        buffer = Unpooled.EMPTY_BUFFER;
        wakeReader();
        failBlocked(why);
        channel.close();
    }

    private ConnectionException closed() {
        return new ConnectionException("connection closed: " + channel, new ClosedChannelException());
    }

    private ConnectionException asConnectionException(Throwable cause) {
        if (cause instanceof ClosedChannelException) {
            return closed();
        }
        IOException io = cause instanceof IOException ? (IOException) cause : new IOException(cause);
        return new ConnectionException(io.getMessage() + ": " + channel, io);
    }

    private void checkLoop() {
        if (!channel.eventLoop().inEventLoop()) {
            throw foreignThread();
        }
    }

    private IllegalStateException foreignThread() {
        return new IllegalStateException("called from thread '" + Thread.currentThread().getName()
                + "', but " + this + " belongs to its channel's loop: use it from the task that"
                + " handles it, or hand the work over with LoopGroup.call()");
    }

    @Override
    public String toString() {
        return "Connection[" + channel.remoteAddress() + (channel.isOpen() ? ", open" : ", closed")
                + (failure != null ? ", failed" : "") + ", buffered=" + buffer.readableBytes()
                + ", blocked writes=" + blocked.size() + "]";
    }

    private static final class BlockedWrite {
        final ByteBuf data;
        final Promise<Void> promise;

        BlockedWrite(ByteBuf data, Promise<Void> promise) {
            this.data = data;
            this.promise = promise;
        }
    }

    /** The channel's end of the pipeline: feeds the buffer and wakes the reader and the writers. */
    private final class Inbound extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf data = (ByteBuf) msg;
            if (failure != null) {
                data.release();
                return;
            }
            if (!buffer.isReadable()) {
                buffer.release();
                buffer = data;
            } else {
                if (buffer.refCnt() > 1 || buffer.isReadOnly()
                        || buffer.maxWritableBytes() < data.readableBytes()) {
                    ByteBuf bigger = ctx.alloc().buffer(buffer.readableBytes() + data.readableBytes());
                    bigger.writeBytes(buffer);
                    buffer.release();
                    buffer = bigger;
                } else {
                    buffer.discardSomeReadBytes();
                }
                buffer.writeBytes(data);
                data.release();
            }
            if (buffer.readableBytes() >= bufferLimit) {
                channel.config().setAutoRead(false); // until a read makes room
            }
            wakeReader();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            endOfStream = true;
            wakeReader();
            if (!blocked.isEmpty()) {
                failBlocked(failure != null ? failure : closed());
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            sendBlocked();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(asConnectionException(cause));
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            // the channel is gone, its pooled memory goes back; what no read took yet stays
            ByteBuf left = buffer.isReadable() ? Unpooled.copiedBuffer(buffer) : Unpooled.EMPTY_BUFFER;
            buffer.release();
            buffer = left;
        }
    }
}
