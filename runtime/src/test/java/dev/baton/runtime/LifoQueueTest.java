package dev.baton.runtime;

import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LifoQueue}: the shared contract of {@link QueueKindTests} (its twins: kinds.py), and null items. */
class LifoQueueTest extends QueueKindTests {

    @Override
    Queue<Object> newQueue(int maxsize) {
        return new LifoQueue<>(maxsize);
    }

    @Override
    String kind() {
        return "LifoQueue";
    }

    @Test
    void defaultConstructorIsUnbounded() {
        LifoQueue<String> q = new LifoQueue<>();
        assertEquals(0, q.maxsize());
        q.putNowait("a");
        q.putNowait("b");
        assertEquals("b", q.getNowait());
        assertEquals("a", q.getNowait());
    }

    @Test
    void nullItemsAreItems() {
        LifoQueue<String> q = new LifoQueue<>();
        List<Object> got = new ArrayList<>();
        EventLoop.runVirtual(script(
                r -> q.put(null),
                r -> q.put("x"),
                r -> {
                    q.putNowait(null);
                    return q.get();
                },
                r -> {
                    got.add(r);
                    return q.get();
                },
                r -> {
                    got.add(r);
                    return q.get();
                },
                r -> {
                    got.add(r);
                    return null;
                }));
        assertEquals(Arrays.asList(null, "x", null), got);
        assertEquals(0, q.qsize());
    }
}
