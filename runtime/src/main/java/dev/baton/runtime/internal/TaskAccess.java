package dev.baton.runtime.internal;

import dev.baton.runtime.Task;

/**
 * Lets the internal package complete a task without making that operation public API
 * (the "shared secrets" pattern of the JDK). {@link Task} installs the bridge once.
 */
public final class TaskAccess {

    /** Completes a task with its body's outcome. */
    public interface Bridge {
        void finish(Task<?> task, Object result, Throwable failure);
    }

    private static Bridge bridge;

    private TaskAccess() {}

    /** Called once, by {@link Task}'s static initializer. */
    public static synchronized void install(Bridge b) {
        if (bridge != null) {
            throw new IllegalStateException("TaskAccess is installed already");
        }
        bridge = b;
    }

    static void finish(Task<?> task, Object result, Throwable failure) {
        bridge.finish(task, result, failure);
    }
}
