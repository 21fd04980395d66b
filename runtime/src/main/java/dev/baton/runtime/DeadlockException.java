package dev.baton.runtime;

/**
 * Thrown by {@link EventLoop#runUntilComplete} (and so {@link EventLoop#runVirtual}) on the
 * virtual clock when nothing can ever happen again: no callback is ready, no timer is
 * scheduled, no awaited {@link java.util.concurrent.CompletionStage} is in flight and no
 * thread-safe callback is pending, yet the awaited task is not done. Its message is the
 * {@link EventLoop#dumpTasks() task dump}: every blocked task and what it waits on.
 *
 * <p>On the real clock no such proof exists (another thread may still call
 * {@link EventLoop#callSoonThreadsafe}); there, debug mode logs the dump instead (see
 * {@link EventLoop#setStuckWarning(double)}).
 */
public class DeadlockException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message says what was awaited, then gives the task dump.
     *
     * @param message what was awaited, then the task dump
     */
    public DeadlockException(String message) {
        super(message);
    }
}
