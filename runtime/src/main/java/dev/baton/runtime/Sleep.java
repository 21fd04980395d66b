package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;

/**
 * {@code asyncio.sleep(delay)}: a cold coroutine; a promise completed by a timer, and the
 * timer cancelled when the sleeper resumes (so a cancelled sleep leaves no live timer).
 * A delay of zero or less yields once instead.
 */
final class Sleep extends StateMachine<Void> {
    /** {@code sleep(0)}: a bare yield, suspending the task for one loop iteration. */
    static final Awaitable<Void> YIELD = machine -> {
        machine.task().suspendYield(machine);
        return StateMachine.SUSPENDED;
    };

    private final double seconds;
    private TimerHandle timer;

    private Sleep(double seconds) {
        this.seconds = seconds;
    }

    static Awaitable<Void> of(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("Invalid delay: NaN (not a number)");
        }
        return seconds <= 0 ? YIELD : new Sleep(seconds);
    }

    @Override
    protected Object $resume(Object value, Throwable failure) throws Throwable {
        switch ($state) {
            case 0: {
                EventLoop loop = task().loop();
                Promise<Void> promise = new Promise<>(loop);
                timer = loop.callLater(seconds, () -> {
                    if (!promise.isDone()) {
                        promise.complete(null);
                    }
                });
                value = $await(promise, 1);
                if (value == SUSPENDED) {
                    return SUSPENDED;
                }
                // a timer cannot have fired yet: the promise is pending here
                throw new IllegalStateException("sleep completed synchronously");
            }
            case 1:
                timer.cancel();
                timer = null;
                if (failure != null) {
                    throw failure;
                }
                return null;
            default:
                throw new IllegalStateException("bad state " + $state);
        }
    }

    @Override
    public String toString() {
        return "sleep(" + seconds + ")";
    }
}
