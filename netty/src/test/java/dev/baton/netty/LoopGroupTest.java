package dev.baton.netty;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Async;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Task;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopGroupTest {
    private final LoopGroup group = new LoopGroup(2);

    @AfterEach
    void closeGroup() {
        group.close();
    }

    public abstract static class Programs {
        final List<String> log = new ArrayList<>();

        /** asyncio's ordering: callSoon FIFO, a yield runs behind what was ready, timers by deadline. */
        @Async
        Coroutine<List<String>> ordering() {
            EventLoop loop = EventLoop.current();
            loop.callLater(0.03, () -> log.add("timer 0.03"));
            loop.callLater(0.01, () -> log.add("timer 0.01"));
            loop.callSoon(() -> log.add("soon 1"));
            loop.callSoon(() -> log.add("soon 2"));
            log.add("before yield");
            await(sleep(0));
            log.add("after yield");
            await(sleep(0.05));
            log.add("after sleep");
            return done(log);
        }

        @Async
        Coroutine<EventLoop> whereAmI() {
            await(sleep(0));
            return done(EventLoop.current());
        }

        /**
         * Yields {@code n} times while a Netty task reschedules itself each turn of Netty's
         * loop; how many times it ran meanwhile.
         */
        @Async
        Coroutine<Integer> yieldWhileNettyWorks(io.netty.channel.EventLoop netty, int n) {
            AtomicInteger nettyRuns = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Runnable[] again = new Runnable[1];
            again[0] = () -> {
                nettyRuns.incrementAndGet();
                if (running.get()) {
                    netty.schedule(again[0], 0, TimeUnit.NANOSECONDS);
                }
            };
            netty.execute(again[0]);
            for (int i = 0; i < n; i++) {
                await(sleep(0));
            }
            running.set(false);
            return done(nettyRuns.get());
        }

        /** Hands Netty a task and yields until it ran: how many yields that took. */
        @Async
        Coroutine<Integer> yieldsUntilNettyRan(io.netty.channel.EventLoop netty) {
            AtomicBoolean ran = new AtomicBoolean();
            netty.execute(() -> ran.set(true));
            int yields = 0;
            while (!ran.get()) {
                await(sleep(0));
                yields++;
            }
            return done(yields);
        }

        /** Calls {@code remote} on the other loop and returns what it returned. */
        @Async
        Coroutine<EventLoop> callOther(LoopGroup group, EventLoop other) {
            return done(await(group.call(other, whereAmI())));
        }

        @Async
        Coroutine<String> failOn() {
            await(sleep(0));
            throw new IllegalArgumentException("remote failure");
        }

        @Async
        Coroutine<String> callFailing(LoopGroup group, EventLoop other) {
            try {
                return done(await(group.call(other, failOn())));
            } catch (IllegalArgumentException e) {
                return done("caught " + e.getMessage());
            }
        }

        @Async
        Coroutine<Void> sleepLong(AtomicBoolean cancelled) {
            try {
                await(sleep(60));
            } catch (CancelledException e) {
                cancelled.set(true);
                throw e;
            }
            return done();
        }

        /** Calls a long remote sleep, then cancels the waiting task. */
        @Async
        Coroutine<Boolean> cancelRemote(LoopGroup group, EventLoop other, AtomicBoolean cancelled) {
            Task<Void> waiting = spawn(awaitCall(group, other, cancelled));
            await(sleep(0.05));
            waiting.cancel();
            try {
                await(waiting);
            } catch (CancelledException e) {
                return done(true);
            }
            return done(false);
        }

        @Async
        Coroutine<Void> awaitCall(LoopGroup group, EventLoop other, AtomicBoolean cancelled) {
            await(group.call(other, sleepLong(cancelled)));
            return done();
        }

        @Async
        Coroutine<Integer> awaitNettyFuture(io.netty.channel.EventLoop netty) {
            Promise<Integer> fromHere = NettyFutures.promise(netty.schedule(() -> 42, 20, TimeUnit.MILLISECONDS));
            return done(await(fromHere));
        }

        @Async
        Coroutine<String> awaitFailedNettyFuture(io.netty.channel.EventLoop netty) {
            try {
                await(NettyFutures.promise(netty.schedule(() -> {
                    throw new IllegalStateException("scheduled failure");
                }, 10, TimeUnit.MILLISECONDS)));
                return done("no failure");
            } catch (IllegalStateException e) {
                return done(e.getMessage());
            }
        }

        @Async
        Coroutine<Boolean> cancelAwaitOfNettyFuture(io.netty.channel.EventLoop netty) {
            ScheduledFuture<Integer> future = netty.schedule(() -> 1, 60, TimeUnit.SECONDS);
            Task<Integer> waiting = spawn(awaitIt(future));
            await(sleep(0.02));
            waiting.cancel();
            try {
                await(waiting);
            } catch (CancelledException e) {
                await(sleep(0.01)); // the promise's done callback cancels the future
            }
            return done(future.isCancelled());
        }

        @Async
        Coroutine<Integer> awaitIt(ScheduledFuture<Integer> future) {
            return done(await(NettyFutures.promise(future)));
        }
    }

    @Test
    void asyncioSchedulingRulesHoldOnNettyThreads() {
        Programs p = new Baton_LoopGroupTest_Programs();
        assertEquals(List.of("before yield", "soon 1", "soon 2", "after yield", "timer 0.01", "timer 0.03", "after sleep"),
                group.submit(group.loop(0), p.ordering()).join());
    }

    @Test
    void eachLoopIsCurrentInItsTasks() {
        for (int i = 0; i < group.size(); i++) {
            assertSame(group.loop(i), group.submit(group.loop(i), new Baton_LoopGroupTest_Programs().whereAmI()).join());
        }
    }

    @Test
    void batonAndNettyTasksInterleave() {
        // busy on both sides: one Baton iteration and one run of Netty's task per turn
        int runs = group.submit(group.loop(1), new Baton_LoopGroupTest_Programs()
                .yieldWhileNettyWorks(group.nettyLoop(1), 1000)).join();
        assertTrue(runs >= 900 && runs <= 1100, "Netty ran " + runs + " times during 1000 Baton iterations");
        // a Baton task that never stops yielding does not hold Netty's tasks back
        int yields = group.submit(group.loop(1), new Baton_LoopGroupTest_Programs()
                .yieldsUntilNettyRan(group.nettyLoop(1))).join();
        assertTrue(yields <= 2, "Netty's task waited " + yields + " Baton iterations");
    }

    @Test
    void callRunsOnTheOtherLoopAndReturnsItsResult() {
        Programs p = new Baton_LoopGroupTest_Programs();
        assertSame(group.loop(1), group.submit(group.loop(0), p.callOther(group, group.loop(1))).join());
        assertEquals("caught remote failure", group.submit(group.loop(0), p.callFailing(group, group.loop(1))).join());
    }

    @Test
    void cancellingTheCallerCancelsTheRemoteTask() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        assertEquals(true, group.submit(group.loop(0), new Baton_LoopGroupTest_Programs()
                .cancelRemote(group, group.loop(1), cancelled)).join());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!cancelled.get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(cancelled.get(), "the remote task was cancelled");
    }

    @Test
    void submitReportsFailures() {
        CompletableFuture<String> failing = group.submit(group.next(), new Baton_LoopGroupTest_Programs().failOn());
        CompletionException e = assertThrows(CompletionException.class, failing::join);
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void nettyFuturesAreAwaitable() {
        Programs p = new Baton_LoopGroupTest_Programs();
        // a future of the other loop: completed there, resumed here
        assertEquals(42, group.submit(group.loop(0), p.awaitNettyFuture(group.nettyLoop(1))).join());
        assertEquals(42, group.submit(group.loop(0), new Baton_LoopGroupTest_Programs().awaitNettyFuture(group.nettyLoop(0))).join());
        assertEquals("scheduled failure", group.submit(group.loop(1), p.awaitFailedNettyFuture(group.nettyLoop(1))).join());
        assertEquals(true, group.submit(group.loop(0), p.cancelAwaitOfNettyFuture(group.nettyLoop(0))).join());
        assertEquals(true, group.submit(group.loop(0), new Baton_LoopGroupTest_Programs().cancelAwaitOfNettyFuture(group.nettyLoop(1))).join());
    }

    @Test
    void misuseIsRefusedClearly() {
        IllegalArgumentException notMember = assertThrows(IllegalArgumentException.class,
                () -> group.submit(new EventLoop(), new Baton_LoopGroupTest_Programs().whereAmI()));
        assertTrue(notMember.getMessage().endsWith("is not a loop of this group"), notMember.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LoopGroup(0));
        IllegalStateException noLoop = assertThrows(IllegalStateException.class, () -> group.connect("127.0.0.1", 1));
        assertEquals("no running event loop", noLoop.getMessage());
    }

    @Test
    void aRefusedConnectRaisesConnectionException() throws Exception {
        int freePort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        CompletableFuture<Integer> client = group.submit(group.loop(0),
                new Baton_Echo().client(group, freePort, "nobody", 1));
        CompletionException e = assertThrows(CompletionException.class, client::join);
        ConnectionException refused = assertInstanceOf(ConnectionException.class, e.getCause());
        assertTrue(refused.getMessage().startsWith("cannot connect to 127.0.0.1:" + freePort), refused.getMessage());
    }
}
