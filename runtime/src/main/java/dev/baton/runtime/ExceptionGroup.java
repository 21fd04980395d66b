package dev.baton.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Python's {@code ExceptionGroup}: several exceptions raised together, as a
 * {@link TaskGroup} does when its children fail.
 *
 * <p>{@link #getMessage()} reads like Python's {@code str(eg)}: {@code "unhandled errors in a
 * TaskGroup (2 sub-exceptions)"}; {@link #message()} is the message alone. The exceptions
 * are also attached as suppressed exceptions, so a stack trace shows each of them.
 *
 * <pre>{@code
 * try {
 *     await(TaskGroup.run(tg -> { tg.spawn(a()); tg.spawn(b()); return done(); }));
 * } catch (ExceptionGroup eg) {
 *     for (Throwable t : eg.exceptions()) { ... }
 * }
 * }</pre>
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The group's message. */
    private final String message;
    /** The exceptions, in the order they were raised. */
    private final List<Throwable> exceptions;

    /**
     * A group of {@code exceptions} (at least one, none null), in order.
     *
     * @throws IllegalArgumentException if the list is empty or holds a null
     *
     * @param message the message
     * @param exceptions the exceptions, at least one
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(describe(message, exceptions));
        this.message = message;
        this.exceptions = Collections.unmodifiableList(new ArrayList<>(exceptions));
        for (Throwable t : this.exceptions) {
            addSuppressed(t);
        }
    }

    private static String describe(String message, List<? extends Throwable> exceptions) {
        if (message == null) {
            throw new NullPointerException("message");
        }
        if (exceptions == null) {
            throw new NullPointerException("exceptions");
        }
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("second argument (exceptions) must be a non-empty sequence");
        }
        for (int i = 0; i < exceptions.size(); i++) {
            if (exceptions.get(i) == null) {
                throw new IllegalArgumentException("Item " + i + " of second argument (exceptions) is not an exception");
            }
        }
        int n = exceptions.size();
        return message + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
    }

    /**
     * The message without the count ({@code eg.message} in Python).
     *
     * @return the group's message
     */
    public String message() {
        return message;
    }

    /**
     * The exceptions, in the order they were raised ({@code eg.exceptions}); unmodifiable.
     *
     * @return the exceptions, in the order they were raised
     */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
