package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code async with name:} around the whole body: the guard is acquired before the body runs
 * and released on every exit (return, exception, cancellation). Implies {@link Async}.
 *
 * <p>{@code name} is a parameter of the method or a field of the class (or of a superclass)
 * whose type implements {@code dev.baton.runtime.Guard}: a Lock, Semaphore, BoundedSemaphore
 * or Condition. Repeat the annotation to hold several guards: they are acquired in order and
 * released in reverse order.
 *
 * <pre>{@code
 * final Lock lock = new Lock();
 *
 * @Guarded("lock")
 * Coroutine<Void> critical() { ...; return done(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(Guarded.List.class)
public @interface Guarded {
    /** {@return the parameter or field holding the guard} */
    String value();

    /** The container of repeated {@link Guarded} annotations. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface List {
        /** {@return the repeated annotations, in source order} */
        Guarded[] value();
    }
}
