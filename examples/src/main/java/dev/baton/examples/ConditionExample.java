package dev.baton.examples;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.Guarded;
import dev.baton.runtime.Condition;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's Condition example (docs/design.md): five consumers wait on a condition, and a manipulator
 * notifies one, then two, then all of them. Every {@code async with condition:} block is a
 * {@code @Guarded("condition")} method; the consumers wait with {@code waitNotified()}.
 *
 * <p>Prints {@code transcripts/condition.txt}, as {@code python3 condition.py} does.
 */
public abstract class ConditionExample {
    final Condition condition = new Condition();

    /** {@code async with condition:} in consumer(). */
    @Guarded("condition")
    Coroutine<Void> awaitTrigger(int n) {
        System.out.println("consumer " + n + " is waiting");
        await(condition.waitNotified());
        System.out.println("consumer " + n + " triggered");
        return done();
    }

    @Async
    Coroutine<Void> consumer(int n) {
        await(awaitTrigger(n));
        System.out.println("ending consumer " + n);
        return done();
    }

    @Guarded("condition")
    Coroutine<Void> notifyConsumers(int n) {
        System.out.println("notifying " + n + " consumers");
        condition.notify(n);
        return done();
    }

    @Guarded("condition")
    Coroutine<Void> notifyRemaining() {
        System.out.println("notifying remaining consumers");
        condition.notifyAllWaiters();
        return done();
    }

    @Async
    Coroutine<Void> manipulateCondition() {
        System.out.println("starting manipulate_condition");
        // pause to let consumers start
        await(sleep(0.1));
        for (int i = 1; i < 3; i++) {
            await(notifyConsumers(i));
            await(sleep(0.1));
        }
        await(notifyRemaining());
        System.out.println("ending manipulate_condition");
        return done();
    }

    @Async
    Coroutine<Void> main() {
        spawn(manipulateCondition());
        List<Task<Void>> consumers = new ArrayList<>();
        for (int i : new int[] {3, 0, 4, 1, 2}) {
            consumers.add(spawn(consumer(i)));
        }
        await(waitTasks(consumers, ReturnWhen.ALL_COMPLETED));
        return done();
    }

    public static void main(String[] args) {
        EventLoop.run(new Baton_ConditionExample().main());
    }
}
