package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.runtime.internal.StateMachine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Debug mode's reports of the runtime (the never-awaited report and the template lines are
 * tested with generated coroutines, in the processor's tests).
 */
@Timeout(20)
class DebugModeTest {

    @Test
    void offByDefaultAndSwitchable() {
        EventLoop loop = EventLoop.virtual();
        assertFalse(loop.isDebug()); // the build does not set baton.debug
        loop.setDebug(true);
        assertTrue(loop.isDebug());
        loop.setDebug(false);
        assertFalse(loop.isDebug());
        assertEquals(0.1, loop.slowCallbackDuration());
        assertEquals(5.0, loop.stuckWarning());
        assertThrows(IllegalArgumentException.class, () -> loop.setSlowCallbackDuration(-1));
        assertThrows(IllegalArgumentException.class, () -> loop.setStuckWarning(0));
        loop.close();
    }

    @Test
    void aSlowCallbackIsReportedAsAsyncioWordsIt() {
        try (LogCapture log = new LogCapture()) {
            EventLoop loop = EventLoop.virtual();
            loop.setDebug(true);
            loop.runUntilComplete(script(r -> {
                EventLoop.current().callSoon(new Runnable() {
                    @Override
                    public void run() {
                        busy(150);
                    }

                    @Override
                    public String toString() {
                        return "busy()";
                    }
                });
                EventLoop.current().callSoon(() -> { });
                return sleep(0.01);
            }));
            loop.close();
            // only the busy callback is slow (other steps too, on a machine loaded enough)
            List<String> messages = log.messages("Executing <Handle[busy()]>");
            assertEquals(1, messages.size(), messages.toString());
            assertTrue(messages.get(0).matches("Executing <Handle\\[busy\\(\\)\\]> took \\d+\\.\\d{3} seconds"),
                    messages.get(0));
            // the callback spun 0.15 s (more on a loaded machine)
            assertTrue(Double.parseDouble(messages.get(0).replaceAll(".* took (.*) seconds", "$1")) >= 0.15);
        }
    }

    @Test
    void theThresholdIsTheLoopsAndNothingIsReportedOutOfDebugMode() {
        try (LogCapture log = new LogCapture()) {
            EventLoop loop = EventLoop.virtual();
            loop.runUntilComplete(script(r -> {
                busy(120);
                return sleep(0);
            }));
            loop.setDebug(true);
            loop.setSlowCallbackDuration(1);
            loop.runUntilComplete(script(r -> {
                busy(120);
                return sleep(0);
            }));
            loop.close();
            assertEquals(List.of(), log.messages());
        }
    }

    @Test
    void aPrimitiveTouchedFromAnotherThreadIsReportedThoughTheCallerSwallowsIt() throws Exception {
        Lock lock = new Lock();
        try (LogCapture log = new LogCapture()) {
            EventLoop loop = EventLoop.virtual();
            loop.setDebug(true);
            CompletableFuture<String> other = new CompletableFuture<>();
            loop.runUntilComplete(script(
                    r -> lock.acquire(),
                    r -> {
                        CompletableFuture<Void> swallowed = CompletableFuture.runAsync(lock::release);
                        // runAsync's future holds the exception; nobody looks at it
                        return StateMachine.$awaitable(swallowed.handle((v, e) -> "ignored"));
                    },
                    r -> {
                        lock.release();
                        return sleep(0);
                    }));
            loop.close();
            List<String> messages = log.messages("called from thread '");
            assertEquals(1, messages.size(), messages.toString());
            assertTrue(log.records().stream().anyMatch(r -> r.getThrown() instanceof IllegalStateException));
        }
    }

    @Test
    void aLoopStuckOnTheRealClockLogsTheDumpOnce() throws Exception {
        Event event = new Event();
        try (LogCapture log = new LogCapture()) {
            EventLoop loop = new EventLoop();
            loop.setDebug(true);
            loop.setStuckWarning(0.2);
            Thread setter = new Thread(() -> {
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    return;
                }
                loop.callSoonThreadsafe(event::set);
            });
            assertEquals(Boolean.TRUE, loop.runUntilComplete(script(r -> {
                setter.start();
                return event.waitSet();
            })));
            setter.join();
            loop.close();
            List<String> messages = log.messages("event loop stuck");
            assertEquals(1, messages.size(), messages.toString());
            assertTrue(messages.get(0).startsWith("event loop stuck for 0.2 seconds: "), messages.get(0));
            assertTrue(messages.get(0).contains("\n1 pending task:\n└── Task 'Task-1' waiting on wait() of"
                    + " Event[unset, waiters=1]\n"), messages.get(0));
        }
    }

    @Test
    void tasksRecordWhereTheyWereSpawned() {
        EventLoop loop = EventLoop.virtual();
        loop.setDebug(true);
        String dump = loop.runUntilComplete(script(
                r -> {
                    spawn(script(x -> sleep(1)), "sleeper");
                    return sleep(0);
                },
                r -> {
                    CompletableFuture<String> d = new CompletableFuture<>();
                    d.complete(EventLoop.current().dumpTasks());
                    return StateMachine.$awaitable(d);
                }));
        loop.close();
        assertTrue(dump.contains("└── Task 'sleeper' waiting on Promise[pending]\n"
                + "    in sleep(1.0)\n    in "), dump);
        assertTrue(dump.matches("(?s).*\n    spawned at dev\\.baton\\.runtime\\.DebugModeTest\\.lambda\\$[^\n]*"
                + "\\(DebugModeTest\\.java:\\d+\\)\n"), dump);
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
