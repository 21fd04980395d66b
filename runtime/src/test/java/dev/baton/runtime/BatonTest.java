package dev.baton.runtime;

import static dev.baton.runtime.Machines.catching;
import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The statics of {@link Baton} that are not combinators (those have their own tests). */
class BatonTest {
    private final List<String> out = new ArrayList<>();

    @Test
    void awaitOutsideGeneratedCodeNamesTheMethodToAnnotate() {
        IllegalStateException e = assertThrows(IllegalStateException.class, this::untransformed);
        assertEquals("await() ran untransformed in dev.baton.runtime.BatonTest.untransformed(): annotate"
                + " the method with @Async (or @Guarded, @AwaitsEvent, @Consumes), build with Baton's"
                + " annotation processor, and call it on an instance of the generated Baton_BatonTest"
                + " rather than on the template class itself", e.getMessage());
    }

    private void untransformed() {
        Baton.await(Baton.sleep(1));
    }

    @Test
    void awaitOfACompletionStageOutsideGeneratedCodeFailsToo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Template.stage(new CompletableFuture<>()));
        assertTrue(e.getMessage().startsWith(
                "await() ran untransformed in dev.baton.runtime.BatonTest$Template.stage(): annotate"), e.getMessage());
        assertTrue(e.getMessage().contains("generated Baton_BatonTest_Template "), e.getMessage());
    }

    static final class Template {
        static String stage(CompletableFuture<String> future) {
            return Baton.await(future);
        }
    }

    @Test
    void doneMakesACompletedCoroutine() {
        EventLoop loop = EventLoop.virtual();
        assertNull(loop.runUntilComplete(Baton.done()));
        assertEquals("v", loop.runUntilComplete(Baton.done("v")));
        assertEquals("done(v)", Baton.done("v").toString());
        loop.close();
    }

    @Test
    void sleepWaitsOnTheLoopClock() {
        EventLoop loop = EventLoop.virtual();
        loop.runUntilComplete(Baton.sleep(2.5));
        assertEquals(2.5, loop.time());
        assertEquals("sleep(2.5)", Baton.sleep(2.5).toString());
        loop.close();
    }

    @Test
    void sleepOfZeroOrLessYieldsOnce() {
        EventLoop loop = EventLoop.virtual();
        assertSame(Baton.sleep(0), Baton.sleep(-1));
        loop.callSoon(() -> out.add("callback"));
        loop.runUntilComplete(script(r -> {
            out.add("before");
            return Baton.sleep(0);
        }, r -> {
            out.add("after");
            return Baton.sleep(-5);
        }));
        assertEquals(List.of("callback", "before", "after"), out);
        assertEquals(0.0, loop.time());
        loop.close();
    }

    @Test
    void sleepOfNaNIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baton.sleep(Double.NaN));
        assertEquals("Invalid delay: NaN (not a number)", e.getMessage());
    }

    @Test
    void aCancelledSleepLeavesNoTimer() {
        EventLoop loop = EventLoop.virtual();
        Task<Void> sleeper = loop.createTask(script(r -> Baton.sleep(100)));
        loop.runUntilComplete(Baton.sleep(1));
        sleeper.cancel();
        loop.runUntilComplete(catching((v, f) -> sleeper, (v, f) -> null));
        loop.runUntilComplete(Baton.sleep(0));
        assertEquals("EventLoop[idle, virtual clock, ready=0, timers=0, tasks=0]", loop.toString());
        assertEquals(1.0, loop.time());
        loop.close();
    }

    @Test
    void aSleepIsColdAndOneShot() {
        EventLoop loop = EventLoop.virtual();
        Awaitable<Void> s = Baton.sleep(1);
        assertEquals("EventLoop[idle, virtual clock, ready=0, timers=0, tasks=0]", loop.toString());
        loop.runUntilComplete(s);
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(s));
        loop.close();
    }

    @Test
    void spawnCreatesATaskOnTheRunningLoop() {
        List<Task<?>> spawned = new ArrayList<>();
        EventLoop.runVirtual(script(r -> {
            Task<String> a = Baton.spawn(Baton.done("a"));
            Task<String> b = Baton.spawn(Baton.done("b"), "bee");
            spawned.add(a);
            spawned.add(b);
            assertSame(EventLoop.current(), a.loop());
            return b;
        }));
        assertEquals("a", spawned.get(0).result());
        assertEquals("bee", spawned.get(1).name());
    }

    @Test
    void spawnAndCurrentTaskNeedARunningLoop() {
        assertEquals("no running event loop",
                assertThrows(IllegalStateException.class, () -> Baton.spawn(Baton.done())).getMessage());
        assertThrows(IllegalStateException.class, () -> Baton.spawn(Baton.done(), "x"));
        assertThrows(IllegalStateException.class, Baton::currentTask);
    }

    @Test
    void currentTaskIsNullInACallback() {
        EventLoop loop = EventLoop.virtual();
        List<Object> seen = new ArrayList<>();
        loop.callSoon(() -> {
            seen.add(String.valueOf(Baton.currentTask()));
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("null"), seen);
        loop.close();
    }
}
