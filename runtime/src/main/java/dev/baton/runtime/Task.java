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
 * <p>A task made without a name is {@code Task-N}, N counting the unnamed tasks, as in
 * CPython 3.13 (a task made with a name takes no number). Difference from CPython: N counts
 * per loop (the first unnamed task of every loop is {@code Task-1}, which keeps each loop's
 * names deterministic), where CPython's counter is process-wide.
 *
 * @param <T> the result type
 */
public final class Task<T> extends Promise<T> {

    static {
        TaskAccess.install((task, result, failure) -> task.finish(result, failure));
    }

    // Few fields, because every blocked coroutine has a Task (docs/design.md's performance
    // contract): what most tasks never use lives in a Rare object made on first use.
    /**
     * The outermost machine, for {@link #toString()}; let go once the task is done, so that a
     * finished task kept for its result does not keep its machines too.
     */
    private StateMachine<T> coroutine;
    /** The machine to resume at the next step: the coroutine at first, then whichever awaited. */
    private StateMachine<?> resumeTarget;
    /**
     * What this task is suspended on: a {@link Promise} (asyncio's {@code _fut_waiter}), or,
     * while {@link #waitState} is not {@link #NOT_BLOCKED}, the {@link Blocker} of the
     * primitive whose waiters it stands in.
     */
    private Object waitingOn;
    /** The loop's list of unfinished tasks. */
    Task<?> previousLive, nextLive;
    /** Name, cancellation requests and the like; null until one is needed. */
    private Rare rare;
    /**
     * The N of {@code Task-N}; 0 for a task made with a name (it takes no number, as in
     * CPython), or past {@code Integer.MAX_VALUE}, when N is {@link Rare#bigNumber}.
     */
    private int number;
    private boolean mustCancel;
    /** Whether the first step ran (a task cancelled before then ends without running its body). */
    private boolean started;
    /**
     * While the task is blocked in a primitive, the state of the future asyncio would have
     * put in the primitive's waiters: {@link #BLOCKED} (pending), {@link #WOKEN} (has a
     * result) or {@link #WAIT_CANCELLED}.
     */
    private byte waitState;

    private static final byte NOT_BLOCKED = 0, BLOCKED = 1, WOKEN = 2, WAIT_CANCELLED = 3;

    /** What few tasks need: kept apart so that a task is small. */
    private static final class Rare {
        String name;
        /** The N of {@code Task-N} once the loop has made more than {@code Integer.MAX_VALUE} tasks. */
        long bigNumber;
        /** How many cancellation requests are pending ({@code cancelling()}). */
        int cancelsRequested;
        /** The message of the latest cancellation request. */
        String cancelMessage;
        /** The message the wait in a primitive was cancelled with, thrown at its await. */
        String waitCancelMessage;
        /** The exception the coroutine ended with when cancelled, thrown again by result(). */
        CancelledException cancelledException;
        /** Where the task was made (debug mode only). */
        StackTraceElement spawnedAt;
    }

    Task(EventLoop loop, StateMachine<T> coroutine, String name) {
        super(loop);
        this.coroutine = coroutine;
        this.resumeTarget = coroutine;
        if (name != null) {
            rare().name = name;
        } else {
            takeNumber();
        }
        if (loop.recordsSpawnSites()) {
            rare().spawnedAt = DebugMode.callerOutside("", "");
        }
        coroutine.startAsTask(this);
        loop.taskStarted(this);
        loop.enqueue(this);
    }

    /** Numbers the task {@code Task-N} from the loop's count of unnamed tasks. */
    private void takeNumber() {
        long n = loop.nextTaskNumber();
        if (n <= Integer.MAX_VALUE) {
            number = (int) n;
        } else {
            rare().bigNumber = n;
        }
    }

    private Rare rare() {
        Rare r = rare;
        if (r == null) {
            r = new Rare();
            rare = r;
        }
        return r;
    }

    /**
     * The task's name: {@code Task-N} unless one was given.
     *
     * @return the task's name
     */
    public String name() {
        Rare r = rare;
        if (r == null) {
            return "Task-" + number;
        }
        return r.name != null ? r.name : "Task-" + (number != 0 ? number : r.bigNumber);
    }

