package dev.baton.benchmarks.baton;

import dev.baton.benchmarks.Contender;
import dev.baton.runtime.EventLoop;

/**
 * Baton: each scenario is a template of this package, compiled by Baton's annotation
 * processor into its {@code Baton_} subclass, and run on a new {@link EventLoop} (as
 * {@code asyncio.run} makes a new loop).
 */
public final class BatonContender implements Contender {

    @Override
    public String name() {
        return "baton";
    }

    @Override
    public long handoff(int capacity, int items) {
        return EventLoop.run(new Baton_Handoff().run(capacity, items));
    }

    @Override
    public long lock(int tasks, int acquisitions, boolean yieldInside) {
        return EventLoop.run(new Baton_LockContention().run(tasks, acquisitions, yieldInside));
    }

    @Override
    public long[] fanOut(int waiters) {
        Baton_FanOut fanOut = new Baton_FanOut();
        try (EventLoop loop = new EventLoop()) {
            long start = System.nanoTime();
            loop.runUntilComplete(fanOut.create(waiters));
            long set = System.nanoTime();
            loop.runUntilComplete(fanOut.wake());
            long end = System.nanoTime();
            return new long[] {set - start, end - set};
        }
    }

    @Override
    public long pingPong(int rounds) {
        return EventLoop.run(new Baton_PingPong().run(rounds));
    }

    @Override
    public long yields(int count) {
        return EventLoop.run(new Baton_Scheduling().yields(count));
    }

    @Override
    public long spawn(int count) {
        return EventLoop.run(new Baton_Scheduling().spawnAll(count));
    }

    @Override
    public long blocked(Blocker on, int count, Runnable whileBlocked) {
        return EventLoop.run(new Baton_Blocked().run(on, count, whileBlocked));
    }
}
