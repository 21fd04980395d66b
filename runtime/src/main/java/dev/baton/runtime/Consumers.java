package dev.baton.runtime;

import java.util.List;

/**
 * Implemented by the {@code Baton_} class the processor generates for a class with
 * {@code @Consumes} methods: starts their worker tasks.
 *
 * <p>{@link #startConsumers()} spawns, on the running loop, {@code workers} tasks for each
 * {@code @Consumes} method (in source order). Each worker loops: {@code item = await
 * queue.get()}, runs the method's body with it, then {@code queue.taskDone()}, also when the
 * body throws or is cancelled. A worker ends normally when the queue is shut down and
 * drained ({@link QueueShutDownException} from {@code get}), ends cancelled when it is
 * cancelled, and ends with the body's exception if the body throws.
 *
 * <pre>{@code
 * Baton_Mailer mailer = new Baton_Mailer();
 * List<Task<Void>> workers = mailer.startConsumers();
 * await(mailer.outbox.join());      // every message handled
 * mailer.outbox.shutdown();         // the workers drain and end
 * }</pre>
 */
public interface Consumers {

    /**
     * Spawns the consumer tasks on the running loop; {@link IllegalStateException} if none runs.
     *
     * @return the worker tasks, in source order
     */
    List<Task<Void>> startConsumers();
}
