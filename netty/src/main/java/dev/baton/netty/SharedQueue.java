package dev.baton.netty;

import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Promise;
import java.util.ArrayDeque;

/**
 * A bounded FIFO queue whose {@link #put} and {@link #get} tasks of different loops (of a
 * {@link LoopGroup}, or any running Baton loops) may await: the thread-safe hand-off between
 * loops, where Baton's own {@code Queue} belongs to one loop.
 *
 * <p>A task that waits is woken on its own loop (with {@code callSoonThreadsafe}) and then
 * tries again, as asyncio's {@code Queue} does: an item leaves the queue only inside a running
 * {@code get}, which returns it at once, so no item is lost or delivered twice when a waiting
 * task is cancelled; a cancelled task that had been woken passes the wake-up on to the next
 * waiter. Items come out in the order they went in. {@code null} items are refused.
 *
 * <pre>{@code
 * SharedQueue<String> jobs = new SharedQueue<>(100);
 * // a task on loop 0:          // a task on loop 1:
 * await(jobs.put("job"));       String job = await(jobs.get());
 * }</pre>
 *
 * @param <T> the type of the items
 */
public final class SharedQueue<T> {
    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ArrayDeque<Waiter> getters = new ArrayDeque<>();
    private final ArrayDeque<Waiter> putters = new ArrayDeque<>();
    private final SharedQueueWaits<T> waits = new Baton_SharedQueueWaits<>(this);

    /**
     * A queue of at most {@code capacity} items.
     *
     * @param capacity the most items it holds, at least 1
     */
    public SharedQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Puts {@code item}, waiting while the queue is full; from a task of any loop.
     *
     * @param item the item, not null
     * @return the coroutine to await
     */
    public Coroutine<Void> put(T item) {
        if (item == null) {
            throw new NullPointerException("SharedQueue refuses null items");
        }
        return waits.put(item);
    }

    /**
     * Takes the oldest item, waiting while the queue is empty; from a task of any loop.
     *
     * @return the coroutine to await, which yields the item
     */
    public Coroutine<T> get() {
        return waits.get();
    }

    /**
     * Puts {@code item} if there is room, from any thread: whether it did.
     *
     * @param item the item, not null
     * @return whether it was put
     */
    public synchronized boolean offer(T item) {
        if (item == null) {
            throw new NullPointerException("SharedQueue refuses null items");
        }
        if (items.size() >= capacity) {
            return false;
        }
        items.add(item);
        wakeOne(getters);
        return true;
    }

    /**
     * Takes the oldest item if there is one, from any thread; else null.
     *
     * @return the item, or null if the queue is empty
     */
    public synchronized T poll() {
        T item = items.poll();
        if (item != null) {
            wakeOne(putters);
        }
        return item;
    }

    /**
     * How many items it holds.
     *
     * @return the number of items
     */
    public synchronized int size() {
        return items.size();
    }

    /**
     * The most items it holds.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    // ---- for SharedQueueWaits, the coroutines ----

    /** A waiter for a getter of the running task, or null if an item arrived meanwhile. */
    synchronized Waiter enlistGetter() {
        return items.isEmpty() ? enlist(getters) : null;
    }

    /** A waiter for a putter of the running task, or null if room was made meanwhile. */
    synchronized Waiter enlistPutter() {
        return items.size() >= capacity ? enlist(putters) : null;
    }

    /** A getter's task was cancelled: it leaves, and passes on a wake-up it had been given. */
    synchronized void abandonGet(Waiter waiter) {
        if (!getters.remove(waiter) && !items.isEmpty()) {
            wakeOne(getters);
        }
    }

    /** A putter's task was cancelled: it leaves, and passes on a wake-up it had been given. */
    synchronized void abandonPut(Waiter waiter) {
        if (!putters.remove(waiter) && items.size() < capacity) {
            wakeOne(putters);
        }
    }

    private Waiter enlist(ArrayDeque<Waiter> waiters) {
        Waiter waiter = new Waiter(EventLoop.current());
        waiters.add(waiter);
        return waiter;
    }

    /** Wakes the first waiter whose loop still runs; it leaves the line. */
    private static void wakeOne(ArrayDeque<Waiter> waiters) {
        Waiter waiter;
        while ((waiter = waiters.poll()) != null) {
            if (waiter.wake()) {
                return;
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "SharedQueue[" + items.size() + "/" + capacity + ", getters=" + getters.size()
                + ", putters=" + putters.size() + "]";
    }

    /** A task waiting for its turn: the promise it awaits on its own loop. */
    static final class Waiter {
        private final EventLoop loop;
        final Promise<Void> signal;

        Waiter(EventLoop loop) {
            this.loop = loop;
            this.signal = loop.createPromise();
        }

        /** Completes the signal on its loop; false if that loop is closed (nobody waits). */
        boolean wake() {
            try {
                loop.callSoonThreadsafe(() -> {
                    if (!signal.isDone()) {
                        signal.setResult(null);
                    }
                });
                return true;
            } catch (IllegalStateException closed) {
                return false;
            }
        }
    }
}
