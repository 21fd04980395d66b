package dev.baton.runtime;

import dev.baton.runtime.internal.CompletedCoroutine;
import java.util.concurrent.CompletionStage;

/**
 * The statics coroutine bodies use: {@code import static dev.baton.runtime.Baton.*;}.
 *
 * <p>{@code await(x)} and {@code return done(v)} are markers that Baton's annotation
 * processor compiles into a state machine; they only work inside an {@code @Async} (or
 * {@code @Guarded}, {@code @AwaitsEvent}, {@code @Consumes}) method called through the
 * generated {@code Baton_<Class>}.
 */
public final class Baton {

    private Baton() {}

    /**
     * {@code await x}: suspends the coroutine until {@code awaitable} completes and yields its
     * result, or throws its exception. Compiled away by the processor; calling it anywhere
     * else throws {@link IllegalStateException} naming the method to annotate.
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw notTransformed();
    }

    /** {@code await} on a {@link CompletionStage}: the coroutine resumes on the loop thread. */
    public static <T> T await(CompletionStage<T> stage) {
        throw notTransformed();
    }

    /** {@code return}: completes the coroutine without a value ({@code return done();}). */
    public static Coroutine<Void> done() {
        return new CompletedCoroutine<>(null);
    }

    /** {@code return value}: completes the coroutine with {@code value}. */
    public static <T> Coroutine<T> done(T value) {
        return new CompletedCoroutine<>(value);
    }

    /** {@code asyncio.sleep(seconds)}; zero or less yields to the loop once. */
    public static Awaitable<Void> sleep(double seconds) {
        return Sleep.of(seconds);
    }

    /** {@code asyncio.create_task(coroutine)} on the running loop. */
    public static <T> Task<T> spawn(Coroutine<T> coroutine) {
        return EventLoop.current().createTask(coroutine);
    }

    /** {@code asyncio.create_task(coroutine, name=name)} on the running loop. */
    public static <T> Task<T> spawn(Coroutine<T> coroutine, String name) {
        return EventLoop.current().createTask(coroutine, name);
    }

    /** {@code asyncio.current_task()}: the running task, or null outside one. */
    public static Task<?> currentTask() {
        return EventLoop.current().currentTask();
    }

    private static IllegalStateException notTransformed() {
        StackWalker.StackFrame caller = StackWalker.getInstance()
                .walk(frames -> frames.skip(2).findFirst().orElse(null));
        String where = caller == null ? "this method"
                : caller.getClassName() + "." + caller.getMethodName() + "()";
        String simple = caller == null ? "X" : caller.getClassName()
                .substring(caller.getClassName().lastIndexOf('.') + 1).replace('$', '_');
        return new IllegalStateException("await() ran untransformed in " + where
                + ": annotate the method with @Async (or @Guarded, @AwaitsEvent, @Consumes), build"
                + " with Baton's annotation processor, and call it on an instance of the generated"
                + " Baton_" + simple + " rather than on the template class itself");
    }
}
