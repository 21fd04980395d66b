package dev.baton.benchmarks.baton;

import dev.baton.benchmarks.Contender;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Event;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Lock;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Queue;
import java.util.List;

/** Runs one fast path of {@link FastPaths} on a loop that lives across runs. */
public final class FastPathRunner implements AutoCloseable {
    /** The fast paths by name, as the benchmark's parameter and the report list them. */
    public static final List<String> PATHS = List.of("baseline", "lock-acquire", "queue-get",
            "queue-put", "event-wait", "promise-await", "guarded-call");

    private final String path;
    private final EventLoop loop = new EventLoop();
    private final Lock lock = new Lock();
    private final Queue<Object> queue = new Queue<>(1);
    private final Event event = new Event();
    private final Promise<Object> promise = loop.createPromise();

    public FastPathRunner(String path) {
        if (!PATHS.contains(path)) {
            throw new IllegalArgumentException("no fast path '" + path + "'; known: " + PATHS);
        }
        this.path = path;
        event.set();
        promise.setResult(Contender.ITEM);
    }

    /** Runs the path {@code n} times in one task; returns the operations counted. */
    public long run(int n) {
        Baton_FastPaths paths = new Baton_FastPaths();
        Coroutine<Long> coroutine;
        switch (path) {
            case "baseline":
                coroutine = paths.baseline(n);
                break;
            case "lock-acquire":
                coroutine = paths.acquireFreeLock(lock, n);
                break;
            case "queue-get":
                coroutine = paths.getFromNonEmptyQueue(queue, n);
                break;
            case "queue-put":
                coroutine = paths.putIntoNonFullQueue(queue, n);
                break;
            case "event-wait":
                coroutine = paths.waitOnSetEvent(event, n);
                break;
            case "promise-await":
                coroutine = paths.awaitDonePromise(promise, n);
                break;
            default:
                coroutine = paths.callGuardedOnFreeLock(lock, n);
                break;
        }
        long counted = loop.runUntilComplete(coroutine);
        if (counted != n) {
            throw new IllegalStateException(path + ": counted " + counted + " of " + n);
        }
        return counted;
    }

    @Override
    public void close() {
        loop.close();
    }
}
