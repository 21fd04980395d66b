package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Hand-written state machines of exactly the shape the processor emits, for testing the
 * runtime without the processor: a coroutine is a list of steps, each printing and then
 * awaiting (or not) the awaitable it returns.
 */
final class Machines {
    private Machines() {}

    /** One step of a scripted coroutine: gets the previous await's result, returns the next awaitable or null. */
    interface Step extends Function<Object, Awaitable<?>> {}

    /** A coroutine that runs {@code steps} in order, awaiting what each returns; its result is the last await's. */
    static <T> Coroutine<T> script(Step... steps) {
        return new Script<>(List.of(steps));
    }

    static final class Script<T> extends StateMachine<T> {
        private final List<Step> steps;
        private Object last;

        Script(List<Step> steps) {
            this.steps = new ArrayList<>(steps);
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            for (;;) {
                if ($state > 0) {
                    if (failure != null) {
                        throw failure;
                    }
                    last = value;
                }
                if ($state == steps.size()) {
                    return last;
                }
                Awaitable<?> next = steps.get($state).apply(last);
                if (next == null) {
                    $state++;
                    value = last;
                    continue;
                }
                value = $await(next, $state + 1);
                if (value == SUSPENDED) {
                    return SUSPENDED;
                }
            }
        }
    }
}
