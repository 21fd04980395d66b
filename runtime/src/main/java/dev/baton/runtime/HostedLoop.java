package dev.baton.runtime;

/**
 * An {@link EventLoop} hosted by a thread that another event loop owns (an I/O framework's,
 * such as Netty's), instead of running it with {@link EventLoop#runForever()}: the host calls
 * {@link #runOnce()} once per turn of its own, and sleeps no longer than
 * {@link #nanosUntilWork()} says.
 *
 * <p>The Baton loop keeps its scheduling rules (FIFO, one iteration's snapshot, timers in
 * order); each {@code runOnce()} is one such iteration and never waits. Between
 * {@link #attach()} and {@link #detach()} the thread is the loop's owner:
 * {@link EventLoop#current()} returns it there, also in the other framework's callbacks, which
 * may therefore complete the loop's promises directly. Other threads hand work over with
 * {@link EventLoop#callSoonThreadsafe(Runnable)}, which calls the {@code wakeup} given here so
 * that the driver stops sleeping. {@link EventLoop#stop()} has no effect on a driven loop.
 *
 * <pre>{@code
 * HostedLoop driver = new HostedLoop(selector::wakeup);
 * driver.attach();                       // on the I/O thread
 * while (open) {
 *     select(driver.nanosUntilWork());    // 0: do not block; -1: no Baton timer
 *     handleIo();
 *     driver.runOnce();
 * }
 * driver.detach();
 * driver.loop().close();
 * }</pre>
 */
public final class HostedLoop {
    private final EventLoop loop;

    /**
     * A driver of a new real-clock loop; {@code wakeup} is called, from any thread, each time
     * a callback is handed over with {@code callSoonThreadsafe}, and must make the driving
     * thread call {@link #runOnce()} soon.
     *
     * @param wakeup makes the driving thread stop sleeping; called from any thread
     */
    public HostedLoop(Runnable wakeup) {
        if (wakeup == null) {
            throw new NullPointerException("wakeup");
        }
        this.loop = new EventLoop(wakeup);
    }

    /**
     * The driven loop.
     *
     * @return the loop this driver runs
     */
    public EventLoop loop() {
        return loop;
    }

    /** Makes the calling thread the loop's: it runs (and {@code isRunning()}) until {@link #detach()}. */
    public void attach() {
        loop.attachDriver();
    }

    /** Runs one iteration of the loop without waiting; only on the attached thread. */
    public void runOnce() {
        loop.checkThread();
        loop.runDrivenIteration();
    }

    /**
     * How long the driving thread may sleep before the next {@link #runOnce()}: 0 if callbacks
     * are ready, the nanoseconds to the next timer, or -1 if only a thread-safe callback (which
     * calls {@code wakeup}) can bring work.
     *
     * @return 0, the nanoseconds to the next timer, or -1
     */
    public long nanosUntilWork() {
        loop.checkThread();
        return loop.nanosUntilWork();
    }

    /** Ends the loop's run on this thread; {@link EventLoop#close()} may follow. */
    public void detach() {
        loop.detachDriver();
    }
}
