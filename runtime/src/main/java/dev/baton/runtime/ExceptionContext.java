package dev.baton.runtime;

/**
 * What the loop's exception handler receives (asyncio's {@code context} dict): a message,
 * the exception if any, and the task, promise or handle it came from, if any.
 *
 * @param message what happened, in asyncio's words
 * @param exception the exception, or {@code null}
 * @param source the task, promise or handle it came from, or {@code null}
 */
public record ExceptionContext(String message, Throwable exception, Object source) {

    @Override
    public String toString() {
        return message + (source == null ? "" : "\nsource: " + source)
                + (exception == null ? "" : "\nexception: " + exception);
    }
}
