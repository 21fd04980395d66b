package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A per-item handler for a queue. Implies {@link Async}.
 *
 * <p>The method takes exactly one parameter, the item. The generated class implements
 * {@code dev.baton.runtime.Consumers}; its {@code startConsumers()} spawns {@link #workers()}
 * tasks per {@code @Consumes} method. Each worker loops: take an item with
 * {@code await queue.get()}, run the body with it, then {@code queue.taskDone()} (also when
 * the body throws). A worker ends when the queue is shut down and drained, or when it is
 * cancelled; an exception from the body ends that worker with that exception.
 *
 * <pre>{@code
 * final Queue<String> jobs = new Queue<>();
 *
 * @Consumes(value = "jobs", workers = 2)
 * Coroutine<Void> handle(String job) { System.out.println(job); return done(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Consumes {
    /** {@return the field holding the queue ({@code dev.baton.runtime.Queue} or a subclass)} */
    String value();

    /** {@return how many worker tasks {@code startConsumers()} spawns for this method; at least 1} */
    int workers() default 1;
}
