package dev.baton.runtime;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The outcome of {@link Baton#waitTasks}: asyncio.wait's {@code (done, pending)} pair.
 *
 * <p>Both sets keep the order in which the promises were passed (asyncio's are hash-ordered
 * sets) and are unmodifiable snapshots taken when the wait returned.
 *
 * <pre>{@code
 * WaitResult r = await(waitTasks(List.of(a, b), ReturnWhen.FIRST_COMPLETED));
 * for (Promise<?> p : r.done()) { ... }
 * }</pre>
 */
public final class WaitResult {
    private final Set<Promise<?>> done;
    private final Set<Promise<?>> pending;

    WaitResult(LinkedHashSet<Promise<?>> done, LinkedHashSet<Promise<?>> pending) {
        this.done = Collections.unmodifiableSet(done);
        this.pending = Collections.unmodifiableSet(pending);
    }

    /**
     * The promises and tasks that were done when the wait returned, in argument order.
     *
     * @return the done tasks, in insertion order
     */
    public Set<Promise<?>> done() {
        return done;
    }

    /**
     * The promises and tasks that were still pending, in argument order.
     *
     * @return the tasks not done yet, in insertion order
     */
    public Set<Promise<?>> pending() {
        return pending;
    }

    @Override
    public String toString() {
        return "WaitResult[done=" + done.size() + ", pending=" + pending.size() + "]";
    }
}
