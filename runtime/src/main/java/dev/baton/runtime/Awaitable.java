package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;

/**
 * Something a coroutine can {@code await}: a {@link Promise}, a {@link Task}, a
 * {@link Coroutine}, or an operation of a primitive such as {@code lock.acquire()}.
 *
 * <p>Like asyncio's coroutines, operations are cold: {@code queue.get()} does nothing until
 * it is awaited. Users await with {@link Baton#await(Awaitable)}; they do not implement this
 * interface directly but return a {@link Promise} or a {@link Coroutine}.
 *
 * @param <T> the result type
 */
public interface Awaitable<T> {

    /**
     * The await protocol, called by generated state machines (not by users).
     *
     * <p>Either completes at once, returning the result (or throwing the failure, unwrapped),
     * or arranges for {@code machine} to be resumed later with the outcome and returns
     * {@link StateMachine#SUSPENDED}. The fast path must not allocate.
     *
     * @param machine the state machine to resume
     * @return the result, or {@code StateMachine.SUSPENDED} when the machine will be resumed later
     */
    Object awaitFrom(StateMachine<?> machine);
}
