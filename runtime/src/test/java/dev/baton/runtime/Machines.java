package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Hand-written state machines of exactly the shape the processor emits, for testing the
 * runtime without the processor: a coroutine is a list of steps, each printing and then
 * awaiting (or not) the awaitable it returns.
 */
final class Machines {
    private Machines() {}

    /** One step of a scripted coroutine: gets the previous await's result, returns the next awaitable or null. */
    interface Step extends Function<Object, Awaitable<?>> {}

    /**
     * One step that also sees the previous await's failure (a {@code try/catch} around that
     * await): it may handle it, or rethrow it to fail the coroutine.
     */
    interface Catching {
        Awaitable<?> apply(Object value, Throwable failure) throws Throwable;
    }

    /** A coroutine that runs {@code steps} in order, awaiting what each returns; its result is the last await's. */
    static <T> Coroutine<T> script(Step... steps) {
        return new Script<>(List.of(steps));
    }

    /**
     * Like {@link #script}, but a failed await does not fail the coroutine: the next step
     * receives it (the first step gets {@code (null, null)}). The result is the last await's.
     */
    static <T> Coroutine<T> catching(Catching... steps) {
        return new CatchingScript<>(List.of(steps));
    }

    /** {@code for i in range(n): await next(i)}: a coroutine awaiting {@code n} awaitables in turn. */
    static Coroutine<Void> repeat(int n, IntFunction<Awaitable<?>> next) {
        return new Repeat(n, next);
    }

    /** A coroutine that completes at once with {@code value} ({@code async def f(): return value}). */
    static <T> Coroutine<T> returning(T value) {
        return Baton.done(value);
    }

    /** A coroutine that fails at once with {@code failure}. */
    static <T> Coroutine<T> failing(Throwable failure) {
        return catching((v, f) -> {
            throw failure;
        });
    }

    /** {@code asyncio.create_task(awaitable)} on the running loop, for any awaitable. */
    @SuppressWarnings("unchecked")
    static <T> Task<T> task(Awaitable<T> awaitable) {
        return (Task<T>) EventLoop.current().ensurePromise(awaitable);
    }

    /** A mutable local for lambdas (a Python {@code nonlocal}). */
    static final class Ref<T> {
        T value;

        Ref() {}

        Ref(T value) {
            this.value = value;
        }

        T get() {
            return value;
        }

        void set(T value) {
            this.value = value;
        }
    }

    /**
     * The body of a {@link #coroutine(Body)}: a switch on {@code f.state()}, as generated code
     * is. Each state gets the outcome of the await that led to it: its result, or its failure
     * (passed in, not thrown, so the body can run Python's except/finally logic). A state
     * either returns {@code f.await(awaitable, nextState)} or returns the coroutine's result
     * (or throws its failure).
     */
    @FunctionalInterface
    interface Body<T> {
        Object resume(Frame<T> f, Object value, Throwable failure) throws Throwable;
    }

    /** A hand-written coroutine with try/except/finally in any state: see {@link Body}. */
    static <T> Coroutine<T> coroutine(Body<T> body) {
        return new Frame<>(body);
    }

    /** The state machine running a {@link Body}. */
    static final class Frame<T> extends StateMachine<T> {
        private static final Object AWAITING = new Object();
        private final Body<T> body;
        private Awaitable<?> pending;
        private int pendingState;

        Frame(Body<T> body) {
            this.body = body;
        }

        /** The state to run: 0 at the start, then the {@code nextState} of the last await. */
        int state() {
            return $state;
        }

        /** Awaits {@code awaitable}, continuing in {@code nextState}: return what this returns. */
        Object await(Awaitable<?> awaitable, int nextState) {
            pending = awaitable;
            pendingState = nextState;
            return AWAITING;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            for (;;) {
                Object result = body.resume(this, value, failure);
                if (result != AWAITING) {
                    return result;
                }
                Awaitable<?> target = pending;
                pending = null;
                try {
                    value = $await(target, pendingState);
                    failure = null;
                } catch (Throwable t) {
                    value = null;
                    failure = t;
                }
                if (value == SUSPENDED) {
                    return SUSPENDED;
                }
            }
        }
    }

    /** Python's {@code try: await t; print("not cancelled") except CancelledError: ...}. */
    static String cancelledOrRethrow(Throwable x) throws Throwable {
        if (x == null) {
            return "not cancelled";
        }
        if (x instanceof CancelledException) {
            return "cancelled";
        }
        throw x;
    }

    /** {@code async with lock:} as {@code @Guarded} lowers it: acquire, try, finally release. */
    static <T> Coroutine<T> guarded(Guard guard, Body<T> body) {
        return coroutine(new Body<T>() {
            @Override
            public Object resume(Frame<T> f, Object v, Throwable x) throws Throwable {
                switch (f.state()) {
                    case 0:
                        return f.await(guard.acquire(), 1);
                    case 1:
                        if (x != null) {
                            throw x; // nothing acquired: no release
                        }
                        return f.await(coroutine(body), 2);
                    default:
                        guard.release();
                        if (x != null) {
                            throw x;
                        }
                        return v;
                }
            }
        });
    }

    static final class Script<T> extends StateMachine<T> {
        private final List<Step> steps;
        private Object last;

        Script(List<Step> steps) {
            this.steps = new ArrayList<>(steps);
        }

        @Override
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

    static final class CatchingScript<T> extends StateMachine<T> {
        private final List<Catching> steps;
        private Object last;

        CatchingScript(List<Catching> steps) {
            this.steps = new ArrayList<>(steps);
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            for (;;) {
                if ($state == steps.size()) {
                    if (failure != null) {
                        throw failure;
                    }
                    return value;
                }
                Awaitable<?> next;
                try {
                    next = steps.get($state).apply(value, failure);
                } finally {
                    failure = null;
                }
                if (next == null) {
                    $state++;
                    value = null;
                    continue;
                }
                try {
                    value = $await(next, $state + 1);
                } catch (Throwable t) {
                    value = null;
                    failure = t;
                    continue;
                }
                if (value == SUSPENDED) {
                    return SUSPENDED;
                }
            }
        }
    }

    static final class Repeat extends StateMachine<Void> {
        private final int n;
        private final IntFunction<Awaitable<?>> next;
        private int i;

        Repeat(int n, IntFunction<Awaitable<?>> next) {
            this.n = n;
            this.next = next;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            if (failure != null) {
                throw failure;
            }
            while (i < n) {
                Awaitable<?> awaitable = next.apply(i++);
                if ($await(awaitable, 1) == SUSPENDED) {
                    return SUSPENDED;
                }
            }
            return null;
        }
    }
}
