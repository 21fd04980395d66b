package dev.baton.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostedLoopTest {

    @Test
    void runsOneIterationAtATimeWithoutWaiting() {
        AtomicInteger wakeups = new AtomicInteger();
        HostedLoop driver = new HostedLoop(wakeups::incrementAndGet);
        EventLoop loop = driver.loop();
        assertFalse(loop.isRunning());
        driver.attach();
        try {
            assertTrue(loop.isRunning());
            assertSame(loop, EventLoop.current());
            assertEquals(-1, driver.nanosUntilWork());
            driver.runOnce(); // nothing to do: returns at once

            List<String> log = new ArrayList<>();
            loop.callSoon(() -> {
                log.add("first");
                loop.callSoon(() -> log.add("next iteration"));
            });
            assertEquals(0, driver.nanosUntilWork());
            driver.runOnce();
            assertEquals(List.of("first"), log); // one iteration's snapshot
            driver.runOnce();
            assertEquals(List.of("first", "next iteration"), log);

            loop.callLater(10, () -> log.add("timer"));
            long nanos = driver.nanosUntilWork();
            assertTrue(nanos > 9_000_000_000L && nanos <= 10_000_000_000L, "until the timer: " + nanos);
            driver.runOnce(); // the timer is not due: no wait, no run
            assertEquals(2, log.size());

            loop.stop(); // means nothing to a driven loop
            driver.runOnce();
            assertTrue(loop.isRunning());
        } finally {
            driver.detach();
        }
        assertFalse(loop.isRunning());
        assertThrows(IllegalStateException.class, EventLoop::current);
        loop.close();
    }

    @Test
    void aThreadsafeCallbackWakesTheDriver() throws Exception {
        AtomicInteger wakeups = new AtomicInteger();
        HostedLoop driver = new HostedLoop(wakeups::incrementAndGet);
        driver.attach();
        try {
            List<String> log = new ArrayList<>();
            Thread other = new Thread(() -> driver.loop().callSoonThreadsafe(() -> log.add("from another thread")));
            other.start();
            other.join();
            assertEquals(1, wakeups.get());
            assertEquals(0, driver.nanosUntilWork());
            driver.runOnce();
            assertEquals(List.of("from another thread"), log);
        } finally {
            driver.detach();
            driver.loop().close();
        }
    }

    @Test
    void onlyTheAttachedThreadDrives() throws Exception {
        HostedLoop driver = new HostedLoop(() -> { });
        driver.attach();
        try {
            Throwable[] thrown = new Throwable[1];
            Thread other = new Thread(() -> {
                try {
                    driver.runOnce();
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            other.start();
            other.join();
            assertTrue(thrown[0] instanceof IllegalStateException, String.valueOf(thrown[0]));
            assertThrows(IllegalStateException.class, driver::attach); // already running
            assertThrows(IllegalStateException.class, () -> new HostedLoop(() -> { }).attach()); // a loop runs here
        } finally {
            driver.detach();
            driver.loop().close();
        }
        assertThrows(NullPointerException.class, () -> new HostedLoop(null));
    }
}
