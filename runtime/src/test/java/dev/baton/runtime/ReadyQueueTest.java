package dev.baton.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;

/** {@link ReadyQueue}: a FIFO of blocks that behaves as an {@link ArrayDeque} would. */
class ReadyQueueTest {

    @Test
    void keepsFifoOrderAcrossManyBlocks() {
        ReadyQueue queue = new ReadyQueue();
        for (int i = 0; i < 5_000; i++) {
            queue.addLast(i);
        }
        assertEquals(5_000, queue.size());
        for (int i = 0; i < 5_000; i++) {
            assertEquals(i, queue.pollFirst());
        }
        assertTrue(queue.isEmpty());
        assertNull(queue.pollFirst());
    }

    @Test
    void interleavedAddsAndPollsMatchAnArrayDeque() {
        ReadyQueue queue = new ReadyQueue();
        ArrayDeque<Object> model = new ArrayDeque<>();
        java.util.Random random = new java.util.Random(42);
        int next = 0;
        for (int step = 0; step < 200_000; step++) {
            if (random.nextInt(100) < 55) {
                queue.addLast(next);
                model.addLast(next);
                next++;
            } else {
                assertEquals(model.pollFirst(), queue.pollFirst());
            }
            assertEquals(model.size(), queue.size());
        }
        while (!model.isEmpty()) {
            assertEquals(model.pollFirst(), queue.pollFirst());
        }
        assertNull(queue.pollFirst());
    }

    @Test
    void clearEmptiesAndTheQueueStaysUsable() {
        ReadyQueue queue = new ReadyQueue();
        for (int i = 0; i < 1_500; i++) {
            queue.addLast(i);
        }
        queue.clear();
        assertTrue(queue.isEmpty());
        queue.addLast("after");
        assertEquals("after", queue.pollFirst());
        assertNull(queue.pollFirst());
    }

    @Test
    void aQueueThatKeepsCrossingABlockEdgeAllocatesNothing() {
        ReadyQueue queue = new ReadyQueue();
        Object entry = new Object();
        // one entry in flight, moving through block after block: the emptied block is reused
        long bytes = Allocations.allocatedBy(() -> {
            for (int i = 0; i < 10_000; i++) {
                queue.addLast(entry);
                queue.pollFirst();
            }
        });
        assertEquals(0, bytes, "bytes allocated by 10,000 adds and polls");
    }
}
