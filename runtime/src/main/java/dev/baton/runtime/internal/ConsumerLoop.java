package dev.baton.runtime.internal;

import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Queue;
import dev.baton.runtime.QueueShutDownException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The worker of a {@code @Consumes} method, spawned by the generated
 * {@link dev.baton.runtime.Consumers#startConsumers()}. It is this coroutine, by hand:
 *
 * <pre>
 * while True:
 *     try:
 *         item = await queue.get()
 *     except QueueShutDown:
 *         return                       # shut down and drained: the worker ends normally
 *     try:
 *         await handler(item)          # inline, in this task
 *     finally:
 *         queue.task_done()            # also when the handler throws or is cancelled
 * </pre>
 *
 * An exception from the handler ends the worker with that exception (after
 * {@code taskDone()}); cancellation ends it cancelled.
 *
 * @param <E> the item type the handler takes
 */
public final class ConsumerLoop<E> extends StateMachine<Void> {
    private static final int GET = 0, GOT = 1, HANDLED = 2;

    private final Queue<? extends E> queue;
    private final Function<? super E, ? extends Coroutine<?>> handler;

    /** A worker taking items from {@code queue} and awaiting {@code handler.apply(item)} for each. */
    public ConsumerLoop(Queue<? extends E> queue, Function<? super E, ? extends Coroutine<?>> handler) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    @SuppressWarnings({"unchecked", "fallthrough"}) // each case falls into the next when an await completes at once
    protected Object $resume(Object value, Throwable failure) throws Throwable {
        for (;;) {
            switch ($state) {
                case GET:
                    try {
                        value = queue.get().awaitFrom($at(GOT)); // own call site: see $at
                    } catch (QueueShutDownException e) {
                        return null;
                    }
                    if (value == SUSPENDED) {
                        return SUSPENDED;
                    }
                    failure = null;
                    // fall through: got an item at once
                case GOT:
                    if (failure != null) {
                        if (failure instanceof QueueShutDownException) {
                            return null;
                        }
                        throw failure;
                    }
                    try {
                        Coroutine<?> body = Objects.requireNonNull(
                                handler.apply((E) value), "the @Consumes handler returned null");
                        value = $await(body, HANDLED);
                        if (value == SUSPENDED) {
                            return SUSPENDED;
                        }
                    } catch (Throwable t) {
                        queue.taskDone();
                        throw t;
                    }
                    failure = null;
                    // fall through: the handler finished at once
                case HANDLED:
                    queue.taskDone();
                    if (failure != null) {
                        throw failure;
                    }
                    $state = GET;
                    break;
                default:
                    throw new IllegalStateException("bad state " + $state);
            }
        }
    }

    @Override
    public String toString() {
        return "ConsumerLoop[" + queue + "]";
    }
}
