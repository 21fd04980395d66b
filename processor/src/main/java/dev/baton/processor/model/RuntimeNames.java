package dev.baton.processor.model;

/**
 * The runtime's classes the processor recognizes in templates or writes into generated code,
 * by qualified name: the one place they are spelled (the processor does not depend on the
 * runtime, so it cannot name them as classes).
 */
public final class RuntimeNames {
    public static final String PACKAGE = "dev.baton.runtime";
    public static final String BATON = PACKAGE + ".Baton";
    public static final String COROUTINE = PACKAGE + ".Coroutine";
    public static final String AWAITABLE = PACKAGE + ".Awaitable";
    public static final String TASK = PACKAGE + ".Task";
    public static final String CONSUMERS = PACKAGE + ".Consumers";
    public static final String GUARD = PACKAGE + ".Guard";
    public static final String LOCK = PACKAGE + ".Lock";
    public static final String CONDITION = PACKAGE + ".Condition";
    public static final String EVENT = PACKAGE + ".Event";
    public static final String QUEUE = PACKAGE + ".Queue";
    public static final String STATE_MACHINE = PACKAGE + ".internal.StateMachine";
    public static final String CONSUMER_LOOP = PACKAGE + ".internal.ConsumerLoop";
    /** The line table of a generated class: stack traces and task dumps on the template's lines. */
    public static final String SOURCE_MAP = PACKAGE + ".internal.SourceMap";

    private RuntimeNames() {}

    /** The simple name of one of these classes, as a template may write it after an import. */
    public static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
