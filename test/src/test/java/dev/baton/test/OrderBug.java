package dev.baton.test;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;

import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An order-dependent bug: a reader and a writer whose timers both fire at 0.1 s. It is right
 * only when the writer's timer fires first, which a virtual loop always does (it was
 * scheduled first); on a real loop, a timer can fire a little late.
 */
abstract class OrderBug {
    final List<String> log = new ArrayList<>();

    @Async
    Coroutine<Void> write(double delay) {
        await(sleep(delay));
        log.add("write@" + EventLoop.current().time());
        return done();
    }

    @Async
    Coroutine<Void> read(double delay) {
        await(sleep(delay));
        log.add("read@" + EventLoop.current().time());
        if (log.size() == 1) {
            throw new IllegalStateException("read before write");
        }
        return done();
    }

    /** Writes then reads, both 0.1 s from now: the bug. */
    @Async
    Coroutine<Void> writeThenRead() {
        return done(await(both(0.1, 0.1)));
    }

    @Async
    Coroutine<Void> both(double writeDelay, double readDelay) {
        Task<Void> writer = spawn(write(writeDelay));
        Task<Void> reader = spawn(read(readDelay));
        await(writer);
        await(reader);
        return done();
    }

    @Async
    Coroutine<Void> named(String name, double delay) {
        await(sleep(delay));
        log.add(name);
        return done();
    }

    /** Five tasks whose timers all fire at 1 s: an order to observe. */
    @Async
    Coroutine<List<String>> fiveAtOnce() {
        List<Task<Void>> tasks = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            tasks.add(spawn(named(name, 1.0)));
        }
        for (Task<Void> task : tasks) {
            await(task);
        }
        return done(List.copyOf(log));
    }

    @Async
    Coroutine<Void> reply() {
        String answer = await(CompletableFuture.supplyAsync(() -> "pong"));
        log.add(answer + "@" + EventLoop.current().time());
        return done();
    }

    @Async
    Coroutine<Void> impatient() {
        await(sleep(0.0005));
        if (log.isEmpty()) {
            throw new IllegalStateException("gave up before the reply");
        }
        return done();
    }

    /** Waits half a millisecond for a foreign reply: right only while replies are instant. */
    @Async
    Coroutine<Void> replyRace() {
        Task<Void> replying = spawn(reply());
        Task<Void> waiting = spawn(impatient());
        await(replying);
        await(waiting);
        return done();
    }
}
