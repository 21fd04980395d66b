package dev.baton.test;

import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;
import java.util.List;

/** What the kit's failures show of a loop's pending tasks. */
final class TaskDump {
    private TaskDump() {}

    /** One line per pending task: its name, coroutine, and what it waits on. */
    static String of(EventLoop loop) {
        List<Task<?>> tasks = loop.allTasks();
        if (tasks.isEmpty()) {
            return "  (no pending task)";
        }
        StringBuilder dump = new StringBuilder();
        for (Task<?> task : tasks) {
            if (dump.length() > 0) {
                dump.append('\n');
            }
            dump.append("  ").append(task);
        }
        return dump.toString();
    }

    /** The failure of a loop on which nothing can ever happen again while a task waits. */
    static Throwable deadlock(EventLoop loop) {
        return new AssertionError("deadlock: nothing is ready, no timer is scheduled and no foreign future"
                + " is in flight, so no pending task can ever resume:\n" + of(loop));
    }
}
