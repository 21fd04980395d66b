package dev.baton.runtime;

/**
 * {@code async with asyncio.timeout(delay): return await body} and its {@code timeout_at}
 * twin ({@link Baton#timeout}, {@link Baton#timeoutAt}): the body runs inline in the awaiting
 * task under a {@link TimeoutScope} whose deadline was fixed when the timeout was made.
 *
 * <p>Unlike {@link WaitFor}, a deadline that has passed already still lets the body start:
 * the task is cancelled with {@code callSoon}, so the body runs to its first suspension and
 * gets {@link CancelledException} there (which comes out as {@link TimeoutException}).
 */
final class Timeout<T> extends TimeoutScope<T> {
    private Awaitable<T> body;
    /** The loop time of the deadline; {@code +Infinity} for none. */
    private final double when;
    /** The delay {@code timeout(delay)} was given; NaN for {@code timeoutAt}. */
    private final double delay;

    private Timeout(Awaitable<T> body, double when, double delay) {
        if (body == null) {
            throw new NullPointerException("body");
        }
        this.body = body;
        this.when = when;
        this.delay = delay;
    }

    /** {@code asyncio.timeout(delay)}: the deadline is the running loop's time plus {@code delay}, read now. */
    static <T> Timeout<T> after(double delay, Awaitable<T> body) {
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("timeout must not be NaN");
        }
        double when = delay == Double.POSITIVE_INFINITY
                ? Double.POSITIVE_INFINITY : EventLoop.current().time() + delay;
        return new Timeout<>(body, when, delay);
    }

    /** {@code asyncio.timeout_at(when)}: the deadline in loop time. */
    static <T> Timeout<T> at(double when, Awaitable<T> body) {
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("when must not be NaN");
        }
        return new Timeout<>(body, when, Double.NaN);
    }

    @Override
    protected Object $resume(Object value, Throwable failure) throws Throwable {
        switch ($state) {
            case 0:
                enter(task().loop(), when);
                try {
                    value = $await(body, 1);
                } catch (Throwable t) {
                    return finish(null, t);
                }
                if (value == SUSPENDED) {
                    return SUSPENDED;
                }
                return finish(value, null);
            case 1:
                return finish(value, failure);
            default:
                throw new IllegalStateException("bad state " + $state);
        }
    }

    private Object finish(Object value, Throwable failure) throws Throwable {
        try {
            return exit(value, failure);
        } finally {
            body = null; // a finished timeout kept by someone does not keep its body
        }
    }

    @Override
    String expiredMessage() {
        return Double.isNaN(delay)
                ? "timeoutAt(" + when + "): " + body + " did not complete by that loop time"
                : "timeout(" + seconds(delay) + "): " + body + " did not complete within " + seconds(delay) + " s";
    }

    @Override
    public String toString() {
        return (Double.isNaN(delay) ? "timeoutAt[" : "timeout[") + timeoutStateName() + ", when=" + when + "]";
    }
}
