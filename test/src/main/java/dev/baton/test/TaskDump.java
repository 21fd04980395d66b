package dev.baton.test;

import dev.baton.runtime.DeadlockException;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;

/** What the kit's failures show of a loop's pending tasks: the runtime's task dump. */
final class TaskDump {
    private TaskDump() {}

    /** {@link EventLoop#dumpTasks()}: every pending task, what it waits on, its await chain. */
    static String of(EventLoop loop) {
        return loop.dumpTasks();
    }

    /** runTest's deadlock: nothing can ever happen again on the loop while {@code main} waits. */
    static DeadlockException deadlock(EventLoop loop, Task<?> main) {
        return new DeadlockException("deadlock: nothing can ever wake the task '" + main.name() + "' of runTest:"
                + " no callback is ready, no timer is scheduled, no awaited CompletionStage is in flight and no"
                + " thread-safe callback is pending\n" + loop.dumpTasks());
    }
}
