package dev.baton.runtime.internal;

/**
 * What {@code done(value)} returns outside generated code: a coroutine that completes at once
 * with its value. (Inside a state machine, {@code return done(v)} completes the machine
 * directly and no object is made.)
 */
public final class CompletedCoroutine<T> extends StateMachine<T> {
    private final T value;

    public CompletedCoroutine(T value) {
        this.value = value;
    }

    @Override
    protected Object $resume(Object ignored, Throwable failure) throws Throwable {
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    @Override
    public String toString() {
        return "done(" + value + ")";
    }
}
