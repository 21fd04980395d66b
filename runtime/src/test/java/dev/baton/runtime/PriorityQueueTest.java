package dev.baton.runtime;

import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.QueueSupport.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PriorityQueue}: the shared contract of {@link QueueKindTests} (its twins: kinds.py),
 * comparators, FIFO order among equal items, and the refusal of null and non-comparable items.
 */
class PriorityQueueTest extends QueueKindTests {

    @Override
    Queue<Object> newQueue(int maxsize) {
        return new PriorityQueue<>(maxsize);
    }

    @Override
    String kind() {
        return "PriorityQueue";
    }

    record Job(int priority, String name) { }

    @Test
    void comparatorOrders() {
        PriorityQueue<String> q = new PriorityQueue<>(0, Comparator.reverseOrder());
        for (String s : List.of("b", "d", "a", "c")) {
            q.putNowait(s);
        }
        List<String> got = new ArrayList<>();
        while (!q.isEmpty()) {
            got.add(q.getNowait());
        }
        assertEquals(List.of("d", "c", "b", "a"), got);
    }

    @Test
    void equalItemsLeaveInFifoOrder() {
        PriorityQueue<Job> q = new PriorityQueue<>(0, Comparator.comparingInt(Job::priority));
        List<Job> put = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            Job job = new Job(random.nextInt(5), "job" + i);
            put.add(job);
        }
        List<Job> got = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> times(put.size(), i -> q.put(put.get(i)), (v, i) -> { }),
                r -> times(put.size(), i -> q.get(), (v, i) -> got.add((Job) v))));
        List<Job> expected = new ArrayList<>(put);
        expected.sort(Comparator.comparingInt(Job::priority)); // List.sort is stable
        assertEquals(expected, got);
    }

    @Test
    void interleavedPutsAndGetsStayOrdered() {
        PriorityQueue<Integer> q = new PriorityQueue<>();
        java.util.PriorityQueue<Integer> reference = new java.util.PriorityQueue<>();
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            if (reference.isEmpty() || random.nextInt(3) > 0) {
                int x = random.nextInt(1000);
                q.putNowait(x);
                reference.add(x);
            } else {
                assertEquals(reference.poll(), q.getNowait());
            }
            assertEquals(reference.size(), q.qsize());
        }
        while (!reference.isEmpty()) {
            assertEquals(reference.poll(), q.getNowait());
        }
    }

    @Test
    void nullItemsAreRefusedAtTheCall() {
        PriorityQueue<String> q = new PriorityQueue<>(1);
        q.putNowait("full");
        NullPointerException e = assertThrows(NullPointerException.class, () -> q.putNowait(null));
        assertEquals("PriorityQueue does not accept null items", e.getMessage());
        // put(null) fails when called, not after waiting for room in the full queue
        assertThrows(NullPointerException.class, () -> q.put(null));
        assertEquals(1, q.qsize());
        assertEquals("full", q.getNowait());
    }

    @Test
    void nonComparableItemsAreRefusedWithoutAComparator() {
        PriorityQueue<Object> q = new PriorityQueue<>();
        ClassCastException e = assertThrows(ClassCastException.class, () -> q.putNowait(new Object()));
        assertTrue(e.getMessage().contains("is not Comparable"), e.getMessage());
        assertThrows(ClassCastException.class, () -> q.put(new Object()));
        assertEquals(0, q.qsize());
        PriorityQueue<Object> withComparator = new PriorityQueue<>(0, Comparator.comparing(Object::hashCode));
        withComparator.putNowait(new Object());
        assertEquals(1, withComparator.qsize());
    }

    @Test
    void aThrowingComparatorLeavesTheQueueAsItWas() {
        PriorityQueue<Integer> q = new PriorityQueue<>(0, (a, b) -> {
            if (a == 13 || b == 13) {
                throw new IllegalArgumentException("unlucky");
            }
            return Integer.compare(a, b);
        });
        q.putNowait(2);
        q.putNowait(1);
        assertThrows(IllegalArgumentException.class, () -> q.putNowait(13));
        assertEquals(2, q.qsize());
        assertEquals(1, q.getNowait());
        assertEquals(2, q.getNowait());
    }
}
