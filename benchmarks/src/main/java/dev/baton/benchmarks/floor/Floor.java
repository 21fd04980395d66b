package dev.baton.benchmarks.floor;

import dev.baton.benchmarks.Contender;
import java.util.ArrayDeque;

/**
 * Scenario 7, the floor: the handoff of scenario 1 with no scheduling at all. The producer
 * offers items into an {@link ArrayDeque} until it holds {@code capacity}, then the consumer
 * polls them all and takes each through a virtual call. No system that schedules can beat
 * this; how close one comes is what its scheduling costs.
 */
public final class Floor implements Contender {

    /** The consumer's side of the handoff, called through an interface. */
    public interface Sink {
        void accept(Object item);
    }

    /** Counts what it is given. */
    static final class Counter implements Sink {
        long received;

        @Override
        public void accept(Object item) {
            if (item != null) {
                received++;
            }
        }
    }

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public long handoff(int capacity, int items) {
        ArrayDeque<Object> queue = new ArrayDeque<>(capacity);
        Counter counter = new Counter();
        Sink sink = counter;
        int produced = 0;
        while (produced < items) {
            while (produced < items && queue.size() < capacity) {
                queue.offer(ITEM);
                produced++;
            }
            Object item;
            while ((item = queue.poll()) != null) {
                sink.accept(item);
            }
        }
        return counter.received;
    }

    @Override
    public long lock(int tasks, int acquisitions, boolean yieldInside) {
        throw new UnsupportedOperationException("the floor is a handoff only");
    }

    @Override
    public long[] fanOut(int waiters) {
        throw new UnsupportedOperationException("the floor is a handoff only");
    }

    @Override
    public long pingPong(int rounds) {
        throw new UnsupportedOperationException("the floor is a handoff only");
    }

    @Override
    public long yields(int count) {
        throw new UnsupportedOperationException("the floor is a handoff only");
    }

    @Override
    public long spawn(int count) {
        throw new UnsupportedOperationException("the floor is a handoff only");
    }

    @Override
    public long blocked(Blocker on, int count, Runnable whileBlocked) {
        throw new UnsupportedOperationException("the floor is a handoff only");
    }
}
