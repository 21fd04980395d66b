package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import dev.baton.runtime.internal.TaskAccess;

/**
 * asyncio's {@code Task}: a coroutine running on the loop, itself a {@link Promise} of the
 * coroutine's result. Made by {@link Baton#spawn(Coroutine)} or {@link EventLoop#createTask}.
 *
 * <p>The first step is scheduled with {@code callSoon}. {@link #cancel(String)} throws
 * {@link CancelledException} into the coroutine at the await where it is suspended (or, if
 * it has not started, completes the task as cancelled without running the body); a task
 * awaiting another task or promise cancels that one. {@link #cancelling()} counts pending
 * cancellation requests and {@link #uncancel()} withdraws one, as in Python 3.11+.
 *
 * @param <T> the result type
 */
public final class Task<T> extends Promise<T> {

    static {
        TaskAccess.install((task, result, failure) -> task.finish(result, failure));
    }

    // Few fields, because every blocked coroutine has a Task (DESIGN.md's performance
    // contract): what most tasks never use lives in a Rare object made on first use.
    private final StateMachine<T> coroutine;
    /** The machine to resume at the next step: the coroutine at first, then whichever awaited. */
    private StateMachine<?> resumeTarget;
    /** The promise this task is suspended on (asyncio's {@code _fut_waiter}). */
    private Promise<?> waitingOn;
    /** The loop's list of unfinished tasks. */
    Task<?> previousLive, nextLive;
    /** Name, cancellation requests and the like; null until one is needed. */
    private Rare rare;
    /** The N of {@code Task-N}; 0 past {@code Integer.MAX_VALUE}, when N is {@link Rare#bigNumber}. */
    private final int number;
    private boolean mustCancel;
    /** Whether {@link #waitingOn} is a {@link WaiterNode} whose afterWait this task runs. */
    private boolean waitingOnNode;

    /** What few tasks need: kept apart so that a task is small. */
    private static final class Rare {
        String name;
        /** The N of {@code Task-N} once the loop has made more than {@code Integer.MAX_VALUE} tasks. */
        long bigNumber;
        /** How many cancellation requests are pending ({@code cancelling()}). */
        int cancelsRequested;
        /** The message of the latest cancellation request. */
        String cancelMessage;
        /** The exception the coroutine ended with when cancelled, thrown again by result(). */
        CancelledException cancelledException;
    }

    Task(EventLoop loop, StateMachine<T> coroutine, String name) {
        super(loop);
        this.coroutine = coroutine;
        this.resumeTarget = coroutine;
        long n = loop.nextTaskNumber();
        if (n <= Integer.MAX_VALUE) {
            this.number = (int) n;
        } else {
            this.number = 0;
            rare().bigNumber = n;
        }
        if (name != null) {
            rare().name = name;
        }
        coroutine.startAsTask(this);
        loop.taskStarted(this);
        loop.enqueue(this);
    }

    private Rare rare() {
        Rare r = rare;
        if (r == null) {
            r = new Rare();
            rare = r;
        }
        return r;
    }

    /** The task's name: {@code Task-N} unless set. */
    public String name() {
        Rare r = rare;
        if (r == null) {
            return "Task-" + number;
        }
        return r.name != null ? r.name : "Task-" + (number != 0 ? number : r.bigNumber);
    }

    public void setName(String name) {
        loop.checkThread();
        if (name != null || rare != null) {
            rare().name = name;
        }
    }

    /** Not supported: a task's result is its coroutine's. */
    @Override
    public void setResult(T value) {
        throw new IllegalStateException("Task does not support set_result operation");
    }

    /** Not supported: a task's exception is its coroutine's. */
    @Override
    public void setException(Throwable failure) {
        throw new IllegalStateException("Task does not support set_exception operation");
    }

    /**
     * Requests cancellation: the coroutine gets {@link CancelledException} at its current
     * await. Returns false if the task is done already.
     */
    @Override
    public boolean cancel(String msg) {
        loop.checkThread();
        markRetrieved(); // as asyncio's Task.cancel, even when done: a failure is then not reported
        if (isDone()) {
            return false;
        }
        Rare r = rare();
        r.cancelsRequested++;
        if (waitingOn != null && waitingOn.cancel(msg)) {
            return true;
        }
        mustCancel = true;
        r.cancelMessage = msg;
        return true;
    }

    /** The number of pending cancellation requests. */
    public int cancelling() {
        Rare r = rare;
        return r == null ? 0 : r.cancelsRequested;
    }

