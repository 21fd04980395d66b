package com.example;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Lock;
import java.util.List;

public abstract class Kitchen {
    final Lock stove = new Lock();

    @Guarded("stove")
    Coroutine<String> cook(String dish, double seconds) {
        System.out.println("cooking " + dish);
        await(sleep(seconds));
        return done(dish + " is ready");
    }

    @Async
    public Coroutine<List<Object>> dinner() {
        List<Object> dishes = await(gather(cook("soup", 0.2), cook("pasta", 0.1)));
        return done(dishes);
    }

    public static void main(String[] args) {
        System.out.println(EventLoop.run(new Baton_Kitchen().dinner()));
    }
}
