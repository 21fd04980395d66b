package dev.baton.runtime;

/**
 * A callback scheduled on an {@link EventLoop}, as returned by {@link EventLoop#callSoon}.
 * Cancelling it before it runs means it never runs.
 */
public class Handle implements Runnable {
    final Runnable callback;
    final EventLoop loop;
    boolean cancelled;

    Handle(EventLoop loop, Runnable callback) {
        this.loop = loop;
        this.callback = callback;
    }

    /** Prevents the callback from running; does nothing if it ran already. */
    public void cancel() {
        loop.checkThread();
        cancelled = true;
    }

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return whether the callback was cancelled
     */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the callback unless cancelled; the loop calls this, users need not. */
    @Override
    public void run() {
        if (!cancelled) {
            callback.run();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (cancelled ? "cancelled, " : "") + callback + "]";
    }
}
