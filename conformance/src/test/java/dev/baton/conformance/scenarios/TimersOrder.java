package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.TimerHandle;

/**
 * callLater / callAt / sleep: deadline order, ties in scheduling order, cancelled timers
 * never fire. (The twin avoids exact ties between callAt and callLater: on CPython's real
 * clock their deadlines differ by the microseconds between the calls.)
 */
public abstract class TimersOrder extends Scenario {
    double start;

    void fire(String name) {
        print("timer", name, "at", tenths(EventLoop.current().time() - start));
    }

    @Async
    Coroutine<Void> sleeper(String name, double delay) {
        await(sleep(delay));
        print("sleeper", name, "woke at", tenths(EventLoop.current().time() - start));
        return done();
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        EventLoop loop = EventLoop.current();
        start = loop.time();

        loop.callAt(start + 0.2, () -> fire("a2"));
        loop.callLater(0.3, () -> fire("c"));
        loop.callLater(0.1, () -> fire("a"));
        TimerHandle h = loop.callLater(0.2, () -> fire("cancelled"));
        loop.callLater(0.2, () -> fire("b"));
        h.cancel();
        print("handle cancelled:", h.isCancelled());

        await(gather(sleeper("x", 0.2), sleeper("y", 0.1), sleeper("z", 0.4)));
        await(sleep(0.1));
        print("main done at", tenths(loop.time() - start));
        return done();
    }
}
