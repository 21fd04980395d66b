package dev.baton.runtime;

import dev.baton.runtime.internal.CompletedCoroutine;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The statics coroutine bodies use: {@code import static dev.baton.runtime.Baton.*;}.
 *
 * <p>{@code await(x)} and {@code return done(v)} are markers that Baton's annotation
 * processor compiles into a state machine; they only work inside an {@code @Async} (or
 * {@code @Guarded}, {@code @AwaitsEvent}, {@code @Consumes}) method called through the
 * generated {@code Baton_<Class>}.
 *
 * <p>The combinators follow CPython 3.13: {@link #gather} and {@link #shield} are hot (they
 * wrap their arguments into tasks at once and return a {@link Promise}), while
 * {@link #waitTasks}, {@link #waitAll}, {@link #waitFor} and {@link #timeout} are cold
 * coroutines that do nothing until awaited. Differences from asyncio are listed on each method.
 *
 * <pre>{@code
 * List<Object> both = await(gather(fetch("a"), fetch("b")));
 * WaitResult r = await(waitAll(spawn(worker(1)), spawn(worker(2))));
 * String s = await(waitFor(slowCall(), 1.5));          // TimeoutException after 1.5 s
 * }</pre>
 */
public final class Baton {

    private Baton() {}

    /**
     * {@code await x}: suspends the coroutine until {@code awaitable} completes and yields its
     * result, or throws its exception. Compiled away by the processor; calling it anywhere
     * else throws {@link IllegalStateException} naming the method to annotate.
     *
     * <p><b>Checked exceptions.</b> The exception is thrown as it is, checked or not, but
     * {@code await(x)} declares none, so javac rejects {@code catch (IOException e)} around it
     * ("never thrown in body of corresponding try statement"). To catch one by name, say which
     * with {@link #await(Awaitable, Class)} or {@link #await(CompletionStage, Class)}:
     *
     * <pre>{@code
     * try {
     *     String body = await(client.sendAsync(request, ofString()), IOException.class).body();
     * } catch (IOException e) {
     *     ...
     * }
     * }</pre>
     *
     * @param <T> the result type
     * @param awaitable what to await
     * @return the awaited result
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw notTransformed();
    }

    /**
     * {@code await} on a {@link CompletionStage}: the coroutine resumes on the loop thread. A
     * stage that fails with a {@link java.util.concurrent.CompletionException} throws its cause.
     * See {@link #await(Awaitable)} for checked exceptions.
     *
     * @param <T> the result type
     * @param stage the stage to await
     * @return the awaited result
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw notTransformed();
    }

    /**
     * {@link #await(Awaitable)}, declaring that it may throw the checked exception
     * {@code thrown}, so that {@code catch (X e)} compiles around it. Only the declaration
     * differs: {@code await} throws whatever the awaitable failed with, an {@code X} or not.
     * {@code thrown} must be a class literal ({@code IOException.class}).
     *
     * @param <T> the result type
     * @param <X> the checked exception the await may throw
     * @param awaitable what to await
     * @param thrown the checked exception's class literal
     * @return the awaited result
     * @throws X when the awaitable fails with it
     */
    public static <T, X extends Exception> T await(Awaitable<T> awaitable, Class<X> thrown) throws X {
        throw notTransformed();
    }

    /**
     * {@link #await(CompletionStage)}, declaring that it may throw the checked exception
     * {@code thrown}; see {@link #await(Awaitable, Class)}.
     *
     * @param <T> the result type
     * @param <X> the checked exception the await may throw
     * @param stage the stage to await
     * @param thrown the checked exception's class literal
     * @return the awaited result
     * @throws X when the stage fails with it
     */
    public static <T, X extends Exception> T await(CompletionStage<T> stage, Class<X> thrown) throws X {
        throw notTransformed();
    }

    /**
     * {@code return}: completes the coroutine without a value ({@code return done();}).
     *
     * @return the completed coroutine, to return from the coroutine method
     */
    public static Coroutine<Void> done() {
        return new CompletedCoroutine<>(null);
    }

    /**
     * {@code return value}: completes the coroutine with {@code value}.
     *
     * @param <T> the result type
     * @param value the result
     * @return the completed coroutine, to return from the coroutine method
     */
    public static <T> Coroutine<T> done(T value) {
        return new CompletedCoroutine<>(value);
    }

    /**
     * {@code asyncio.sleep(seconds)}; zero or less yields to the loop once.
     *
     * @param seconds the delay, in seconds
     * @return an awaitable that completes after the delay
     */
    public static Awaitable<Void> sleep(double seconds) {
        return Sleep.of(seconds);
    }

    /**
     * {@code asyncio.create_task(coroutine)} on the running loop.
     *
     * @param <T> the result type
     * @param coroutine the coroutine to run
     * @return the new task, already scheduled
     */
    public static <T> Task<T> spawn(Coroutine<T> coroutine) {
        return EventLoop.current().createTask(coroutine);
    }

    /**
     * {@code asyncio.create_task(coroutine, name=name)} on the running loop.
     *
     * @param <T> the result type
     * @param coroutine the coroutine to run
     * @param name the task's name
     * @return the new task, already scheduled
     */
    public static <T> Task<T> spawn(Coroutine<T> coroutine, String name) {
        return EventLoop.current().createTask(coroutine, name);
    }

    /**
     * {@code asyncio.current_task()}: the running task, or null outside one.
     *
     * @return the running task, or null outside one
     */
    public static Task<?> currentTask() {
        return EventLoop.current().currentTask();
    }

    /**
     * {@code asyncio.gather(*awaitables)}: a promise of the results in argument order; the
     * first failure (or cancellation) of a child fails it. See
     * {@link #gather(boolean, Awaitable[])}.
     *
     * @param awaitables the awaitables (coroutines are wrapped in tasks)
     * @return a promise of the results, in the order of the arguments
     */
    public static Promise<List<Object>> gather(Awaitable<?>... awaitables) {
        return Gather.gather(false, awaitables);
    }

    /**
     * {@code asyncio.gather(*awaitables, return_exceptions=returnExceptions)}.
     *
     * <p>Hot: every argument that is not a promise becomes a task at once, on the running
     * loop (or the first promise's loop). The result list is in argument order (a promise or
     * coroutine passed twice runs once and appears twice). Without {@code returnExceptions}
     * the first child to fail or be cancelled fails the gather with that exception while the
     * others go on; with it, exceptions and {@code CancelledException}s (message "" when the
     * child had none) stand in the list. Cancelling the gather (or a task awaiting it)
     * cancels the children that are not done, and the gather ends with
     * {@code CancelledException}. With no arguments: a done promise of an empty list.
     *
     * @param returnExceptions whether exceptions are results instead of failing the gather
     * @param awaitables the awaitables (coroutines are wrapped in tasks)
     * @return a promise of the results, in the order of the arguments
     */
    public static Promise<List<Object>> gather(boolean returnExceptions, Awaitable<?>... awaitables) {
        return Gather.gather(returnExceptions, awaitables);
    }

    /**
     * {@code asyncio.wait(awaitables, return_when=when)}: waits until {@code when} holds and
     * returns the done and pending promises. A coroutine; it never raises the promises'
     * exceptions and never cancels them.
     *
     * <p>{@link IllegalArgumentException} for an empty collection ("Set of Tasks/Futures is
     * empty.") and for anything that is not a {@link Promise} or {@link Task} ("Passing
     * coroutines is forbidden, use tasks explicitly.": spawn coroutines first), checked when
     * called rather than when awaited.
     *
     * @param awaitables the awaitables (coroutines are wrapped in tasks)
     * @param when when to return
     * @return a coroutine yielding the done and the pending tasks
     */
    public static Coroutine<WaitResult> waitTasks(Collection<? extends Awaitable<?>> awaitables, ReturnWhen when) {
        return WaitTasks.of(awaitables, when, Double.POSITIVE_INFINITY);
    }

    /**
     * {@code asyncio.wait(awaitables, timeout=timeoutSeconds, return_when=when)}: as
     * {@link #waitTasks(Collection, ReturnWhen)}, returning when the timeout passes at the
     * latest (then what is not done is pending; nothing is raised or cancelled).
     * {@link Double#POSITIVE_INFINITY} means no timeout (asyncio's {@code None}).
     *
     * @param awaitables the awaitables (coroutines are wrapped in tasks)
     * @param when when to return
     * @param timeoutSeconds the timeout, in seconds
     * @return a coroutine yielding the done and the pending tasks
     */
    public static Coroutine<WaitResult> waitTasks(
            Collection<? extends Awaitable<?>> awaitables, ReturnWhen when, double timeoutSeconds) {
        return WaitTasks.of(awaitables, when, timeoutSeconds);
    }

    /**
     * {@code asyncio.wait(awaitables)}: {@link #waitTasks} with {@link ReturnWhen#ALL_COMPLETED}.
     *
     * @param awaitables the awaitables (coroutines are wrapped in tasks)
     * @return a coroutine yielding the done tasks (all of them) and no pending one
     */
    public static Coroutine<WaitResult> waitAll(Awaitable<?>... awaitables) {
        if (awaitables == null) {
            throw new NullPointerException("awaitables");
        }
        return WaitTasks.of(Arrays.asList(awaitables), ReturnWhen.ALL_COMPLETED, Double.POSITIVE_INFINITY);
    }

    /**
     * {@code asyncio.wait_for(awaitable, timeoutSeconds)}, Python 3.12+: the awaitable runs
     * inline under {@code asyncio.timeout}; at the deadline the task is cancelled and the
     * cancellation comes out as {@link TimeoutException} (its cause the
     * {@link CancelledException}, its message the timeout and the awaitable), unless the task
     * was also cancelled by someone else. A timeout of zero or less cancels the awaitable, as
     * a task, before it runs (unless it is done already) and throws {@code TimeoutException}.
     * {@link Double#POSITIVE_INFINITY} waits without a timeout. A coroutine: nothing starts,
     * and the deadline is not set, until it is awaited.
     *
     * <p>Porting: {@code await asyncio.wait_for(aw, t)} is {@code await(waitFor(aw, t))}, but
     * {@code async with asyncio.timeout(t): ...} is {@link #timeout(double, Awaitable)}
     * (and {@code asyncio.timeout_at(when)} {@link #timeoutAt(double, Awaitable)}): the two
     * differ when {@code t <= 0}, where {@code waitFor} never runs the awaitable and
     * {@code timeout} runs the body to its first suspension.
     *
     * @param <T> the result type
     * @param awaitable what to await
     * @param timeoutSeconds the timeout, in seconds
     * @return a coroutine yielding the awaitable's result
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> awaitable, double timeoutSeconds) {
        return new WaitFor<>(awaitable, timeoutSeconds);
    }

    /**
     * {@code async with asyncio.timeout(seconds): return await body}: awaits {@code body}
     * inline; if it has not completed {@code seconds} from now (the running loop's time when
     * this is called, as {@code asyncio.timeout()} reads it), the task is cancelled and the
     * cancellation comes out as {@link TimeoutException}, unless the task was also cancelled
     * by someone else (then the {@link CancelledException} propagates). For
     * {@code seconds <= 0} the body still starts: it runs to its first suspension, where the
     * cancellation reaches it (a body that completes without suspending returns its value).
     * {@link Double#POSITIVE_INFINITY} is asyncio's {@code timeout(None)}. A coroutine: the
     * body starts when it is awaited. {@link IllegalStateException} outside a running loop.
     *
     * <pre>{@code
     * String page = await(timeout(remaining, fetch(url)));  // async with asyncio.timeout(remaining):
     * }</pre>
     *
     * @param <T> the result type
     * @param seconds the delay, from now, in seconds
     * @param body what to await under the timeout
     * @return a coroutine yielding the body's result
     */
    public static <T> Coroutine<T> timeout(double seconds, Awaitable<T> body) {
        return Timeout.after(seconds, body);
    }

    /**
     * {@code async with asyncio.timeout_at(when): return await body}: as
     * {@link #timeout(double, Awaitable)} with a deadline in loop time
     * ({@link EventLoop#time()}); a deadline that has passed lets the body run to its first
     * suspension.
     *
     * @param <T> the result type
     * @param when the deadline, in loop time
     * @param body what to await under the timeout
     * @return a coroutine yielding the body's result
     */
    public static <T> Coroutine<T> timeoutAt(double when, Awaitable<T> body) {
        return Timeout.at(when, body);
    }

    /**
     * {@code asyncio.shield(awaitable)}: a promise of the awaitable's outcome whose
     * cancellation does not cancel the awaitable. Hot: a coroutine becomes a task at once;
     * a promise or task that is done already is returned itself.
     *
     * @param <T> the result type
     * @param awaitable what to await
     * @return a promise of the awaitable's outcome that cancelling does not pass on
     */
    public static <T> Promise<T> shield(Awaitable<T> awaitable) {
        return Shield.shield(awaitable);
    }

    /** When {@link #waitTasks} returns: asyncio's {@code FIRST_COMPLETED} and friends. */
    public enum ReturnWhen {
        /** As soon as any promise is done (or cancelled). */
        FIRST_COMPLETED,
        /** As soon as any promise fails with an exception (not a cancellation); else when all are done. */
        FIRST_EXCEPTION,
        /** When every promise is done. */
        ALL_COMPLETED
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
