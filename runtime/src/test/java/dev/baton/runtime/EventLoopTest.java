package dev.baton.runtime;

import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    @Test
    void sleepZeroInterleavesTasksFifo() {
        List<String> out = new ArrayList<>();
        Coroutine<String> main = script(
                r -> {
                    spawnPrinter(out, "a");
                    spawnPrinter(out, "b");
                    return Baton.sleep(0.5);
                },
                r -> null);
        EventLoop.runVirtual(main);
        assertEquals(List.of("a0", "b0", "a1", "b1", "a2", "b2"), out);
    }

    private static void spawnPrinter(List<String> out, String name) {
        Baton.spawn(script(
                r -> { out.add(name + 0); return Baton.sleep(0); },
                r -> { out.add(name + 1); return Baton.sleep(0); },
                r -> { out.add(name + 2); return null; }));
    }

    @Test
    void timersRunInDeadlineOrderOnVirtualClock() {
        List<String> out = new ArrayList<>();
        EventLoop loop = EventLoop.virtual();
        loop.callLater(0.2, () -> out.add("0.2 at " + loop.time()));
        loop.callLater(0.1, () -> out.add("0.1 first"));
        loop.callLater(0.1, () -> out.add("0.1 second"));
        loop.callSoon(() -> out.add("soon"));
        loop.callLater(0.3, loop::stop);
        loop.runForever();
        assertEquals(List.of("soon", "0.1 first", "0.1 second", "0.2 at 0.2"), out);
        loop.close();
    }

    @Test
    void cancelBeforeFirstStepNeverRunsTheBody() {
        List<String> out = new ArrayList<>();
        List<Task<Object>> spawned = new ArrayList<>();
        EventLoop.runVirtual(script(r -> {
            Task<Object> t = Baton.spawn(script(x -> { out.add("ran"); return null; }));
            spawned.add(t);
            assertTrue(t.cancel("stop"));
            return Baton.sleep(0);
        }));
        assertEquals(List.of(), out);
        assertTrue(spawned.get(0).isCancelled());
    }

    @Test
    void awaitingACancelledTaskThrowsCancelled() {
        Coroutine<Object> main = script(r -> {
            Task<Object> t = Baton.spawn(script(x -> Baton.sleep(10)));
            EventLoop.current().callLater(1, () -> t.cancel("enough"));
            return t;
        });
        CancelledException e = assertThrows(CancelledException.class, () -> EventLoop.runVirtual(main));
        assertEquals("enough", e.getMessage());
    }
}
