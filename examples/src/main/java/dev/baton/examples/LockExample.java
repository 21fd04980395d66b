package dev.baton.examples;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Lock;

/**
 * The tutorial's Lock example (docs/design.md): the lock is held when two coroutines start, and a timer
 * callback releases it; coro1 takes it with {@code @Guarded} ({@code async with lock:}),
 * coro2 with an explicit acquire and release.
 *
 * <p>Prints {@code transcripts/lock.txt}, as {@code python3 lock.py} does.
 */
public abstract class LockExample {
    final Lock lock = new Lock();

    void unlock() {
        System.out.println("callback releasing lock");
        lock.release();
    }

    /** {@code async with lock:} around the body. */
    @Guarded("lock")
    Coroutine<Void> critical(String who) {
        System.out.println(who + " acquired lock");
        return done();
    }

    @Async
    Coroutine<Void> coro1() {
        System.out.println("coro1 waiting for the lock");
        await(critical("coro1"));
        System.out.println("coro1 released lock");
        return done();
    }

    @Async
    Coroutine<Void> coro2() {
        System.out.println("coro2 waiting for the lock");
        await(lock.acquire());
        try {
            System.out.println("coro2 acquired lock");
        } finally {
            System.out.println("coro2 released lock");
            lock.release();
        }
        return done();
    }

    @Async
    Coroutine<Void> main() {
        System.out.println("acquiring the lock before starting coroutines");
        await(lock.acquire());
        System.out.println("lock acquired: " + Examples.py(lock.locked()));
        EventLoop.current().callLater(0.1, () -> unlock());
        System.out.println("waiting for coroutines");
        await(waitAll(spawn(coro2()), spawn(coro1())));
        return done();
    }

    public static void main(String[] args) {
        EventLoop.run(new Baton_LockExample().main());
    }
}
