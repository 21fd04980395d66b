package dev.baton.runtime;

/**
 * The loop's FIFO of what runs next (tasks to step, handles to call): CPython's
 * {@code collections.deque} of ready handles, built the same way, as a chain of fixed-size
 * blocks.
 *
 * <p>Why not an {@link java.util.ArrayDeque}: a burst (spawning a million tasks) grows an
 * array deque by copying it into ever larger arrays, megabytes each, that the collector must
 * treat as huge objects, and the deque keeps the largest one for good. Blocks never copy, are
 * small, and all but one spare go back to the collector once the burst has run.
 */
final class ReadyQueue {
    /** Entries per block; the last slot of a block links to the next block. */
    private static final int BLOCK = 512;
    private static final int LINK = BLOCK - 1;

    private Object[] head = new Object[BLOCK];
    private int headIndex;
    private Object[] tail = head;
    private int tailIndex;
    /** An emptied block kept for the next one needed, so a queue that hovers at a block's edge allocates nothing. */
    private Object[] spare;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Appends {@code entry} (never null). */
    void addLast(Object entry) {
        Object[] block = tail;
        block[tailIndex] = entry;
        if (++tailIndex == LINK) {
            Object[] next = spare;
            if (next != null) {
                spare = null;
            } else {
                next = new Object[BLOCK];
            }
            block[LINK] = next;
            tail = next;
            tailIndex = 0;
        }
        size++;
    }

    /** The first entry, removed; null if the queue is empty. */
    Object pollFirst() {
        if (size == 0) {
            return null;
        }
        Object[] block = head;
        Object entry = block[headIndex];
        block[headIndex] = null;
        if (++headIndex == LINK) {
            head = (Object[]) block[LINK];
            block[LINK] = null;
            headIndex = 0;
            spare = block;
        }
        size--;
        return entry;
    }

    void clear() {
        while (size > 0) {
            pollFirst();
        }
    }
}
