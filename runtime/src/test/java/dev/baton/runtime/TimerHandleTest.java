package dev.baton.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerHandleTest {
    private final List<String> out = new ArrayList<>();

    @Test
    void whenIsTheLoopTimeTheCallbackIsDue() {
        EventLoop loop = EventLoop.virtual();
        TimerHandle later = loop.callLater(2.5, () -> out.add("later at " + loop.time()));
        TimerHandle at = loop.callAt(1.25, () -> out.add("at at " + loop.time()));
        assertEquals(2.5, later.when());
        assertEquals(1.25, at.when());
        loop.callLater(3, loop::stop);
        loop.runForever();
        assertEquals(List.of("at at 1.25", "later at 2.5"), out);
        loop.close();
    }

    @Test
    void aCancelledTimerNeverRunsAndLeavesTheHeapAtTheNextIteration() {
        EventLoop loop = EventLoop.virtual();
        TimerHandle t = loop.callLater(1, () -> out.add("ran"));
        assertFalse(t.isCancelled());
        t.cancel();
        t.cancel();
        assertTrue(t.isCancelled());
        assertEquals("EventLoop[idle, virtual clock, ready=0, timers=1, tasks=0]", loop.toString());
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals("EventLoop[idle, virtual clock, ready=0, timers=0, tasks=0]", loop.toString());
        assertEquals(0.0, loop.time(), "the clock does not jump to a cancelled timer");
        assertEquals(List.of(), out);
        loop.close();
    }

    @Test
    void manyCancelledTimersArePurgedAtOnce() {
        EventLoop loop = EventLoop.virtual();
        List<TimerHandle> timers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            timers.add(loop.callLater(1 + i, () -> out.add("t" + n)));
        }
        // cancel the later ones: they are not at the top of the heap, so only a purge removes them
        for (int i = 40; i < 200; i++) {
            timers.get(i).cancel();
        }
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals("EventLoop[idle, virtual clock, ready=0, timers=40, tasks=0]", loop.toString());
        loop.callLater(100, loop::stop);
        loop.runForever();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add("t" + i);
        }
        assertEquals(expected, out);
        loop.close();
    }

    @Test
    void cancellingAFiredTimerChangesNothing() {
        EventLoop loop = EventLoop.virtual();
        TimerHandle t = loop.callLater(1, () -> out.add("ran"));
        loop.callLater(2, loop::stop);
        loop.runForever();
        t.cancel();
        assertTrue(t.isCancelled());
        // a later purge must not count this timer as one still in the heap
        for (int i = 0; i < 150; i++) {
            loop.callLater(10, () -> { }).cancel();
        }
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals("EventLoop[idle, virtual clock, ready=0, timers=0, tasks=0]", loop.toString());
        assertEquals(List.of("ran"), out);
        loop.close();
    }

    @Test
    void toStringShowsWhenAndWhetherCancelled() {
        EventLoop loop = EventLoop.virtual();
        Runnable callback = new Runnable() {
            @Override
            public void run() {}

            @Override
            public String toString() {
                return "cb";
            }
        };
        TimerHandle t = loop.callAt(1.5, callback);
        assertEquals("TimerHandle[when=1.5, cb]", t.toString());
        t.cancel();
        assertEquals("TimerHandle[when=1.5, cancelled, cb]", t.toString());
        loop.close();
    }
}