    /** Withdraws one cancellation request; returns the number left. */
    public int uncancel() {
        loop.checkThread();
        Rare r = rare;
        if (r == null) {
            return 0;
        }
        if (r.cancelsRequested > 0) {
            r.cancelsRequested--;
            if (r.cancelsRequested == 0) {
                mustCancel = false;
            }
        }
        return r.cancelsRequested;
    }

    @Override
    CancelledException makeCancelledError() {
        Rare r = rare;
        CancelledException saved = r == null ? null : r.cancelledException;
        if (saved != null) {
            r.cancelledException = null;
            return saved;
        }
        return super.makeCancelledError();
    }

    /** Once cancelled, the promise's message; before, the latest cancellation request's. */
    @Override
    String cancelMessage() {
        if (isCancelled()) {
            return super.cancelMessage();
        }
        Rare r = rare;
        return r == null ? null : r.cancelMessage;
    }

    // ---- suspension and resumption, called by awaitables ----

    /** The running body suspends until {@code promise} completes, then resumes {@code machine}. */
    void suspendOn(Promise<?> promise, StateMachine<?> machine) {
        resumeTarget = machine;
        promise.addWaiter(this);
        waitingOn = promise;
        if (mustCancel && promise.cancel(cancelMessage())) {
            mustCancel = false;
        }
    }

    /**
     * As {@link #suspendOn}, and the step that resumes {@code machine} first runs the node's
     * {@link WaiterNode#afterWait} (the rest of the primitive's operation).
     */
    void suspendOnWaiter(WaiterNode<?> node, StateMachine<?> machine) {
        waitingOnNode = true;
        suspendOn(node, machine);
    }

    /** The running body yields for one loop iteration (a bare {@code yield}: sleep(0)). */
    void suspendYield(StateMachine<?> machine) {
        resumeTarget = machine;
        loop.enqueue(this);
    }

    /** The promise this task waits on completed: resume one step later. */
    void scheduleWakeup() {
        loop.enqueue(this);
    }

    /** Steps the task: called by the loop for what {@link EventLoop#enqueue} queued. */
    void wakeup() {
        Promise<?> awaited = waitingOn;
        Object value = null;
        Throwable failure = null;
        if (awaited != null) {
            try {
                value = awaited.resultForAwait();
            } catch (Throwable t) {
                failure = t;
            }
        }
        step(awaited, value, failure);
    }

    private void step(Promise<?> awaited, Object value, Throwable failure) {
        if (isDone()) {
            throw new IllegalStateException("step(): already done: " + this);
        }
        if (mustCancel) {
            if (!(failure instanceof CancelledException)) {
                failure = makeCancelledError();
            }
            mustCancel = false;
        }
        waitingOn = null;
        boolean afterWait = waitingOnNode;
        waitingOnNode = false;
        StateMachine<?> machine = resumeTarget;
        resumeTarget = null;
        Task<?> previous = loop.enterTask(this);
        try {
            if (machine == coroutine && coroutine.notStarted() && failure != null) {
                coroutine.abandon(); // cancelled before its first step: the body never runs
                finish(null, failure);
            } else {
                if (afterWait) {
                    // the rest of the primitive's operation, as its coroutine's except/finally
                    try {
                        value = ((WaiterNode<?>) awaited).afterWait(machine, value, failure);
                        failure = null;
                    } catch (Throwable t) {
                        value = null;
                        failure = t;
                    }
                    if (value == StateMachine.SUSPENDED) {
                        return; // it waits again
                    }
                }
                machine.resumeWith(value, failure);
            }
        } finally {
            loop.leaveTask(previous);
        }
    }

    @SuppressWarnings("unchecked")
    private void finish(Object value, Throwable failure) {
        loop.taskFinished(this);
        if (failure == null) {
            if (mustCancel) {
                mustCancel = false;
                cancelPromise(cancelMessage());
            } else {
                complete((T) value);
            }
        } else if (failure instanceof CancelledException) {
            rare().cancelledException = (CancelledException) failure;
            cancelPromise(null);
        } else {
            fail(failure);
            if (failure instanceof VirtualMachineError) {
                throw (VirtualMachineError) failure;
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Task[").append(describeState());
        int cancelling = cancelling();
        if (cancelling > 0 && !isDone()) {
            s.append(", cancelling=").append(cancelling);
        }
        s.append(", name=").append(name()).append(", coro=").append(coroutine);
        if (waitingOn != null) {
            s.append(", waiting on ").append(waitingOn);
        }
        return s.append(']').toString();
    }
}
