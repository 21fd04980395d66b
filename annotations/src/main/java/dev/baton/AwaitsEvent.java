package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code await name.waitSet()} before the body runs. Implies {@link Async}.
 *
 * <p>{@code name} is a parameter of the method or a field of the class (or of a superclass)
 * of type {@code dev.baton.runtime.Event}.
 *
 * <pre>{@code
 * final Event ready = new Event();
 *
 * @AwaitsEvent("ready")
 * Coroutine<Void> onReady() { System.out.println("ready"); return done(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AwaitsEvent {
    /** {@return the parameter or field holding the event} */
    String value();
}
