package dev.baton.runtime.internal;

import dev.baton.runtime.Awaitable;

/**
 * A coroutine that awaits one awaitable and returns its result: how an operation that is
 * not a coroutine (say {@code lock.acquire()}) becomes a task (asyncio's ensure_future).
 */
public final class AwaitOnce<T> extends StateMachine<T> {
    private Awaitable<T> awaitable;

    public AwaitOnce(Awaitable<T> awaitable) {
        this.awaitable = awaitable;
    }

    @Override
    protected Object $resume(Object value, Throwable failure) throws Throwable {
        switch ($state) {
            case 0:
                Awaitable<T> target = awaitable;
                awaitable = null;
                value = $await(target, 1);
                if (value == SUSPENDED) {
                    return SUSPENDED;
                }
                return value;
            case 1:
                if (failure != null) {
                    throw failure;
                }
                return value;
            default:
                throw new IllegalStateException("bad state " + $state);
        }
    }

    @Override
    public String toString() {
        return "AwaitOnce[" + awaitable + "]";
    }
}
