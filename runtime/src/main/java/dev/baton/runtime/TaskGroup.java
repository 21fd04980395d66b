package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code asyncio.TaskGroup}: structured concurrency. Tasks spawned in the group are all done
 * when {@link #run} completes; a child failing cancels the others and the body.
 *
 * <p>{@code await(TaskGroup.run(body))} is {@code async with TaskGroup() as tg: return await
 * body(tg)}: the body runs inline in the awaiting (parent) task and spawns children with
 * {@link #spawn(Coroutine)}. When it ends, the group waits for every child. The rules are
 * those of CPython 3.13's {@code taskgroups.py}:
 * <ul>
 *   <li>A child that fails with an exception (not a cancellation) aborts the group: every
 *       other child is cancelled, and the parent task is cancelled once (so the body is
 *       interrupted at its current await); that cancellation is withdrawn with
 *       {@link Task#uncancel()} when the group exits.</li>
 *   <li>The children's exceptions, and the body's own if it failed with one, are raised
 *       together as an {@link ExceptionGroup} ("unhandled errors in a TaskGroup"). If the
 *       parent task was also being cancelled from outside, it is cancelled again, so that
 *       its cancellation count stays as it was.</li>
 *   <li>If the parent task is cancelled from outside (while in the body or while waiting
 *       for the children), the children are cancelled, waited for, and the
 *       {@link CancelledException} propagates, unless children failed (the group wins).</li>
 *   <li>A {@link VirtualMachineError} (Python's {@code KeyboardInterrupt}/{@code SystemExit})
 *       in the body or a child is raised by itself, not grouped, once the children are done.</li>
 * </ul>
 *
 * <pre>{@code
 * @Async Coroutine<Void> fetchBoth(TaskGroup tg) {
 *     tg.spawn(fetch("a"));
 *     tg.spawn(fetch("b"));
 *     return done();
 * }
 * ...
 * await(TaskGroup.run(tg -> fetchBoth(tg)));     // both fetched, or an ExceptionGroup
 * }</pre>
 */
public final class TaskGroup {
    private boolean entered;
    private boolean exiting;
    private boolean aborting;
    private EventLoop loop;
    private Task<?> parentTask;
    private boolean parentCancelRequested;
    private final LinkedHashSet<Task<?>> tasks = new LinkedHashSet<>();
    private List<Throwable> errors = new ArrayList<>();
    private Throwable baseError;
    private Promise<Boolean> onCompleted;
    private final Consumer<Promise<?>> onTaskDone = this::onTaskDone;

    private TaskGroup() {}

    /**
     * {@code async with TaskGroup() as tg: return await body(tg)}: a coroutine that runs the
     * body inline with a new group, waits for every task spawned in it, and returns the
     * body's result; see the class comment for failures and cancellation.
     *
     * @param <T> the result type
     * @param body the body, run inline with the group
     * @return the coroutine that runs the body with the group
     */
    public static <T> Coroutine<T> run(Function<? super TaskGroup, ? extends Awaitable<? extends T>> body) {
        if (body == null) {
            throw new NullPointerException("body");
        }
        return new Scope<>(new TaskGroup(), body);
    }

    /**
     * {@code tg.create_task(coroutine)}: a new task in this group.
     *
     * @param <T> the result type
     * @param coroutine the coroutine to run
     * @return the new task, already scheduled
     */
    public <T> Task<T> spawn(Coroutine<T> coroutine) {
        return spawn(coroutine, null);
    }

    /**
     * {@code tg.create_task(coroutine, name=name)}. {@link IllegalStateException} if the group
     * has not been entered, is finished, or is shutting down (aborting after a failure); the
     * coroutine is then closed, so it cannot be awaited elsewhere either.
     *
     * @param <T> the result type
     * @param coroutine the coroutine to run
     * @param name the task's name
     * @return the new task, already scheduled
     */
    public <T> Task<T> spawn(Coroutine<T> coroutine, String name) {
        if (coroutine == null) {
            throw new NullPointerException("coroutine");
        }
        if (loop != null) {
            loop.checkThread();
        }
        if (!entered) {
            throw refuse(coroutine, "has not been entered");
        }
        if (exiting && tasks.isEmpty()) {
            throw refuse(coroutine, "is finished");
        }
        if (aborting) {
            throw refuse(coroutine, "is shutting down");
        }
        Task<T> task = loop.createTask(coroutine, name);
        if (task.isDone()) {
            onTaskDone(task);
        } else {
            tasks.add(task);
            task.addDoneCallback(onTaskDone);
        }
        return task;
    }

    private IllegalStateException refuse(Coroutine<?> coroutine, String why) {
        if (coroutine instanceof StateMachine) {
            ((StateMachine<?>) coroutine).abandon(); // coro.close()
        }
        return new IllegalStateException("TaskGroup " + this + " " + why);
    }

    /** Python's {@code _is_base_error}: what must not be grouped. */
    private static boolean isBaseError(Throwable t) {
        return t instanceof VirtualMachineError;
    }

    private void abort() {
        aborting = true;
        for (Task<?> task : List.copyOf(tasks)) {
            if (!task.isDone()) {
                task.cancel();
            }
        }
    }

    private void onTaskDone(Promise<?> done) {
        Task<?> task = (Task<?>) done;
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty() && !onCompleted.isDone()) {
            onCompleted.complete(true);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable failure = task.exception();
        if (failure == null) {
            return;
        }
        errors.add(failure);
        if (isBaseError(failure) && baseError == null) {
            baseError = failure;
        }
        if (parentTask.isDone()) {
            loop.callExceptionHandler(new ExceptionContext("Task " + task
                    + " has errored out but its parent task " + parentTask + " is already completed",
                    failure, task));
            return;
        }
        if (!aborting && !parentCancelRequested) {
            // interrupt the body: the parent is cancelled now and uncancelled on exit
            abort();
            parentCancelRequested = true;
            parentTask.cancel();
        }
    }

    @Override
    public String toString() {
        List<String> info = new ArrayList<>(3);
        if (aborting) {
            info.add("cancelling");
        } else if (entered) {
            info.add("entered");
        }
        if (!tasks.isEmpty()) {
            info.add("tasks=" + tasks.size());
        }
        if (errors != null && !errors.isEmpty()) {
            info.add("errors=" + errors.size());
        }
        return "TaskGroup" + info;
    }

    /** The {@code async with} statement: {@code __aenter__}, the body, {@code __aexit__}. */
    private static final class Scope<T> extends StateMachine<T> {
        private final TaskGroup group;
        private Function<? super TaskGroup, ? extends Awaitable<? extends T>> body;
        private Object bodyValue;
        private Throwable bodyFailure;
        private Throwable propagateCancellation;

        Scope(TaskGroup group, Function<? super TaskGroup, ? extends Awaitable<? extends T>> body) {
            this.group = group;
            this.body = body;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            switch ($state) {
                case 0: {
                    enter();
                    Function<? super TaskGroup, ? extends Awaitable<? extends T>> f = body;
                    body = null;
                    try {
                        Awaitable<? extends T> awaitable = f.apply(group);
                        if (awaitable == null) {
                            throw new NullPointerException("the TaskGroup body returned null: return done() instead");
                        }
                        value = $await(awaitable, 1);
                    } catch (Throwable t) {
                        return exit(null, t);
                    }
                    if (value == SUSPENDED) {
                        return SUSPENDED;
                    }
                    return exit(value, null);
                }
                case 1:
                    return exit(value, failure);
                case 2:
                    if (failure instanceof CancelledException) {
                        if (!group.aborting) {
                            // the parent task is cancelled while the children still run
                            propagateCancellation = failure;
                            group.abort();
                        }
                    } else if (failure != null) {
                        throw failure;
                    }
                    group.onCompleted = null;
                    return waitForChildren();
                default:
                    throw new IllegalStateException("bad state " + $state);
            }
        }

        /** {@code __aenter__}. */
        private void enter() {
            if (group.entered) {
                throw new IllegalStateException("TaskGroup " + group + " has already been entered");
            }
            group.loop = task().loop();
            group.parentTask = task();
            group.entered = true;
        }

        /** {@code __aexit__} up to its wait for the children. */
        private Object exit(Object value, Throwable failure) throws Throwable {
            group.exiting = true;
            bodyValue = value;
            bodyFailure = failure;
            if (failure != null && isBaseError(failure) && group.baseError == null) {
                group.baseError = failure;
            }
            propagateCancellation = failure instanceof CancelledException ? failure : null;
            if (failure != null && !group.aborting) {
                // the parent is being cancelled, or the body failed
                group.abort();
            }
            return waitForChildren();
        }

        /** {@code while self._tasks: await self._on_completed_fut}, then the rest of {@code __aexit__}. */
        private Object waitForChildren() throws Throwable {
            while (!group.tasks.isEmpty()) {
                if (group.onCompleted == null) {
                    group.onCompleted = new Promise<>(group.loop);
                }
                if ($await(group.onCompleted, 2) == SUSPENDED) {
                    return SUSPENDED;
                }
                group.onCompleted = null;
            }
            if (group.baseError != null) {
                throw group.baseError;
            }
            if (group.parentCancelRequested) {
                // the group's own cancellation of the parent must be withdrawn
                if (group.parentTask.uncancel() == 0) {
                    propagateCancellation = null;
                }
            }
            if (propagateCancellation != null && group.errors.isEmpty()) {
                throw propagateCancellation;
            }
            if (bodyFailure != null && !(bodyFailure instanceof CancelledException)) {
                group.errors.add(bodyFailure);
            }
            if (!group.errors.isEmpty()) {
                if (group.parentTask.cancelling() > 0) {
                    // keep the outside cancellation count stable
                    group.parentTask.uncancel();
                    group.parentTask.cancel();
                }
                List<Throwable> errors = group.errors;
                group.errors = null;
                throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
            }
            if (bodyFailure != null) {
                throw bodyFailure; // __aexit__ did not suppress the body's exception
            }
            return bodyValue;
        }

        @Override
        public String toString() {
            return "TaskGroup.run[" + group + "]";
        }
    }
}
