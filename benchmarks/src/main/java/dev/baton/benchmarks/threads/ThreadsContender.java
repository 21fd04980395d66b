package dev.baton.benchmarks.threads;

import dev.baton.benchmarks.Contender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The java.util.concurrent peer: one thread per task, made by a {@link ThreadFactory}, so
 * the same code runs on platform threads (JDK 17) and on virtual threads (JDK 21+).
 * {@code sleep(0)} is {@link Thread#yield()}; the lock is a {@link ReentrantLock}, fair or
 * not; the queue an {@link ArrayBlockingQueue}; the event a {@link CountDownLatch}.
 */
public final class ThreadsContender implements Contender {
    private final String name;
    private final ThreadFactory threads;
    private final boolean fair;

    public ThreadsContender(String name, ThreadFactory threads, boolean fair) {
        this.name = name;
        this.threads = threads;
        this.fair = fair;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long handoff(int capacity, int items) throws InterruptedException {
        ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(capacity);
        long[] received = new long[1];
        Thread producer = start(() -> {
            for (int i = 0; i < items; i++) {
                queue.put(ITEM);
            }
        });
        Thread consumer = start(() -> {
            long count = 0;
            for (int i = 0; i < items; i++) {
                if (queue.take() != null) {
                    count++;
                }
            }
            received[0] = count;
        });
        producer.join();
        consumer.join();
        return received[0];
    }

    @Override
    public long lock(int tasks, int acquisitions, boolean yieldInside) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock(fair);
        long[] counter = new long[1];
        List<Thread> workers = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            workers.add(start(() -> {
                for (int i = 0; i < acquisitions; i++) {
                    lock.lock();
                    try {
                        counter[0]++;
                        if (yieldInside) {
                            Thread.yield();
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            }));
        }
        joinAll(workers);
        lock.lock();
        try {
            return counter[0];
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long[] fanOut(int waiters) throws InterruptedException {
        CountDownLatch event = new CountDownLatch(1);
        CountDownLatch resumed = new CountDownLatch(waiters);
        long start = System.nanoTime();
        List<Thread> all = new ArrayList<>(waiters);
        for (int i = 0; i < waiters; i++) {
            all.add(start(() -> {
                event.await();
                resumed.countDown();
            }));
        }
        awaitAllWaiting(all);
        long set = System.nanoTime();
        event.countDown();
        resumed.await();
        long end = System.nanoTime();
        joinAll(all);
        return new long[] {set - start, end - set};
    }

    @Override
    public long pingPong(int rounds) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock(fair);
        Condition changed = lock.newCondition();
        int[] turn = new int[1];
        long[] moves = new long[2];
        List<Thread> players = new ArrayList<>(2);
        for (int p = 0; p < 2; p++) {
            int me = p;
            players.add(start(() -> {
                lock.lock();
                try {
                    for (int i = 0; i < rounds; i++) {
                        while (turn[0] != me) {
                            changed.await();
                        }
                        turn[0] = 1 - me;
                        moves[me]++;
                        changed.signal();
                    }
                } finally {
                    lock.unlock();
                }
            }));
        }
        joinAll(players);
        return Math.min(moves[0], moves[1]);
    }

    @Override
    public long yields(int count) throws InterruptedException {
        long[] done = new long[1];
        Thread yielder = start(() -> {
            for (int i = 0; i < count; i++) {
                Thread.yield();
            }
            done[0] = count;
        });
        yielder.join();
        return done[0];
    }

    @Override
    public long spawn(int count) throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        Thread[] all = new Thread[count];
        for (int i = 0; i < count; i++) {
            all[i] = start(ran::incrementAndGet);
        }
        for (Thread thread : all) {
            thread.join();
        }
        return ran.get();
    }

    @Override
    public long blocked(Blocker on, int count, Runnable whileBlocked) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock(fair);
        CountDownLatch event = new CountDownLatch(1);
        ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(count);
        AtomicInteger finished = new AtomicInteger();
        Interruptible body;
        switch (on) {
            case LOCK:
                body = () -> {
                    lock.lock();
                    lock.unlock();
                };
                break;
            case EVENT:
                body = event::await;
                break;
            default:
                body = queue::take;
                break;
        }
        lock.lock();
        List<Thread> all = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                all.add(start(() -> {
                    body.run();
                    finished.incrementAndGet();
                }));
            }
            awaitAllWaiting(all);
            whileBlocked.run();
        } finally {
            lock.unlock();
            event.countDown();
            for (int i = 0; i < count; i++) {
                queue.add(ITEM);
            }
        }
        joinAll(all);
        return finished.get();
    }

    /** A body that may be interrupted (a benchmark thread never is: it fails if it happens). */
    private interface Interruptible {
        void run() throws InterruptedException;
    }

    private Thread start(Interruptible body) {
        Thread thread = threads.newThread(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException("benchmark thread interrupted", e);
            }
        });
        thread.start();
        return thread;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Waits until every thread is parked (blocked on the primitive under test). */
    private static void awaitAllWaiting(List<Thread> threads) {
        for (Thread thread : threads) {
            Thread.State state;
            while ((state = thread.getState()) != Thread.State.WAITING) {
                if (state == Thread.State.TERMINATED) {
                    throw new IllegalStateException(thread + " ended before it blocked");
                }
                Thread.onSpinWait();
                Thread.yield();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
