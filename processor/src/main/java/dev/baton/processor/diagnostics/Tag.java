package dev.baton.processor.diagnostics;

/**
 * The stable, greppable tags that start every message of Baton's processor, e.g.
 * {@code [BatonGuardType] @Guarded("items"): ...}. Tags never change once released; a new
 * rule gets a new tag.
 */
public enum Tag {
    /**
     * The template class cannot be subclassed: final, private, a non-static inner class, a local
     * or anonymous class, an interface, enum or record, or no constructor the subclass can call.
     */
    BatonTemplateClass,
    /** An annotated method breaks a rule: private, static, final, synchronized, abstract or native. */
    BatonMethodModifiers,
    /** An annotated method does not return {@code Coroutine<T>}. */
    BatonReturnType,
    /** An annotation names no parameter or field. */
    BatonUnknownName,
    /** {@code @Guarded} names something that is not a Guard. */
    BatonGuardType,
    /** The same Lock or Condition is named twice in {@code @Guarded}: it is not reentrant, so it would deadlock. */
    BatonGuardTwice,
    /** {@code @AwaitsEvent} names something that is not an Event. */
    BatonEventType,
    /** {@code @Consumes} names something that is not a Queue field. */
    BatonConsumesType,
    /** A {@code @Consumes} method does not take exactly one parameter the queue's items fit. */
    BatonConsumesItem,
    /** {@code @Consumes(workers = n)} with {@code n < 1}. */
    BatonConsumesWorkers,
    /** {@code await} stands where it is not (yet) supported. */
    BatonAwaitPosition,
    /** {@code await} inside a lambda, a local or anonymous class. */
    BatonAwaitInLambda,
    /** {@code await} inside a {@code synchronized} block. */
    BatonAwaitInSynchronized,
    /** {@code await} in a method, constructor or initializer that is not a coroutine. */
    BatonAwaitOutsideCoroutine,
    /** {@code await(x, thrown)} whose {@code thrown} is not a class literal such as {@code IOException.class}. */
    BatonAwaitThrows,
    /** A statement that drops a coroutine, or a runtime operation's cold awaitable: it never runs (a warning). */
    BatonUnawaited,
    /** A {@code return} that is not {@code return done(...)}. */
    BatonReturn,
    /** A local crossing an await whose type cannot be written. */
    BatonVarType,
    /** The body or an annotation uses something the generated subclass cannot reach (a private member). */
    BatonInaccessible,
    /** {@code super.m()} that the generated subclass cannot express. */
    BatonSuperCall,
    /** A class in a template's own file extends the template's {@code Baton_X}, not generated yet. */
    BatonGeneratedSubclass,
    /** A template with {@code @Consumes} methods calls {@code startConsumers()} but does not implement Consumers. */
    BatonConsumers,
    /**
     * A template inherits a coroutine method from another template whose generated class
     * cannot run it on the subclass (none was generated, or the body needs its own class).
     */
    BatonInheritedCoroutine,
    /** A construct the lowering does not support. */
    BatonUnsupported,
    /** A template is instantiated directly ({@code new X()}), so its coroutines run untransformed (a warning). */
    BatonDirectInstantiation,
    /** The processor cannot work in this compiler (no access to javac's trees). */
    BatonEnvironment,
    /** The processor failed unexpectedly: a bug in Baton, reported with its stack trace. */
    BatonInternalError;

    /** The message with its tag in front. */
    public String format(String message) {
        return "[" + name() + "] " + message;
    }
}
