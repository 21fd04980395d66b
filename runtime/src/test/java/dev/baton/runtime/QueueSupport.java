package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * What the queue tests need beside {@link Machines}: the twins' {@code outcome(aw)} and
 * {@code print(...)}, and loops whose body sees each await's result.
 */
final class QueueSupport {
    private QueueSupport() {}

    /** The twins' {@code outcome(aw)}: awaits, yielding the result or the exception thrown. */
    static Awaitable<Object> outcome(Awaitable<?> awaitable) {
        return new Outcome(awaitable);
    }

    /** The twins' {@code outcome_now(fn)} for a call returning a value. */
    static Object outcomeNow(Supplier<?> call) {
        try {
            return call.get();
        } catch (Throwable t) {
            return t;
        }
    }

    /** The twins' {@code outcome_now(fn)} for a call returning nothing (Python's None). */
    static Object outcomeNowVoid(Runnable call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** Python's {@code print(*parts)}, each part as {@link #show} renders it. */
    static String line(Object... parts) {
        StringJoiner s = new StringJoiner(" ");
        for (Object part : parts) {
            s.add(part instanceof String ? (String) part : show(part));
        }
        return s.toString();
    }

    /** Python's {@code str(v)}; an exception by its asyncio class name (the twins' {@code show}). */
    static String show(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof Throwable) {
            return pyName((Throwable) v);
        }
        if (v instanceof List) {
            StringJoiner s = new StringJoiner(", ", "[", "]");
            for (Object x : (List<?>) v) {
                s.add(show(x));
            }
            return s.toString();
        }
        return v.toString();
    }

    /** The twins' {@code error(v)}: an exception by its message. */
    static String error(Object v) {
        return v instanceof Throwable ? "error: " + ((Throwable) v).getMessage() : show(v);
    }

    static String pyName(Throwable t) {
        if (t instanceof CancelledException) {
            return "CancelledError";
        }
        if (t instanceof QueueShutDownException) {
            return "QueueShutDown";
        }
        if (t instanceof QueueEmptyException) {
            return "QueueEmpty";
        }
        if (t instanceof QueueFullException) {
            return "QueueFull";
        }
        if (t instanceof TimeoutException) {
            return "TimeoutError";
        }
        return t.getClass().getSimpleName();
    }

    /** {@code while condition: after(await body())}. */
    static Coroutine<Void> loop(BooleanSupplier condition, Supplier<Awaitable<?>> body, java.util.function.Consumer<Object> after) {
        return new Loop(condition, body, after);
    }

    /** {@code for i in range(n): after(await body(i), i)}. */
    static Coroutine<Void> times(int n, IntFunction<Awaitable<?>> body, ObjIntConsumer<Object> after) {
        int[] i = {0};
        return new Loop(() -> i[0] < n, () -> body.apply(i[0]), v -> after.accept(v, i[0]++));
    }

    /** A {@code List} of the given tasks' done flags, for printing. */
    static List<Boolean> doneFlags(List<? extends Promise<?>> tasks) {
        List<Boolean> flags = new ArrayList<>();
        for (Promise<?> t : tasks) {
            flags.add(t.isDone());
        }
        return flags;
    }

    /** The number after {@code key=} in a queue's toString (getters, putters, unfinished, ...). */
    static int count(Queue<?> q, String key) {
        String s = q.toString();
        int at = s.indexOf(", " + key + "=");
        if (at < 0) {
            return 0; // joiners is shown only when there are some
        }
        int from = at + key.length() + 3;
        int to = from;
        while (to < s.length() && Character.isDigit(s.charAt(to))) {
            to++;
        }
        return Integer.parseInt(s.substring(from, to));
    }

    private static final class Outcome extends StateMachine<Object> {
        private final Awaitable<?> awaitable;

        Outcome(Awaitable<?> awaitable) {
            this.awaitable = awaitable;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) {
            if ($state == 0) {
                try {
                    value = $await(awaitable, 1);
                } catch (Throwable t) {
                    return t;
                }
                return value;
            }
            return failure != null ? failure : value;
        }
    }

    private static final class Loop extends StateMachine<Void> {
        private final BooleanSupplier condition;
        private final Supplier<Awaitable<?>> body;
        private final java.util.function.Consumer<Object> after;

        Loop(BooleanSupplier condition, Supplier<Awaitable<?>> body, java.util.function.Consumer<Object> after) {
            this.condition = condition;
            this.body = body;
            this.after = after;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            if ($state == 1) {
                if (failure != null) {
                    throw failure;
                }
                after.accept(value);
            }
            while (condition.getAsBoolean()) {
                value = $await(body.get(), 1);
                if (value == SUSPENDED) {
                    return SUSPENDED;
                }
                after.accept(value);
            }
            return null;
        }
    }
}
