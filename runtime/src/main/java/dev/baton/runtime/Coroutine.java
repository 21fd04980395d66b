package dev.baton.runtime;

/**
 * The value of calling an {@code @Async} method: a cold, one-shot computation.
 *
 * <p>Nothing runs until the coroutine is awaited, inline in the awaiting task (as
 * {@code await coro()} in Python), or spawned with {@link Baton#spawn(Coroutine)}, which
 * wraps it in a new {@link Task}. A coroutine runs once: awaiting or spawning it a second
 * time throws {@link IllegalStateException}.
 *
 * @param <T> the result type
 */
public abstract class Coroutine<T> implements Awaitable<T> {

    /** Only Baton's runtime and generated code subclass this. */
    protected Coroutine() {}
}
