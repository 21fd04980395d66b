/**
 * The annotations that make an ordinary method a coroutine: {@link dev.baton.Async},
 * {@link dev.baton.Guarded}, {@link dev.baton.AwaitsEvent} and {@link dev.baton.Consumes}.
 * Baton's annotation processor lowers every annotated method of a template class into a state
 * machine in the generated subclass {@code Baton_<Class>}.
 */
package dev.baton;
