package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a coroutine: each {@code await(...)} in its body is a suspension point.
 *
 * <p>The method must be an instance method of a non-final class, not private, final, static
 * or synchronized, and return {@code dev.baton.runtime.Coroutine<T>}. Baton's annotation
 * processor generates {@code Baton_<Class>}, a subclass overriding the method with a state
 * machine; instantiate that subclass.
 *
 * <pre>{@code
 * @Async
 * Coroutine<String> greet() {
 *     await(sleep(0.1));
 *     return done("hello");
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {}
