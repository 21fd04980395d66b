package dev.baton.processor.validation;

/**
 * The stable, greppable tags that start every message of Baton's processor, e.g.
 * {@code [BatonGuardType] @Guarded("items"): ...}. Tags never change once released.
 */
public enum Tag {
    /** The template class cannot be subclassed (final, private, non-static inner, no constructor). */
    BatonTemplateClass,
    /** An annotated method breaks a rule (private, static, final, synchronized). */
    BatonMethodModifiers,
    /** An annotated method does not return {@code Coroutine<T>}. */
    BatonReturnType,
    /** An annotation names no parameter or field. */
    BatonUnknownName,
    /** {@code @Guarded} names something that is not a Guard. */
    BatonGuardType,
    /** {@code @AwaitsEvent} names something that is not an Event. */
    BatonEventType,
    /** {@code @Consumes} names something that is not a Queue, or the method's parameters do not fit. */
    BatonConsumesType,
    /** {@code await} stands where it is not (yet) supported. */
    BatonAwaitPosition,
    /** {@code await} inside a lambda, a local or anonymous class. */
    BatonAwaitInLambda,
    /** {@code await} inside a {@code synchronized} block. */
    BatonAwaitInSynchronized,
    /** A {@code return} that is not {@code return done(...)}. */
    BatonReturn,
    /** A local crossing an await whose type cannot be written. */
    BatonVarType,
    /** The body uses something the generated subclass cannot reach (a private member). */
    BatonInaccessible,
    /** {@code super.m()} that the generated subclass cannot express. */
    BatonSuperCall,
    /** A construct the lowering does not support. */
    BatonUnsupported,
    /** The processor failed unexpectedly: a bug in Baton, reported with its stack trace. */
    BatonInternalError;

    /** The message with its tag in front. */
    public String format(String message) {
        return "[" + name() + "] " + message;
    }
}
