package dev.baton.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandleTest {
    private final List<String> out = new ArrayList<>();

    @Test
    void cancelPreventsTheCallback() {
        EventLoop loop = EventLoop.virtual();
        Handle h = loop.callSoon(() -> out.add("ran"));
        assertFalse(h.isCancelled());
        h.cancel();
        assertTrue(h.isCancelled());
        h.cancel();
        assertTrue(h.isCancelled());
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of(), out);
        loop.close();
    }

    @Test
    void cancelAfterTheCallbackRanChangesNothingButTheFlag() {
        EventLoop loop = EventLoop.virtual();
        Handle h = loop.callSoon(() -> out.add("ran"));
        loop.callSoon(loop::stop);
        loop.runForever();
        h.cancel();
        assertTrue(h.isCancelled());
        assertEquals(List.of("ran"), out);
        loop.close();
    }

    @Test
    void runCallsTheCallbackUnlessCancelled() {
        EventLoop loop = EventLoop.virtual();
        Handle h = loop.callSoon(() -> out.add("ran"));
        h.run();
        assertEquals(List.of("ran"), out);
        h.cancel();
        h.run();
        assertEquals(List.of("ran"), out);
        loop.close();
    }

    @Test
    void toStringShowsTheCallbackAndWhetherCancelled() {
        EventLoop loop = EventLoop.virtual();
        Runnable callback = new Runnable() {
            @Override
            public void run() {}

            @Override
            public String toString() {
                return "cb";
            }
        };
        Handle h = loop.callSoon(callback);
        assertEquals("Handle[cb]", h.toString());
        h.cancel();
        assertEquals("Handle[cancelled, cb]", h.toString());
        loop.close();
    }
}
