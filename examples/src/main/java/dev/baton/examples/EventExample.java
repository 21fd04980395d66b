package dev.baton.examples;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.AwaitsEvent;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Event;
import dev.baton.runtime.EventLoop;

/**
 * The tutorial's Event example (docs/design.md): two coroutines wait for an event that a timer callback sets;
 * the waiting is {@code @AwaitsEvent} ({@code await event.wait()} before the body).
 *
 * <p>Prints {@code transcripts/event.txt}, as {@code python3 event.py} does.
 */
public abstract class EventExample {
    final Event event = new Event();

    void setEvent() {
        System.out.println("setting event in callback");
        event.set();
    }

    /** {@code await event.wait()}, then the body. */
    @AwaitsEvent("event")
    Coroutine<Void> triggered(String who) {
        System.out.println(who + " triggered");
        return done();
    }

    @Async
    Coroutine<Void> coro1() {
        System.out.println("coro1 waiting for event");
        await(triggered("coro1"));
        return done();
    }

    @Async
    Coroutine<Void> coro2() {
        System.out.println("coro2 waiting for event");
        await(triggered("coro2"));
        return done();
    }

    @Async
    Coroutine<Void> main() {
        System.out.println("event start state: " + Examples.py(event.isSet()));
        EventLoop.current().callLater(0.1, () -> setEvent());
        await(waitAll(spawn(coro2()), spawn(coro1())));
        System.out.println("event end state: " + Examples.py(event.isSet()));
        return done();
    }

    public static void main(String[] args) {
        EventLoop.run(new Baton_EventExample().main());
    }
}
