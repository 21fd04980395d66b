package dev.baton.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code asyncio.gather(*aws, return_exceptions=...)}: a promise of the results of several
 * awaitables, in argument order (asyncio's {@code _GatheringFuture}).
 *
 * <p>Hot, like asyncio: the call wraps every argument that is not a promise into a task at
 * once ({@link EventLoop#ensurePromise}), so the children start running whether or not the
 * gather is ever awaited. The same promise or coroutine passed twice is one child whose
 * result appears twice.
 *
 * <ul>
 *   <li>Without {@code returnExceptions}, the first child to fail (or to be cancelled)
 *       completes the gather with that exception (a {@link CancelledException} for a
 *       cancelled child: the gather is then failed, not cancelled); the other children go
 *       on running.</li>
 *   <li>With {@code returnExceptions}, failures take their child's place in the result list;
 *       a cancelled child's place holds a new {@code CancelledException} with its message
 *       (the empty string when there was none).</li>
 *   <li>{@link #cancel(String)} cancels every child that is not done and returns whether any
 *       took it; the gather then ends with {@code CancelledException} once all children are
 *       done, even with {@code returnExceptions}. A task awaiting the gather that is
 *       cancelled cancels it, and so its children. Cancelling a gather that is done
 *       (say after it propagated a child's exception) does nothing.</li>
 * </ul>
 *
 * <pre>{@code
 * List<Object> results = await(gather(fetch("a"), fetch("b")));
 * }</pre>
 */
final class Gather extends Promise<List<Object>> {
    private final List<Promise<?>> children;
    private boolean cancelRequested;

    private Gather(EventLoop loop, List<Promise<?>> children) {
        super(loop);
        this.children = children;
    }

    /** {@code asyncio.gather(*awaitables, return_exceptions=returnExceptions)}. */
    static Promise<List<Object>> gather(boolean returnExceptions, Awaitable<?>... awaitables) {
        if (awaitables == null) {
            throw new NullPointerException("awaitables");
        }
        if (awaitables.length == 0) {
            EventLoop loop = EventLoop.current();
            Promise<List<Object>> outer = loop.createPromise();
            outer.setResult(new ArrayList<>());
            return outer;
        }
        Collector collector = new Collector(returnExceptions);
        Map<Awaitable<?>, Promise<?>> argToPromise = new IdentityHashMap<>();
        List<Promise<?>> children = new ArrayList<>(awaitables.length);
        List<Promise<?>> done = new ArrayList<>();
        EventLoop loop = null;
        for (Awaitable<?> arg : awaitables) {
            if (arg == null) {
                throw new NullPointerException("gather(): argument " + children.size() + " is null");
            }
            Promise<?> child = oneShot(arg) ? argToPromise.get(arg) : null;
            if (child == null) {
                if (loop == null) {
                    loop = arg instanceof Promise ? ((Promise<?>) arg).loop : EventLoop.current();
                }
                child = loop.ensurePromise(arg);
                collector.count++;
                if (oneShot(arg)) {
                    argToPromise.put(arg, child);
                }
                if (child.isDone()) {
                    done.add(child);
                } else {
                    collector.listenTo(child);
                }
            }
            children.add(child);
        }
        Gather outer = new Gather(loop, children);
        collector.outer = outer;
        // as in asyncio, children that were done already are counted now, so a gather of
        // done promises completes before it is returned
        for (Promise<?> child : done) {
            collector.accept(child);
        }
        return outer;
    }

    /**
     * Whether the same object passed twice is the same child. A promise is; so is a coroutine
     * (it runs once). Any other awaitable, such as a primitive's cached operation object, is a
     * new operation each time it appears, as each call makes a new coroutine in asyncio.
     */
    private static boolean oneShot(Awaitable<?> arg) {
        return arg instanceof Promise || arg instanceof Coroutine;
    }

    /**
     * Cancels every child that is not done; true if any took it. The gather then completes
     * with {@link CancelledException} once all children are done.
     */
    @Override
    public boolean cancel(String msg) {
        loop.checkThread();
        if (isDone()) {
            return false;
        }
        boolean cancelled = false;
        for (Promise<?> child : children) {
            if (child.cancel(msg)) {
                cancelled = true;
            }
        }
        if (cancelled) {
            cancelRequested = true;
        }
        return cancelled;
    }

    /** The awaitables gathered, for the task dump. */
    List<Promise<?>> children() {
        return children;
    }

    @Override
    public String toString() {
        int pending = 0;
        for (Promise<?> child : children) {
            if (!child.isDone()) {
                pending++;
            }
        }
        return "Gather[" + describeState() + (cancelRequested ? ", cancel requested" : "")
                + ", children=" + children.size() + ", pending=" + pending + "]";
    }

    /** gather's {@code _done_callback}: counts finished children and completes the outer promise. */
    private static final class Collector implements Consumer<Promise<?>> {
        private final boolean returnExceptions;
        /** Null while the children are being made (bpo-46672). */
        Gather outer;
        int count;
        private int finished;

        Collector(boolean returnExceptions) {
            this.returnExceptions = returnExceptions;
        }

        void listenTo(Promise<?> child) {
            child.addDoneCallback(this);
        }

        @Override
        public void accept(Promise<?> child) {
            finished++;
            if (outer == null || outer.isDone()) {
                if (!child.isCancelled()) {
                    child.exception(); // mark the exception retrieved
                }
                return;
            }
            if (!returnExceptions) {
                if (child.isCancelled()) {
                    outer.fail(child.makeCancelledError());
                    return;
                }
                Throwable failure = child.exception();
                if (failure != null) {
                    outer.fail(failure);
                    return;
                }
            }
            if (finished == count) {
                List<Object> results = new ArrayList<>(outer.children.size());
                Promise<?> last = null;
                for (Promise<?> each : outer.children) {
                    last = each;
                    if (each.isCancelled()) {
                        results.add(new CancelledException(each.cancelMessage() == null ? "" : each.cancelMessage()));
                    } else {
                        Throwable failure = each.exception();
                        results.add(failure != null ? failure : each.rawResult());
                    }
                }
                if (outer.cancelRequested) {
                    // asyncio takes the error from the last child in argument order
                    outer.fail(last.makeCancelledError());
                } else {
                    outer.complete(results);
                }
            }
        }
    }
}
