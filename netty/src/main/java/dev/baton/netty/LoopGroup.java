package dev.baton.netty;

import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.ExceptionContext;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Task;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N Baton {@link EventLoop}s, each running on one thread of a Netty NIO event-loop group: a
 * connection's I/O and the task that handles it share that thread, so a read, a write or a
 * timer needs no hand-off between threads. Inside each loop Baton's scheduling rules hold;
 * each turn of Netty's loop selects, handles the I/O, runs one Baton iteration, then runs
 * Netty's own tasks, so neither starves the other: the Baton loop gets a turn as often as the
 * I/O does; and a channel's I/O event that wakes a task (a read, say) is followed at once by a
 * Baton iteration, before the next channel's, so the task answers while the others are read.
 * (Netty runs the tasks queued on its loop for up to its time quantum, one second by default,
 * before it turns again; so a Netty task that re-queues itself with
 * {@code execute()} holds back the I/O and Baton alike, as it does in Netty alone.)
 * {@link EventLoop#current()} works in the loops' tasks and in Netty's callbacks on their
 * threads.
 *
 * <pre>{@code
 * try (LoopGroup group = new LoopGroup(2)) {
 *     Server server = group.listen("127.0.0.1", 0, conn -> new Baton_Echo().serve(conn));
 *     String reply = group.submit(group.next(), new Baton_Client().ask(server.port())).join();
 * }
 * }</pre>
 *
 * <p>Across loops: {@link #call} runs a coroutine on another loop of the group and gives its
 * result to a task of this one; {@link SharedQueue} hands items between the loops' tasks. A
 * loop's promises, primitives and connections stay confined to its thread.
 *
 * <p>{@link #close()} stops the servers, cancels every task left on every loop and waits for
 * them to finish (up to five seconds), then shuts Netty down gracefully, which closes the
 * remaining channels and the loops.
 */
public final class LoopGroup implements AutoCloseable {
    /** The longest line or frame a connection accepts unless told otherwise, in bytes. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 8192;
    private static final long CANCEL_WAIT_SECONDS = 5;

    private final MultiThreadIoEventLoopGroup netty;
    private final List<io.netty.channel.EventLoop> nettyLoops = new ArrayList<>();
    private final List<BatonIoHandler> handlers = new ArrayList<>();
    private final List<EventLoop> loops = new ArrayList<>();
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final Set<Server> servers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A group of {@code loops} loops, each on a thread of its own, started at once.
     *
     * @param loops how many loops (and Netty threads)
     */
    public LoopGroup(int loops) {
        if (loops < 1) {
            throw new IllegalArgumentException("a group needs at least one loop, got " + loops);
        }
        IoHandlerFactory nio = NioIoHandler.newFactory();
        Map<Object, BatonIoHandler> byExecutor = new IdentityHashMap<>();
        IoHandlerFactory factory = executor -> {
            BatonIoHandler handler = new BatonIoHandler(nio.newHandler(executor));
            byExecutor.put(executor, handler); // called by the group's constructor, on this thread
            return handler;
        };
        netty = new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory("baton-loop"), factory);
        for (EventExecutor executor : netty) {
            io.netty.channel.EventLoop nettyLoop = (io.netty.channel.EventLoop) executor;
            BatonIoHandler handler = byExecutor.get(executor);
            nettyLoops.add(nettyLoop);
            handlers.add(handler);
            this.loops.add(handler.loop());
        }
        for (io.netty.channel.EventLoop nettyLoop : nettyLoops) {
            // starts the thread: its handler attaches the Baton loop before the first task runs
            nettyLoop.submit(() -> { }).syncUninterruptibly();
        }
    }

    /**
     * How many loops the group has.
     *
     * @return the number of loops
     */
    public int size() {
        return loops.size();
    }

    /**
     * The loop at {@code index}, from 0.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the loop
     */
    public EventLoop loop(int index) {
        return loops.get(index);
    }

    /**
     * The next loop, round-robin.
     *
     * @return a loop of the group
     */
    public EventLoop next() {
        return loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
    }

    /**
     * The group's Netty event loops, for channels of your own: the i-th runs {@code loop(i)}.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the Netty event loop that runs {@code loop(index)}
     */
    public io.netty.channel.EventLoop nettyLoop(int index) {
        return nettyLoops.get(index);
    }

    // ---- across loops ----

    /**
     * Runs {@code coroutine} as a task on {@code target} and gives its outcome to the running
     * task (of another loop of the group, or of the same): await the promise, which belongs to
     * the running loop. Cancelling the promise (as cancelling the awaiting task does) cancels
     * the remote task. The coroutine must not have been started.
     *
     * @param <T> the result type
     * @param target a loop of this group
     * @param coroutine a coroutine not yet started
     * @return a promise of the running loop with the task's outcome
     */
    public <T> Promise<T> call(EventLoop target, Coroutine<T> coroutine) {
        checkMember(target);
        EventLoop caller = EventLoop.current();
        Promise<T> result = caller.createPromise();
        RemoteCall<T> call = new RemoteCall<>();
        target.callSoonThreadsafe(() -> {
            Task<T> task = target.createTask(coroutine);
            call.task = task;
            task.addDoneCallback(t -> {
                Outcome<T> outcome = Outcome.of(t);
                handOver(caller, () -> outcome.settle(result));
            });
        });
        result.addDoneCallback(p -> {
            if (p.isCancelled()) {
                // runs after the task was made: the inbox of target is FIFO
                handOver(target, () -> call.task.cancel());
            }
        });
        return result;
    }

    /**
     * {@link #call} on the next loop, round-robin.
     *
     * @param <T> the result type
     * @param coroutine a coroutine not yet started
     * @return a promise of the running loop with the task's outcome
     */
    public <T> Promise<T> callNext(Coroutine<T> coroutine) {
        return call(next(), coroutine);
    }

    /**
     * Runs {@code coroutine} as a task on {@code target}, from any thread (one outside the group
     * included); the future completes with its outcome, and cancelling it cancels the task.
     *
     * @param <T> the result type
     * @param target a loop of this group
     * @param coroutine a coroutine not yet started
     * @return a future with the task's outcome
     */
    public <T> CompletableFuture<T> submit(EventLoop target, Coroutine<T> coroutine) {
        checkMember(target);
        CompletableFuture<T> future = new CompletableFuture<>();
        RemoteCall<T> call = new RemoteCall<>();
        target.callSoonThreadsafe(() -> {
            Task<T> task = target.createTask(coroutine);
            call.task = task;
            task.addDoneCallback(t -> Outcome.of(t).settle(future));
        });
        future.whenComplete((value, failure) -> {
            if (future.isCancelled()) {
                handOver(target, () -> call.task.cancel());
            }
        });
        return future;
    }

    // ---- servers and clients ----

    /**
     * Listens on {@code host:port} (port 0: any free port) and runs {@code handler} for each
     * accepted connection, as a task on the connection's loop (round-robin over the group).
     * Lines and frames are limited to {@link #DEFAULT_MAX_FRAME_LENGTH} bytes. Waits until the
     * socket is bound: call it from outside the group's loops.
     *
     * <p>Each connection's bytes reach its task in order, but nothing orders one connection
     * against another: connections with data ready at once are read in the order Netty's
     * selector lists them, not in the order they were accepted (on JDK 25 and later, where
     * Netty turns {@code sun.misc.Unsafe} off and so keeps the JDK's own hash set of selected
     * keys, that is no particular order). Two clients
     * that connect and send back to back may be served in either order.
     *
     * @param host the address to bind, such as {@code 127.0.0.1}
     * @param port the port, or 0 for any free port
     * @param handler makes the coroutine that handles each connection
     * @return the listening server
     */
    public Server listen(String host, int port, ConnectionHandler handler) {
        return listen(host, port, DEFAULT_MAX_FRAME_LENGTH, handler);
    }

    /**
     * {@link #listen(String, int, ConnectionHandler)} with lines and frames up to {@code maxFrameLength} bytes.
     *
     * @param host the address to bind
     * @param port the port, or 0 for any free port
     * @param maxFrameLength the longest line or frame a read accepts, in bytes
     * @param handler makes the coroutine that handles each connection
     * @return the listening server
     */
    public Server listen(String host, int port, int maxFrameLength, ConnectionHandler handler) {
        checkOpen();
        checkNotOnLoop("listen");
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        if (maxFrameLength < 1) {
            throw new IllegalArgumentException("maxFrameLength must be positive, got " + maxFrameLength);
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(netty, netty)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        accepted(channel, maxFrameLength, handler);
                    }
                });
        Server server = new Server(bootstrap.bind(host, port).syncUninterruptibly().channel());
        servers.add(server);
        server.channel().closeFuture().addListener(f -> servers.remove(server));
        return server;
    }

    private void accepted(Channel channel, int maxFrameLength, ConnectionHandler handler) {
        if (closed.get()) {
            channel.close();
            return;
        }
        EventLoop loop = EventLoop.current(); // the channel's: its initializer runs on its thread
        Connection connection = new Baton_Connection(channel, loop, maxFrameLength);
        Task<Void> task;
        try {
            task = loop.createTask(handler.handle(connection), "connection " + channel.remoteAddress());
        } catch (RuntimeException | Error e) {
            channel.close();
            throw e;
        }
        task.addDoneCallback(t -> {
            channel.close();
            if (!t.isCancelled() && t.exception() != null) {
                loop.callExceptionHandler(new ExceptionContext(
                        "Unhandled exception in connection handler", t.exception(), connection));
            }
        });
    }

    /**
     * Connects to {@code host:port} from the running loop, which must be one of the group's:
     * the connection's I/O runs on it. Lines and frames are limited to
     * {@link #DEFAULT_MAX_FRAME_LENGTH} bytes. A refused or failed connect raises
     * {@link ConnectionException}; cancelling the promise cancels the connect.
     *
     * @param host the address to connect to
     * @param port its port
     * @return a promise of the running loop with the connection
     */
    public Promise<Connection> connect(String host, int port) {
        return connect(host, port, DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * {@link #connect(String, int)} with lines and frames up to {@code maxFrameLength} bytes.
     *
     * @param host the address to connect to
     * @param port its port
     * @param maxFrameLength the longest line or frame a read accepts, in bytes
     * @return a promise of the running loop with the connection
     */
    public Promise<Connection> connect(String host, int port, int maxFrameLength) {
        checkOpen();
        EventLoop loop = EventLoop.current();
        int index = loops.indexOf(loop);
        if (index < 0) {
            throw new IllegalStateException("connect() runs on a loop of this group, not on " + loop);
        }
        if (maxFrameLength < 1) {
            throw new IllegalArgumentException("maxFrameLength must be positive, got " + maxFrameLength);
        }
        Connection[] made = new Connection[1];
        Bootstrap bootstrap = new Bootstrap()
                .group(nettyLoops.get(index))
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        made[0] = new Baton_Connection(channel, loop, maxFrameLength);
                    }
                });
        Promise<Connection> result = loop.createPromise();
        ChannelFuture connecting = bootstrap.connect(host, port);
        connecting.addListener(f -> {
            if (result.isDone()) {
                connecting.channel().close(); // its task gave up meanwhile
            } else if (f.isSuccess()) {
                result.setResult(made[0]);
            } else {
                Throwable cause = f.cause();
                IOException io = cause instanceof IOException ? (IOException) cause : new IOException(cause);
                result.setException(new ConnectionException(
                        "cannot connect to " + host + ":" + port + ": " + cause.getMessage(), io));
            }
        });
        result.addDoneCallback(p -> {
            if (p.isCancelled()) {
                connecting.cancel(false);
                connecting.channel().close();
            }
        });
        return result;
    }

    // ---- closing ----

    /**
     * Closes the servers, cancels the tasks left on every loop and waits (up to five seconds)
     * for them to finish, then shuts Netty down gracefully: the remaining channels and the
     * loops close. Waits for all that: call it from outside the group's loops.
     */
    @Override
    public void close() {
        checkNotOnLoop("close");
        if (!closed.compareAndSet(false, true)) {
            netty.terminationFuture().syncUninterruptibly();
            return;
        }
        for (Server server : servers) {
            server.close();
        }
        CountDownLatch finished = new CountDownLatch(handlers.size());
        for (int i = 0; i < handlers.size(); i++) {
            BatonIoHandler handler = handlers.get(i);
            nettyLoops.get(i).execute(() -> handler.cancelAllTasks(finished::countDown));
        }
        boolean interrupted = false;
        try {
            finished.await(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        netty.shutdownGracefully(0, CANCEL_WAIT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return whether the group is closed or closing
     */
    public boolean isClosed() {
        return closed.get();
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the loop group is closed");
        }
    }

    private void checkMember(EventLoop target) {
        if (!loops.contains(target)) {
            throw new IllegalArgumentException(target + " is not a loop of this group");
        }
    }

    private void checkNotOnLoop(String method) {
        for (io.netty.channel.EventLoop nettyLoop : nettyLoops) {
            if (nettyLoop.inEventLoop()) {
                throw new IllegalStateException(method + "() waits for the group's loops: call it"
                        + " from a thread outside them, not from " + Thread.currentThread().getName());
            }
        }
    }

    /** Runs {@code action} on {@code loop}, unless it closed meanwhile (then nobody waits for it). */
    private static void handOver(EventLoop loop, Runnable action) {
        try {
            loop.callSoonThreadsafe(action);
        } catch (IllegalStateException closedLoop) {
            // the group is closing: its tasks are being cancelled
        }
    }

    @Override
    public String toString() {
        return "LoopGroup[" + loops.size() + " loops" + (closed.get() ? ", closed" : "") + "]";
    }

    /** The task a {@link #call} made, set on the target loop before any cancel reaches it there. */
    private static final class RemoteCall<T> {
        Task<T> task;
    }
}
