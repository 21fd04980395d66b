package dev.baton.benchmarks;

/**
 * One system under test, doing every scenario of the benchmark the way its users would write
 * it: Baton (templates compiled by the processor), kotlinx.coroutines, java.util.concurrent on
 * platform or virtual threads, and the floor (no scheduling at all).
 *
 * <p>Each method runs one whole scenario at the given size and returns a checksum (items
 * received, the final counter, ...) that the smoke test checks and JMH consumes. A system
 * that has no counterpart of a scenario throws {@link UnsupportedOperationException}; the
 * runner only asks for the pairs listed in {@link Systems}.
 */
public interface Contender {

    /** The item every handoff passes: one shared object, so that no system pays for boxing. */
    Object ITEM = new Object() {
        @Override
        public String toString() {
            return "ITEM";
        }
    };

    /** What a coroutine (or thread) blocks on in the memory scenario. */
    enum Blocker { LOCK, EVENT, QUEUE }

    /** The system's name, as in {@link Systems}. */
    String name();

    /**
     * Scenario 1: one producer puts {@code items} into a queue of {@code capacity}, one
     * consumer gets them. Returns the number of items received.
     */
    long handoff(int capacity, int items) throws Exception;

    /**
     * Scenario 2: {@code tasks} tasks each acquire one lock {@code acquisitions} times and
     * increment a counter inside, yielding once inside when {@code yieldInside}. Returns the
     * counter.
     */
    long lock(int tasks, int acquisitions, boolean yieldInside) throws Exception;

    /**
     * Scenario 3: {@code waiters} tasks wait on one event; one {@code set()} wakes them all.
     * Returns {nanoseconds to create them until all wait, nanoseconds from set to all resumed}.
     */
    long[] fanOut(int waiters) throws Exception;

    /**
     * Scenario 4: two tasks take turns through a condition variable, {@code rounds} round
     * trips. Returns the number of round trips.
     */
    long pingPong(int rounds) throws Exception;

    /** Scenario 5a: one task yields ({@code sleep(0)}) {@code count} times. Returns count. */
    long yields(int count) throws Exception;

    /** Scenario 5b: spawns {@code count} tasks that complete at once and waits for all. */
    long spawn(int count) throws Exception;

    /**
     * Scenario 6: blocks {@code count} tasks on {@code on}, runs {@code whileBlocked} (which
     * measures the heap) while all are blocked, then releases them and waits until all are
     * done. Returns the number of tasks that ran to the end.
     */
    long blocked(Blocker on, int count, Runnable whileBlocked) throws Exception;
}
