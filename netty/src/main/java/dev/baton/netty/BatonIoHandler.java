package dev.baton.netty;

import dev.baton.runtime.EventLoop;
import dev.baton.runtime.ExceptionContext;
import dev.baton.runtime.HostedLoop;
import dev.baton.runtime.Task;
import io.netty.channel.IoEvent;
import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoRegistration;
import io.netty.channel.nio.NioIoHandle;
import java.nio.channels.SelectableChannel;
import java.util.List;

/**
 * Netty's NIO handler with a Baton loop riding on it: each turn of the Netty event loop
 * selects (never longer than the Baton loop's next timer, and without blocking while Baton
 * callbacks are ready), handles the I/O, and runs one Baton iteration; Netty then runs its
 * own tasks. So a channel's I/O, its Baton tasks and its timers share one thread, and neither
 * side can starve the other: each gets one turn per iteration.
 *
 * <p>Within the I/O step, a channel's event after which Baton has work ready (a read that
 * woke its reader, say, or a timer that fell due meanwhile) is followed at once by a Baton
 * iteration, before the next ready channel is handled: so a task answers its request while
 * the others are still being read, as a Netty handler does, instead of after the whole batch.
 * That keeps the answers flowing to the peers (most of what the echo benchmark gained with one
 * loop) and costs an iteration only where there is work for it.
 */
final class BatonIoHandler implements IoHandler {
    private final IoHandler io;
    private final HostedLoop driver;
    /** The context Netty passes to {@link #run}, which {@link #context} narrows. */
    private IoHandlerContext outer;
    /** Whether a Baton iteration is running: an I/O event inside it (none is known) starts no other. */
    private boolean iterating;

    /** Netty's context, but no blocking while Baton has work and no sleep past its next timer. */
    private final IoHandlerContext context = new IoHandlerContext() {
        @Override
        public boolean canBlock() {
            return outer.canBlock() && driver.nanosUntilWork() != 0;
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
            long netty = outer.delayNanos(currentTimeNanos);
            long baton = driver.nanosUntilWork();
            return baton < 0 ? netty : Math.min(netty, baton);
        }

        @Override
        public long deadlineNanos() {
            long deadline = outer.deadlineNanos();
            long baton = driver.nanosUntilWork();
            if (baton < 0) {
                return deadline;
            }
            long now = deadline - outer.delayNanos(System.nanoTime()); // on Netty's time base
            return Math.min(deadline, now + baton);
        }

        @Override
        public void reportActiveIoTime(long activeNanos) {
            outer.reportActiveIoTime(activeNanos);
        }

        @Override
        public boolean shouldReportActiveIoTime() {
            return outer.shouldReportActiveIoTime();
        }
    };

    BatonIoHandler(IoHandler io) {
        this.io = io;
        // another thread's callSoonThreadsafe wakes the selector, as Netty's own execute() does
        this.driver = new HostedLoop(io::wakeup);
    }

    EventLoop loop() {
        return driver.loop();
    }

    @Override
    public void initialize() {
        io.initialize();
        driver.attach();
    }

    @Override
    public int run(IoHandlerContext nettyContext) {
        outer = nettyContext;
        int handled = io.run(context);
        iterate();
        return handled;
    }

    @Override
    public void prepareToDestroy() {
        io.prepareToDestroy();
    }

    @Override
    public void destroy() {
        try {
            io.destroy();
        } finally {
            driver.detach();
            driver.loop().close();
        }
    }

    @Override
    public IoRegistration register(IoHandle handle) throws Exception {
        return io.register(handle instanceof NioIoHandle ? new Turning((NioIoHandle) handle) : handle);
    }

    @Override
    public void wakeup() {
        io.wakeup();
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
        return io.isCompatible(handleType);
    }

    private void iterate() {
        iterating = true;
        try {
            driver.runOnce();
        } finally {
            iterating = false;
        }
    }

    /** A channel's handle that gives the Baton loop a turn right after each I/O event of the channel. */
    @SuppressWarnings("try") // close() throws what the wrapped handle's throws, as IoHandle declares
    private final class Turning implements NioIoHandle {
        private final NioIoHandle handle;

        Turning(NioIoHandle handle) {
            this.handle = handle;
        }

        @Override
        public SelectableChannel selectableChannel() {
            return handle.selectableChannel();
        }

        @Override
        public void handle(IoRegistration registration, IoEvent event) {
            handle.handle(registration, event);
            if (!iterating && driver.nanosUntilWork() == 0) {
                iterate();
            }
        }

        @Override
        public void registered() {
            handle.registered();
        }

        @Override
        public void unregistered() {
            handle.unregistered();
        }

        @Override
        public void close() throws Exception {
            handle.close();
        }
    }

    /**
     * Cancels every task of the loop and calls {@code whenDone} once they have all finished
     * (on the loop thread); an exception a task ends with meanwhile goes to the exception
     * handler, as {@code EventLoop.run()} does at its end.
     */
    void cancelAllTasks(Runnable whenDone) {
        EventLoop loop = driver.loop();
        List<Task<?>> tasks = loop.allTasks();
        if (tasks.isEmpty()) {
            whenDone.run();
            return;
        }
        int[] left = {tasks.size()};
        for (Task<?> task : tasks) {
            task.cancel();
            task.addDoneCallback(t -> {
                if (!t.isCancelled() && t.exception() != null) {
                    loop.callExceptionHandler(new ExceptionContext(
                            "unhandled exception during LoopGroup.close()", t.exception(), t));
                }
                if (--left[0] == 0) {
                    whenDone.run();
                }
            });
        }
    }
}
