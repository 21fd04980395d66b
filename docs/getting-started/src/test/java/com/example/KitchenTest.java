package com.example;

import static dev.baton.runtime.Baton.*;
import static dev.baton.test.BatonTesting.runTest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.test.BatonTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@BatonTest
class KitchenTest {
    final Kitchen kitchen = new Baton_Kitchen();

    @Test
    void dishesComeInTheOrderAsked() {
        assertEquals(List.of("soup is ready", "pasta is ready"), runTest(kitchen.dinner()));
    }

    @Async
    Coroutine<Double> timedDinner() {
        double start = EventLoop.current().time();
        await(kitchen.dinner());
        return done(EventLoop.current().time() - start);
    }

    @Test
    void theStoveCooksOneDishAtATime() {
        assertEquals(0.3, runTest(timedDinner()), 1e-9); // virtual time: instant
    }
}
