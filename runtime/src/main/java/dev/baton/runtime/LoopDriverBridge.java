package dev.baton.runtime;

import dev.baton.runtime.internal.LoopDriver;

/** {@link EventLoop}'s side of {@link LoopDriver}: the test kit's hooks, package-private in the loop. */
final class LoopDriverBridge implements LoopDriver.Bridge {

    @Override
    public EventLoop newVirtualLoop(LoopDriver.Perturbation perturbation) {
        return new EventLoop(true, perturbation);
    }

    @Override
    public boolean hasReady(EventLoop loop) {
        return loop.hasReady();
    }

    @Override
    public double nextDeadline(EventLoop loop) {
        return loop.nextDeadline();
    }

    @Override
    public void setVirtualTime(EventLoop loop, double time) {
        loop.setVirtualTime(time);
    }

    @Override
    public int foreignInFlight(EventLoop loop) {
        return loop.foreignInFlight();
    }

    @Override
    public boolean awaitThreadsafe(EventLoop loop, long nanos) {
        return loop.awaitThreadsafe(nanos);
    }

    @Override
    public long foreignNumber(EventLoop loop) {
        return loop.foreignNumber();
    }

    @Override
    public double foreignDelay(EventLoop loop, long n) {
        return loop.foreignDelay(n);
    }
}
