package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of {@link EventLoop#dumpTasks()}: every pending task, what it waits on and its
 * await chain innermost first, as a tree where the tasks a task awaits stand beneath it
 * (the shape of {@code python -m asyncio pstree}):
 *
 * <pre>
 * 3 pending tasks:
 * └── Task 'Task-1' waiting on Gather[pending, children=2, pending=2]
 *     at m.Boom.main(Boom.java:34)
 *     ├── Task 'a' waiting on acquire() of Lock[locked, waiters=1]
 *     │   at m.Boom.aThenB(Boom.java:13)
 *     └── Task 'b' waiting on acquire() of Lock[locked, waiters=1]
 *         at m.Boom.bThenA(Boom.java:20)
 * </pre>
 */
final class TaskDump {
    private final EventLoop loop;
    private final List<Task<?>> tasks;
    private final Set<Task<?>> shown = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final StringBuilder out = new StringBuilder();

    private TaskDump(EventLoop loop, List<Task<?>> tasks) {
        this.loop = loop;
        this.tasks = tasks;
    }

    /** The dump of {@code loop}'s pending tasks; called on the loop's thread, or while it does not run. */
    static String of(EventLoop loop, List<Task<?>> tasks) {
        return new TaskDump(loop, tasks).render();
    }

    private String render() {
        out.append(tasks.size()).append(tasks.size() == 1 ? " pending task" : " pending tasks")
                .append(tasks.isEmpty() ? "." : ":").append('\n');
        Map<Task<?>, List<Task<?>>> awaits = new IdentityHashMap<>();
        Set<Task<?>> awaited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Task<?> t : tasks) {
            List<Task<?>> children = awaitedTasks(t);
            awaits.put(t, children);
            awaited.addAll(children);
        }
        List<Task<?>> roots = new ArrayList<>();
        for (Task<?> t : tasks) {
            if (!awaited.contains(t)) {
                roots.add(t);
            }
        }
        for (int i = 0; i < roots.size(); i++) {
            write(roots.get(i), awaits, "", i == roots.size() - 1);
        }
        // tasks awaiting each other in a cycle have no root: show each cycle from its first task
        for (Task<?> t : tasks) {
            if (!shown.contains(t)) {
                write(t, awaits, "", true);
            }
        }
        return out.toString();
    }

    private void write(Task<?> task, Map<Task<?>, List<Task<?>>> awaits, String indent, boolean last) {
        out.append(indent).append(last ? "└── " : "├── ").append("Task '").append(task.name()).append('\'');
        String inner = indent + (last ? "    " : "│   ");
        if (!shown.add(task)) {
            out.append(" (shown above)\n");
            return;
        }
        out.append(' ').append(state(task)).append('\n');
        for (StateMachine<?> m = task.suspendedIn(); m != null; m = m.$awaiting()) {
            StackTraceElement frame = m.$frame();
            out.append(inner).append(frame != null ? "at " + frame : "in " + m).append('\n');
        }
        StackTraceElement spawnedAt = task.spawnedAt();
        if (spawnedAt != null) {
            out.append(inner).append("spawned at ").append(spawnedAt).append('\n');
        }
        List<Task<?>> children = awaits.getOrDefault(task, List.of());
        for (int i = 0; i < children.size(); i++) {
            write(children.get(i), awaits, inner, i == children.size() - 1);
        }
    }

    private String state(Task<?> task) {
        if (task == loop.runningTask()) {
            return "running";
        }
        Object on = task.waitingOn();
        if (on instanceof Task) {
            return "waiting on Task '" + ((Task<?>) on).name() + "'";
        }
        if (on != null) {
            return "waiting on " + on;
        }
        return task.hasStarted() ? "ready to run" : "not started";
    }

    /** The pending tasks {@code task} awaits: one task, or those of a gather or a wait. */
    private List<Task<?>> awaitedTasks(Task<?> task) {
        Set<Task<?>> found = new LinkedHashSet<>();
        Object on = task.waitingOn();
        if (on instanceof Task) {
            found.add((Task<?>) on);
        } else if (on instanceof Gather) {
            addPendingTasks(((Gather) on).children(), found);
        }
        for (StateMachine<?> m = task.suspendedIn(); m != null; m = m.$awaiting()) {
            if (m instanceof WaitTasks) {
                addPendingTasks(((WaitTasks) m).promises(), found);
            }
        }
        found.removeIf(t -> t.isDone() || t == task);
        return new ArrayList<>(found);
    }

    private static void addPendingTasks(Iterable<? extends Promise<?>> promises, Set<Task<?>> into) {
        for (Promise<?> p : promises) {
            if (p instanceof Task) {
                into.add((Task<?>) p);
            }
        }
    }
}
