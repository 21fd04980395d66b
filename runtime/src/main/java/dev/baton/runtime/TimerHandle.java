package dev.baton.runtime;

import dev.baton.runtime.internal.LoopDriver;
import java.util.Comparator;

/** A callback scheduled for a time: {@link EventLoop#callLater} and {@link EventLoop#callAt}. */
public final class TimerHandle extends Handle {
    final double when;
    final long sequence;
    boolean scheduled = true;

    TimerHandle(EventLoop loop, Runnable callback, double when, long sequence) {
        super(loop, callback);
        this.when = when;
        this.sequence = sequence;
    }

    /**
     * The loop time (seconds, {@link EventLoop#time()}) at which the callback is due.
     *
     * @return the loop time at which the callback is due
     */
    public double when() {
        return when;
    }

    @Override
    public void cancel() {
        loop.checkThread();
        if (!cancelled) {
            cancelled = true;
            if (scheduled) {
                loop.timerHandleCancelled();
            }
        }
    }

    static int compare(TimerHandle a, TimerHandle b) {
        int byWhen = Double.compare(a.when, b.when);
        return byWhen != 0 ? byWhen : Long.compare(a.sequence, b.sequence);
    }

    /**
     * The test kit's order: each timer sorts as if due a little later, by a lateness the
     * perturbation draws for it; its deadline, and so the clock it fires at, stays true.
     */
    static Comparator<TimerHandle> perturbedOrder(LoopDriver.Perturbation perturbation) {
        return (a, b) -> {
            int byKey = Double.compare(a.when + perturbation.timerLateness(a.sequence),
                    b.when + perturbation.timerLateness(b.sequence));
            return byKey != 0 ? byKey : Long.compare(a.sequence, b.sequence);
        };
    }

    @Override
    public String toString() {
        return "TimerHandle[when=" + when + (cancelled ? ", cancelled" : "") + ", " + callback + "]";
    }
}