    /**
     * {@code task.set_name(name)}; null gives the task back its {@code Task-N} name (a task
     * made with a name takes a number then).
     *
     * @param name the new name
     */
    public void setName(String name) {
        loop.checkThread();
        if (name != null || rare != null) {
            rare().name = name;
        }
        if (name == null && number == 0 && rare.bigNumber == 0) {
            takeNumber();
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
        if (waitState == BLOCKED) {
            cancelWait(msg);
            return true;
        }
        if (waitingOn instanceof Promise && ((Promise<?>) waitingOn).cancel(msg)) {
            return true;
        }
        mustCancel = true;
        r.cancelMessage = msg;
        return true;
    }

    /**
     * The number of pending cancellation requests.
     *
     * @return the number of cancellation requests pending
     */
    public int cancelling() {
        Rare r = rare;
        return r == null ? 0 : r.cancelsRequested;
    }

    /**
     * Withdraws one cancellation request; returns the number left.
     *
     * @return the number of cancellation requests left
     */
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
     * The running body blocks in a primitive's operation, this task standing in the
     * primitive's waiters (see {@link Blocker}): the step that resumes {@code machine} once
     * the wait is woken or cancelled first runs {@code op}'s {@link Blocker#afterWait}.
     */
    void block(Blocker op, StateMachine<?> machine) {
        resumeTarget = machine;
        waitingOn = op;
        waitState = BLOCKED;
        if (mustCancel) {
            mustCancel = false;
            cancelWait(cancelMessage());
        }
    }

    /** Whether the wait in a primitive was woken or cancelled (asyncio: its future is done). */
    boolean waitEnded() {
        return waitState != BLOCKED;
    }

    /** Whether the wait in a primitive was cancelled (asyncio: its future is cancelled). */
    boolean waitCancelled() {
        return waitState == WAIT_CANCELLED;
    }

    /** Ends the wait in a primitive with a wake-up (asyncio: its future's set_result). */
    void wakeFromWait() {
        if (waitState != BLOCKED) {
            throw new IllegalStateException("invalid state"); // as set_result on a done future
        }
        waitState = WOKEN;
        loop.enqueue(this);
    }

    private void cancelWait(String msg) {
        rare().waitCancelMessage = msg;
        waitState = WAIT_CANCELLED;
        loop.enqueue(this);
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
        Object awaited = waitingOn;
        Object value = null;
        Throwable failure = null;
        if (waitState == WAIT_CANCELLED) {
            Rare r = rare;
            failure = new CancelledException(r.waitCancelMessage);
            r.waitCancelMessage = null;
        } else if (waitState == NOT_BLOCKED && awaited != null) {
            try {
                value = ((Promise<?>) awaited).resultForAwait();
            } catch (Throwable t) {
                failure = t;
            }
        }
        step(awaited, value, failure);
    }

    private void step(Object awaited, Object value, Throwable failure) {
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
        byte wait = waitState;
        waitState = NOT_BLOCKED;
        StateMachine<?> machine = resumeTarget;
        resumeTarget = null;
        Task<?> previous = loop.enterTask(this);
        try {
            if (!started) {
                started = true;
                if (failure != null) {
                    machine.abandon(); // cancelled before its first step: the body never runs
                    finish(null, failure);
                    return;
                }
            }
            if (wait != NOT_BLOCKED) {
                // the rest of the primitive's operation, as its coroutine's except/finally
                try {
                    value = ((Blocker) awaited).afterWait(this, machine, wait == WOKEN, failure);
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
        } finally {
            loop.leaveTask(previous);
        }
    }

    @SuppressWarnings("unchecked")
    private void finish(Object value, Throwable failure) {
        loop.taskFinished(this);
        coroutine = null;
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

    // ---- what the task dump reads ----

    /** The outermost machine, or null once the task is done. */
    StateMachine<T> coroutine() {
        return coroutine;
    }

    /** The innermost machine the next step resumes, or null while the task runs. */
    StateMachine<?> suspendedIn() {
        return resumeTarget;
    }

    /** Whether the task's first step ran. */
    boolean hasStarted() {
        return started;
    }

    /** Where the task was made, recorded in debug mode; null otherwise. */
    StackTraceElement spawnedAt() {
        Rare r = rare;
        return r == null ? null : r.spawnedAt;
    }

    /** The promise, or the primitive's operation, the task is suspended on; null if none. */
    Object waitingOn() {
        return waitingOn;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Task[").append(describeState());
        int cancelling = cancelling();
        if (cancelling > 0 && !isDone()) {
            s.append(", cancelling=").append(cancelling);
        }
        s.append(", name=").append(name());
        if (coroutine != null) {
            s.append(", coro=").append(coroutine.$describe());
        }
        if (waitingOn != null) {
            s.append(", waiting on ").append(waitingOn);
        }
        return s.append(']').toString();
    }
}
