package dev.baton.netty;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.TimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedQueueTest {

    public abstract static class Traffic {

        /** Puts {@code count} items {@code producer * 1_000_000 + i}, some with a timeout that cancels the put. */
        @Async
        Coroutine<Integer> produce(SharedQueue<Integer> queue, int producer, int count) {
            int timeouts = 0;
            int i = 0;
            while (i < count) {
                Integer item = producer * 1_000_000 + i;
                if (i % 7 == 0) {
                    try {
                        await(waitFor(queue.put(item), 0.0005));
                    } catch (TimeoutException e) {
                        timeouts++;
                        continue; // not put: try the same item again
                    }
                } else {
                    await(queue.put(item));
                }
                i++;
            }
            return done(timeouts);
        }

        /** Takes items until it takes {@code -1}; every third get has a timeout that cancels it. */
        @Async
        Coroutine<List<Integer>> consume(SharedQueue<Integer> queue) {
            List<Integer> got = new ArrayList<>();
            int n = 0;
            while (true) {
                Integer item;
                if (n++ % 3 == 0) {
                    try {
                        item = await(waitFor(queue.get(), 0.0005));
                    } catch (TimeoutException e) {
                        continue;
                    }
                } else {
                    item = await(queue.get());
                }
                if (item == -1) {
                    return done(got);
                }
                got.add(item);
            }
        }

        @Async
        Coroutine<Void> put(SharedQueue<Integer> queue, int item) {
            await(queue.put(item));
            return done();
        }
    }

    @Test
    void underLoadAcrossLoopsEveryItemArrivesOnceAndInOrder() {
        int producers = 4;
        int consumers = 4;
        int perProducer = 5_000;
        try (LoopGroup group = new LoopGroup(2)) {
            SharedQueue<Integer> queue = new SharedQueue<>(16);
            List<CompletableFuture<List<Integer>>> takers = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                takers.add(group.submit(group.loop(c % 2), new Baton_SharedQueueTest_Traffic().consume(queue)));
            }
            List<CompletableFuture<Integer>> putters = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                putters.add(group.submit(group.loop((p + 1) % 2), new Baton_SharedQueueTest_Traffic().produce(queue, p, perProducer)));
            }
            int timeouts = 0;
            for (CompletableFuture<Integer> putter : putters) {
                timeouts += putter.join();
            }
            for (int c = 0; c < consumers; c++) {
                group.submit(group.loop(c % 2), new Baton_SharedQueueTest_Traffic().put(queue, -1)).join();
            }
            Set<Integer> seen = new HashSet<>();
            int total = 0;
            for (CompletableFuture<List<Integer>> taker : takers) {
                Map<Integer, Integer> lastOfProducer = new HashMap<>();
                for (int item : taker.join()) {
                    total++;
                    assertTrue(seen.add(item), "delivered twice: " + item);
                    int producer = item / 1_000_000;
                    Integer last = lastOfProducer.put(producer, item);
                    // each consumer sees each producer's items in order
                    assertTrue(last == null || last < item, "out of order: " + last + " then " + item);
                }
            }
            assertEquals(producers * perProducer, total, "every item once (with " + timeouts + " put timeouts)");
            assertEquals(0, queue.size());
        }
    }

    @Test
    void offerAndPollFromAnyThread() {
        SharedQueue<String> queue = new SharedQueue<>(2);
        assertTrue(queue.offer("a"));
        assertTrue(queue.offer("b"));
        assertFalse(queue.offer("c"));
        assertEquals("SharedQueue[2/2, getters=0, putters=0]", queue.toString());
        assertEquals("a", queue.poll());
        assertEquals("b", queue.poll());
        assertNull(queue.poll());
        assertThrows(NullPointerException.class, () -> queue.offer(null));
        assertThrows(IllegalArgumentException.class, () -> new SharedQueue<String>(0));
    }
}
