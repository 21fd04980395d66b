package dev.baton.runtime;

import dev.baton.runtime.internal.AwaitOnce;
import dev.baton.runtime.internal.LoopAccess;
import dev.baton.runtime.internal.LoopDriver;
import dev.baton.runtime.internal.StateMachine;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A single-threaded event loop with asyncio's scheduling rules.
 *
 * <p>Each iteration copies CPython's {@code BaseEventLoop._run_once}: the ready queue is
 * FIFO; an iteration runs only the callbacks that were ready when it began; timers that are
 * due join the ready queue in deadline order (ties in scheduling order); cancelled handles are
 * skipped; an exception in a callback goes to the exception handler and the loop carries on.
 *
 * <p>A loop belongs to the thread that runs it: while it runs, every method except
 * {@link #callSoonThreadsafe(Runnable)} (and the observers {@link #isRunning()},
 * {@link #isClosed()} and {@code toString()}) throws {@link IllegalStateException} when
 * called from another thread; so do the methods of its promises, tasks and handles that
 * change or consume state. The virtual clock ({@link #virtual()}, {@link #runVirtual}) jumps
 * to the next timer whenever nothing is ready, so timed programs run instantly and
 * deterministically.
 *
 * <p>Difference from CPython: timers due at exactly the same time run in the order they were
 * scheduled (CPython's heap leaves their order unspecified).
 *
 * <pre>{@code
 * String answer = EventLoop.run(new Baton_Greeter().greet());   // asyncio.run(greet())
 * }</pre>
 */
public final class EventLoop implements AutoCloseable {

    static {
        LoopAccess.install(new LoopAccess.Bridge() {
            @Override
            public void foreignInFlight(EventLoop loop, int delta) {
                loop.foreignInFlight += delta;
            }

            @Override
            public void coroutineCreated(StateMachine<?> coroutine) {
                EventLoop loop = RUNNING.get();
                if (loop != null && loop.debugMode != null) {
                    loop.debugMode.coroutineCreated(coroutine);
                }
            }

            @Override
            public void coroutineStarted(StateMachine<?> coroutine) {
                EventLoop loop = RUNNING.get();
                if (loop != null && loop.debugMode != null) {
                    loop.debugMode.coroutineStarted(coroutine);
                }
            }
        });
        LoopDriver.install(new LoopDriverBridge());
    }

    /** asyncio's PYTHONASYNCIODEBUG: {@code -Dbaton.debug=true} puts every new loop in debug mode. */
    private static final boolean DEBUG_BY_DEFAULT = Boolean.getBoolean("baton.debug");

    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();
    /** time.get_clock_info('monotonic').resolution on Linux. */
    private static final double CLOCK_RESOLUTION = 1e-9;
    private static final int MIN_SCHEDULED_TIMER_HANDLES = 100;

    private final boolean virtualClock;
    /** Non-null for a loop run by a {@link HostedLoop}: how other threads wake its host. */
    private final Runnable driverWakeup;
    private final long originNanos = System.nanoTime();
    private double virtualNow;

    /** Runnables (handles, timers, inbox callbacks) and tasks to step, which need no wrapper. */
    private final ReadyQueue ready = new ReadyQueue();
    private final PriorityQueue<TimerHandle> scheduled;
    private int timerCancelledCount;
    private long timerSequence;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    /**
     * Set by {@link #callSoonThreadsafe} after it adds to the inbox, cleared by the loop before
     * it drains the inbox: so each iteration of a busy loop reads one volatile flag instead of
     * polling an empty concurrent queue, and no callback is left behind.
     */
    private volatile boolean inboxPending;
    private volatile boolean sleeping;

    /** The thread running the loop, or null while it does not run: read by other threads. */
    private volatile Thread owner;
    /**
     * {@link #owner} again, as a plain field, for the confinement checks on every call of a
     * loop or primitive method. The loop's thread reads its own writes; a thread that called
     * after the loop started or stopped (a thread start, join or queue hand-off between them)
     * sees them too. A volatile read there would stop the JIT from keeping fields in registers
     * across each check: acquiring a free lock cost 4.1 ns with it and 1.7 ns without.
     */
    private Thread runningOn;
    private boolean stopping;
    private boolean closed;
    private Task<?> currentTask;
    private long taskCounter;
    private Task<?> liveTasks;
    private int liveTaskCount;

    private BiConsumer<EventLoop, ExceptionContext> exceptionHandler;
    private final Set<Unretrieved> unretrieved = new LinkedHashSet<>();
    private final ReferenceQueue<Promise<?>> collected = new ReferenceQueue<>();

    /** What {@link #runUntilComplete} waits for, while it runs: for the deadlock check. */
    private Promise<?> awaitedByRun;
    /** Awaited CompletionStages whose outcome has not come back to the loop yet. */
    private int foreignInFlight;

    /** Debug mode's state; null when the loop is not in debug mode, which is all that mode then costs. */
    private DebugMode debugMode;
    private double slowCallbackDuration = 0.1;
    private double stuckWarning = 5;

    /** The test kit's schedule perturbation ({@link LoopDriver}); null on every other loop. */
    private final LoopDriver.Perturbation perturbation;
    /** How many foreign futures were awaited: each one's number, for the perturbation. */
    private long foreignAwaited;

    /** A loop on the real (monotonic) clock: {@code asyncio.new_event_loop()}. */
    public EventLoop() {
        this(false);
    }

    private EventLoop(boolean virtualClock) {
        this(virtualClock, null);
    }

    EventLoop(boolean virtualClock, LoopDriver.Perturbation perturbation) {
        this.virtualClock = virtualClock;
        this.perturbation = perturbation;
        this.scheduled = new PriorityQueue<>(perturbation == null
                ? TimerHandle::compare : TimerHandle.perturbedOrder(perturbation));
        this.driverWakeup = null;
        if (DEBUG_BY_DEFAULT) {
            setDebug(true);
        }
    }

    /** A real-clock loop for a {@link HostedLoop}, whose {@code wakeup} other threads call. */
    EventLoop(Runnable driverWakeup) {
        this.virtualClock = false;
        this.perturbation = null;
        this.scheduled = new PriorityQueue<>(TimerHandle::compare);
        this.driverWakeup = driverWakeup;
        if (DEBUG_BY_DEFAULT) {
            setDebug(true);
        }
    }

    /**
     * A loop on a virtual clock that jumps to the next timer whenever nothing is ready.
     *
     * @return a new loop on the virtual clock
     */
    public static EventLoop virtual() {
        return new EventLoop(true);
    }

    /**
     * {@code asyncio.run(main)}: runs {@code main} as a task on a new real-clock loop, then
     * cancels the tasks left, waits for them, and closes the loop. Returns main's result or
     * throws its exception.
     *
     * @param <T> the result type
     * @param main the main coroutine
     * @return main's result
     */
    public static <T> T run(Coroutine<T> main) {
        return runOn(new EventLoop(), main);
    }

    /**
     * {@link #run(Coroutine)} on the virtual clock.
     *
     * @param <T> the result type
     * @param main the main coroutine
     * @return main's result
     */
    public static <T> T runVirtual(Coroutine<T> main) {
        return runOn(virtual(), main);
    }

    private static <T> T runOn(EventLoop loop, Coroutine<T> main) {
        if (RUNNING.get() != null) {
            throw new IllegalStateException("EventLoop.run() cannot be called from a running event loop");
        }
        try {
            return loop.runUntilComplete(main);
        } finally {
            try {
                loop.cancelAllTasks();
            } finally {
                loop.close();
            }
        }
    }

    /**
     * The loop running on this thread: {@code asyncio.get_running_loop()}.
     *
     * @return the loop running on this thread
     */
    public static EventLoop current() {
        EventLoop loop = RUNNING.get();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    /** The loop running on this thread, or null. */
    static EventLoop currentOrNull() {
        return RUNNING.get();
    }

    // ---- running ----

    /**
     * Runs until {@code awaitable} completes: a coroutine becomes a task; returns its result
     * or throws its exception.
     *
     * @param <T> the result type
     * @param awaitable what to await
     * @return the awaitable's result
     */
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        checkNotClosed();
        checkNotRunning();
        boolean newTask = !(awaitable instanceof Promise);
        Promise<T> future = ensurePromise(awaitable);
        Consumer<Promise<T>> stopWhenDone = f -> stop();
        future.addDoneCallback(stopWhenDone);
        awaitedByRun = future;
        try {
            runForever();
        } catch (Throwable t) {
            if (newTask && future.isDone() && !future.isCancelled()) {
                // the caller gets the loop's failure and cannot reach the task made here:
                // mark its exception seen (a promise passed in is the caller's to retrieve)
                future.exception();
            }
            throw t;
        } finally {
            awaitedByRun = null;
            // a loop stopped early must not be stopped again when the future completes later
            future.removeDoneCallback(stopWhenDone);
        }
        if (!future.isDone()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    /** Runs until {@link #stop()} is called. */
    public void runForever() {
        checkNotClosed();
        checkNotRunning();
        if (RUNNING.get() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
        owner = Thread.currentThread();
        runningOn = owner;
        RUNNING.set(this);
        try {
            while (true) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            RUNNING.remove();
            owner = null;
            runningOn = null;
        }
    }

    /** Stops the loop after the current iteration. */
    public void stop() {
        checkThread();
        stopping = true;
    }

    /**
     * Whether the loop is running.
     *
     * @return whether the loop is running
     */
    public boolean isRunning() {
        return owner != null;
    }

    // ---- debug mode ----

    /**
     * asyncio's {@code loop.set_debug()}: in debug mode the loop reports, through the
     * {@link System.Logger} named {@code dev.baton}, coroutines made and never awaited nor
     * spawned (when the loop closes, or when they are collected), callbacks and task steps
     * slower than {@link #setSlowCallbackDuration}, loop and primitive methods called from
     * another thread (even where the caller swallows the exception), and, on the real clock, a
     * loop stuck for {@link #setStuckWarning} seconds with nothing to do (with the task dump);
     * tasks record where they were spawned, which the dump shows. Off by default, unless the
     * system property {@code baton.debug} is {@code true}; off, it costs nothing.
     *
     * @param enabled whether the loop is in debug mode from now on
     */
    public void setDebug(boolean enabled) {
        checkThread();
        if (enabled && debugMode == null) {
            debugMode = new DebugMode();
            LoopAccess.enableDebugHooks();
        } else if (!enabled) {
            debugMode = null;
        }
    }

    /**
     * Whether the loop is in debug mode: {@code loop.get_debug()}.
     *
     * @return whether the loop is in debug mode
     */
    public boolean isDebug() {
        return debugMode != null;
    }

    /**
     * In debug mode, callbacks and task steps that run longer than this are reported; 0.1 s by default.
     *
     * @param seconds the duration from which a callback or task step is reported, at least 0
     */
    public void setSlowCallbackDuration(double seconds) {
        checkThread();
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("slow callback duration must be >= 0, got " + seconds);
        }
        slowCallbackDuration = seconds;
    }

    /**
     * {@code loop.slow_callback_duration}.
     *
     * @return the duration from which debug mode reports a callback or task step, in seconds
     */
    public double slowCallbackDuration() {
        return slowCallbackDuration;
    }

    /**
     * In debug mode on the real clock, a loop with nothing ready, no timer and no awaited
     * {@link java.util.concurrent.CompletionStage} in flight, for this many seconds while the
     * task it runs for waits, logs the task dump (once each time it gets stuck); 5 s by default.
     * (On the virtual clock that state is a {@link DeadlockException}.)
     *
     * @param seconds how long the loop may be stuck before the dump is logged, more than 0
     */
    public void setStuckWarning(double seconds) {
        checkThread();
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("stuck warning must be > 0 seconds, got " + seconds);
        }
        stuckWarning = seconds;
    }

    /**
     * The delay of {@link #setStuckWarning}.
     *
     * @return how long the loop may be stuck before debug mode logs the dump, in seconds
     */
    public double stuckWarning() {
        return stuckWarning;
    }

    /** Whether tasks should record where they are spawned. */
    boolean recordsSpawnSites() {
        return debugMode != null;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return whether the loop is closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the loop: pending callbacks are dropped, and exceptions of promises nobody
     * retrieved are reported to the exception handler. {@link IllegalStateException} if it runs.
     */
    @Override
    public void close() {
        if (isRunning()) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        reportCollected();
        if (debugMode != null) {
            debugMode.reportAtClose();
        }
        for (Unretrieved record : List.copyOf(unretrieved)) {
            Promise<?> promise = record.get();
            reportUnretrieved(record, promise);
        }
        unretrieved.clear();
        closed = true;
        ready.clear();
        scheduled.clear();
        inbox.clear();
    }

    // ---- scheduling ----

    /**
     * {@code loop.call_soon(cb)}: runs {@code callback} in a later iteration, FIFO.
     *
     * @param callback the callback
     * @return a handle that cancels the callback
     */
    public Handle callSoon(Runnable callback) {
        checkThread();
        checkNotClosed();
        Handle handle = new Handle(this, requireCallback(callback));
        ready.addLast(handle);
        return handle;
    }

    /**
     * {@code loop.call_later(delay, cb)}: runs {@code callback} after {@code delay} seconds.
     *
     * @param delaySeconds the delay, in seconds
     * @param callback the callback
     * @return a handle that cancels the callback
     */
    public TimerHandle callLater(double delaySeconds, Runnable callback) {
        if (Double.isNaN(delaySeconds)) {
            throw new IllegalArgumentException("delay must not be NaN");
        }
        return callAt(time() + delaySeconds, callback);
    }

    /**
     * {@code loop.call_at(when, cb)}: runs {@code callback} at loop time {@code when}.
     *
     * @param when the loop time, in seconds
     * @param callback the callback
     * @return a handle that cancels the callback
     */
    public TimerHandle callAt(double when, Runnable callback) {
        checkThread();
        checkNotClosed();
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("when must not be NaN");
        }
        TimerHandle timer = new TimerHandle(this, requireCallback(callback), when, timerSequence++);
        scheduled.add(timer);
        return timer;
    }

    /**
     * The one method other threads may call: schedules {@code callback} on this loop and
     * wakes it if it sleeps.
     *
     * @param callback the callback
     * @return a handle that cancels the callback
     */
    public Handle callSoonThreadsafe(Runnable callback) {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
        Handle handle = new Handle(this, requireCallback(callback));
        inbox.add(handle);
        inboxPending = true;
        if (driverWakeup != null) {
            driverWakeup.run(); // a driven loop waits in its driver, never in waitForInbox
            return handle;
        }
        Thread thread = owner;
        if (sleeping && thread != null) {
            LockSupport.unpark(thread);
        }
        return handle;
    }

    /**
     * {@code loop.time()}: seconds on the loop's monotonic (or virtual) clock.
     *
     * @return the loop's time, in seconds
     */
    public double time() {
        checkThread();
        return virtualClock ? virtualNow : (System.nanoTime() - originNanos) / 1e9;
    }

    /**
     * {@code loop.create_task(coro)}: schedules the coroutine's first step.
     *
     * @param <T> the result type
     * @param coroutine the coroutine to run
     * @return the new task, already scheduled
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /**
     * {@code loop.create_task(coro, name=name)}.
     *
     * @param <T> the result type
     * @param coroutine the coroutine to run
     * @param name the task's name
     * @return the new task, already scheduled
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        checkThread();
        checkNotClosed();
        if (!(coroutine instanceof StateMachine)) {
            throw new IllegalArgumentException("a coroutine was expected, got " + coroutine
                    + ": create coroutines by calling @Async methods of a Baton_ class");
        }
        return new Task<>(this, (StateMachine<T>) coroutine, name);
    }

    /**
     * {@code loop.create_future()}: a pending promise bound to this loop.
     *
     * @param <T> the result type
     * @return a new pending promise bound to this loop
     */
    public <T> Promise<T> createPromise() {
        checkThread();
        return new Promise<>(this);
    }

    /**
     * The tasks of this loop that are not done, in creation order.
     *
     * @return the tasks not done yet
     */
    public List<Task<?>> allTasks() {
        checkThread();
        List<Task<?>> tasks = new ArrayList<>(liveTaskCount);
        for (Task<?> t = liveTasks; t != null; t = t.nextLive) {
            tasks.add(t);
        }
        return tasks;
    }

    /**
     * Every pending task, what it waits on (a primitive's operation such as
     * {@code acquire() of Lock[locked, waiters=1]}, a promise, a task), its await chain
     * innermost first as template frames ({@code at m.Boom.parse(Boom.java:13)}), and where it
     * was spawned in debug mode; the tasks a task awaits stand beneath it, as in
     * {@code python -m asyncio pstree}. On the loop's thread (or while the loop does not run);
     * from another thread use {@link #dumpTasksThreadsafe()}.
     *
     * @return the task dump, one line per task
     */
    public String dumpTasks() {
        checkThread();
        return TaskDump.of(this, allTasks());
    }

    /**
     * {@link #dumpTasks()} asked from any thread (a JMX bean, a signal handler, a debugger): the
     * loop computes it between two callbacks. A loop that does not run is dumped at once.
     *
     * @return a future of the task dump, completed by the loop's thread
     */
    public CompletableFuture<String> dumpTasksThreadsafe() {
        CompletableFuture<String> dump = new CompletableFuture<>();
        Runnable compute = () -> {
            try {
                dump.complete(dumpTasks());
            } catch (Throwable t) {
                dump.completeExceptionally(t);
            }
        };
        if (owner == null || owner == Thread.currentThread()) {
            compute.run();
        } else {
            try {
                callSoonThreadsafe(compute);
            } catch (IllegalStateException closedMeanwhile) {
                dump.completeExceptionally(closedMeanwhile);
            }
        }
        return dump;
    }

    /** The task running now, without the thread check: for the task dump. */
    Task<?> runningTask() {
        return currentTask;
    }

    /**
     * The task running now, or null in a plain callback.
     *
     * @return the running task, or null in a plain callback
     */
    public Task<?> currentTask() {
        checkThread();
        return currentTask;
    }

    // ---- errors ----

    /**
     * Replaces the exception handler; null restores the default (print to standard error).
     *
     * @param handler the handler, or null for the default one
     */
    public void setExceptionHandler(BiConsumer<EventLoop, ExceptionContext> handler) {
        checkThread();
        exceptionHandler = handler;
    }

    /**
     * Passes an error to the exception handler.
     *
     * @param context what happened
     */
    public void callExceptionHandler(ExceptionContext context) {
        checkThread();
        BiConsumer<EventLoop, ExceptionContext> handler = exceptionHandler;
        if (handler != null) {
            try {
                handler.accept(this, context);
                return;
            } catch (Throwable t) {
                defaultExceptionHandler(new ExceptionContext(
                        "Unhandled error in exception handler", t, context));
            }
        }
        defaultExceptionHandler(context);
    }

    /**
     * asyncio's default handler: the message and stack trace on standard error.
     *
     * @param context what happened
     */
    public static void defaultExceptionHandler(ExceptionContext context) {
        StringBuilder text = new StringBuilder(context.message());
        if (context.source() != null) {
            text.append("\nsource: ").append(context.source());
        }
        System.err.println(text);
        if (context.exception() != null) {
            context.exception().printStackTrace();
        }
    }

    // ---- one iteration: BaseEventLoop._run_once ----

    private void runOnce() {
        int count = scheduled.size();
        if (count > MIN_SCHEDULED_TIMER_HANDLES && timerCancelledCount * 2 > count) {
            removeCancelledTimers();
        } else {
            while (!scheduled.isEmpty() && scheduled.peek().cancelled) {
                timerCancelledCount--;
                scheduled.poll().scheduled = false;
            }
        }

        drainInbox();
        if (ready.isEmpty() && !stopping) {
            if (scheduled.isEmpty()) {
                if (virtualClock) {
                    checkDeadlock();
                } else if (debugMode != null) {
                    warnIfStuck();
                }
                waitForInbox(-1);
            } else if (virtualClock) {
                virtualNow = Math.max(virtualNow, scheduled.peek().when);
            } else {
                double timeout = scheduled.peek().when - time();
                if (timeout > 0) {
                    waitForInbox((long) Math.ceil(timeout * 1e9));
                }
            }
            drainInbox();
        }
        if (!unretrieved.isEmpty()) {
            reportCollected();
        }
        collectDueTimers();
        if (debugMode != null) {
            debugMode.reportCollected();
            runReadyTimed();
            return;
        }

        for (int todo = ready.size(); todo > 0; todo--) {
            Object callback = ready.pollFirst();
            try {
                if (callback instanceof Task) {
                    ((Task<?>) callback).wakeup();
                } else {
                    ((Runnable) callback).run();
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                callExceptionHandler(new ExceptionContext("Exception in callback " + callback, t, callback));
            }
        }
    }

    // ---- hosted by another framework's thread (HostedLoop) ----

    /** Makes the calling thread run this loop until {@link #detachDriver()}. */
    void attachDriver() {
        checkNotClosed();
        checkNotRunning();
        if (RUNNING.get() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
        owner = Thread.currentThread();
        runningOn = owner;
        RUNNING.set(this);
    }

    /** One iteration that never waits: {@link #runOnce()} waits only while the loop is not stopping. */
    void runDrivenIteration() {
        stopping = true;
        try {
            runOnce();
        } finally {
            stopping = false; // stop() means nothing to a driven loop: its driver decides
        }
    }

    /** 0 if callbacks are ready, else nanoseconds to the next timer, or -1 if there is none. */
    long nanosUntilWork() {
        if (!ready.isEmpty() || inboxPending) {
            return 0;
        }
        TimerHandle next = scheduled.peek();
        if (next == null) {
            return -1;
        }
        return Math.max(0, (long) Math.ceil((next.when - time()) * 1e9));
    }

    void detachDriver() {
        checkThread();
        RUNNING.remove();
        owner = null;
        runningOn = null;
    }

    /**
     * On the virtual clock with nothing ready and no timer: unless a foreign future or a
     * thread-safe callback may still wake the loop, the task {@link #runUntilComplete} waits
     * for can never finish.
     */
    private void checkDeadlock() {
        Promise<?> awaited = awaitedByRun;
        if (awaited == null || awaited.isDone() || foreignInFlight > 0 || inboxPending || !inbox.isEmpty()) {
            return;
        }
        String what = awaited instanceof Task ? "task '" + ((Task<?>) awaited).name() + "'" : "promise " + awaited;
        throw new DeadlockException("deadlock: nothing can ever wake the awaited " + what
                + ": no callback is ready, no timer is scheduled, no awaited CompletionStage is in flight and no"
                + " thread-safe callback is pending\n" + dumpTasks());
    }

    /** The due timers join the ready queue. */
    private void collectDueTimers() {
        // the clock is read only when a timer may be due: without timers an iteration of a
        // busy loop (a yield, a handoff) reads no clock, which costs as much as the rest of it
        double endTime = scheduled.isEmpty() ? 0 : time() + CLOCK_RESOLUTION;
        while (!scheduled.isEmpty()) {
            TimerHandle timer = scheduled.peek();
            // on the virtual clock, a timer the clock jumped to is due even where the
            // resolution is below a double's precision (from about 1e7 seconds on)
            if (timer.when >= endTime && !(virtualClock && timer.when <= virtualNow)) {
                break;
            }
            scheduled.poll();
            timer.scheduled = false;
            ready.addLast(timer);
        }
    }

    /** The ready callbacks, each timed: debug mode reports the slow ones (asyncio's _run_once in debug). */
    private void runReadyTimed() {
        for (int todo = ready.size(); todo > 0; todo--) {
            Object callback = ready.pollFirst();
            long start = System.nanoTime();
            try {
                if (callback instanceof Task) {
                    ((Task<?>) callback).wakeup();
                } else {
                    ((Runnable) callback).run();
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                callExceptionHandler(new ExceptionContext("Exception in callback " + callback, t, callback));
            }
            double took = (System.nanoTime() - start) / 1e9;
            if (took >= slowCallbackDuration && debugMode != null) {
                DebugMode.reportSlow(callback, took);
            }
        }
    }

    /** Debug mode on the real clock: waits up to the stuck warning's delay, then logs the dump once. */
    private void warnIfStuck() {
        Promise<?> awaited = awaitedByRun;
        if (awaited == null || awaited.isDone() || foreignInFlight > 0 || inboxPending || !inbox.isEmpty()) {
            return;
        }
        waitForInbox((long) (stuckWarning * 1e9));
        if (inbox.isEmpty() && debugMode != null) {
            DebugMode.reportStuck(stuckWarning, dumpTasks());
        }
    }

    private void removeCancelledTimers() {
        List<TimerHandle> live = new ArrayList<>(scheduled.size());
        for (TimerHandle timer : scheduled) {
            if (timer.cancelled) {
                timer.scheduled = false;
            } else {
                live.add(timer);
            }
        }
        scheduled.clear();
        scheduled.addAll(live);
        timerCancelledCount = 0;
    }

    private void drainInbox() {
        if (!inboxPending) {
            return;
        }
        inboxPending = false;
        Runnable callback;
        while ((callback = inbox.poll()) != null) {
            ready.addLast(callback);
        }
    }

    /** Sleeps until a thread-safe callback arrives or {@code nanos} pass (forever if negative). */
    private void waitForInbox(long nanos) {
        sleeping = true;
        try {
            long deadline = System.nanoTime() + nanos;
            while (inbox.isEmpty()) {
                if (nanos < 0) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                }
                if (Thread.interrupted()) {
                    throw new IllegalStateException("event loop thread interrupted while idle");
                }
            }
        } finally {
            sleeping = false;
        }
    }

    // ---- tasks ----

    /** asyncio.runners._cancel_all_tasks: cancel what is left and let it finish. */
    private void cancelAllTasks() {
        List<Task<?>> toCancel = allTasks();
        if (toCancel.isEmpty()) {
            return;
        }
        for (Task<?> task : toCancel) {
            task.cancel();
        }
        Promise<Void> allDone = new Promise<>(this);
        int[] left = {toCancel.size()};
        for (Task<?> task : toCancel) {
            task.addDoneCallback(t -> {
                if (--left[0] == 0) {
                    allDone.complete(null);
                }
            });
        }
        runUntilComplete(allDone);
        for (Task<?> task : toCancel) {
            if (!task.isCancelled() && task.exception() != null) {
                callExceptionHandler(new ExceptionContext(
                        "unhandled exception during EventLoop.run() shutdown", task.exception(), task));
            }
        }
    }

    @SuppressWarnings("unchecked")
    <T> Promise<T> ensurePromise(Awaitable<T> awaitable) {
        if (awaitable instanceof Promise) {
            Promise<T> promise = (Promise<T>) awaitable;
            if (promise.loop != this) {
                throw new IllegalArgumentException("The future belongs to a different loop than the one specified");
            }
            return promise;
        }
        if (awaitable instanceof Coroutine) {
            return createTask((Coroutine<T>) awaitable);
        }
        if (awaitable == null) {
            throw new NullPointerException("awaitable");
        }
        return createTask(new AwaitOnce<>(awaitable));
    }

    long nextTaskNumber() {
        return ++taskCounter;
    }

    void taskStarted(Task<?> task) {
        task.nextLive = null;
        task.previousLive = null;
        if (liveTasks == null) {
            liveTasks = task;
            task.previousLive = task; // the head's previous is the tail
        } else {
            Task<?> tail = liveTasks.previousLive;
            tail.nextLive = task;
            task.previousLive = tail;
            liveTasks.previousLive = task;
        }
        liveTaskCount++;
    }

    void taskFinished(Task<?> task) {
        Task<?> next = task.nextLive;
        if (task == liveTasks) {
            liveTasks = next;
            if (next != null) {
                next.previousLive = task.previousLive;
            }
        } else {
            task.previousLive.nextLive = next;
            if (next != null) {
                next.previousLive = task.previousLive;
            } else {
                liveTasks.previousLive = task.previousLive;
            }
        }
        task.nextLive = null;
        task.previousLive = null;
        liveTaskCount--;
    }

    Task<?> enterTask(Task<?> task) {
        Task<?> previous = currentTask;
        if (previous != null) {
            throw new IllegalStateException("Cannot enter into task " + task
                    + " while another task " + previous + " is being executed.");
        }
        currentTask = task;
        return previous;
    }

    void leaveTask(Task<?> previous) {
        currentTask = previous;
    }

    /** Schedules a task's next step (its {@code wakeup}) without allocating a Handle or a lambda. */
    void enqueue(Task<?> task) {
        ready.addLast(task);
    }

    void timerHandleCancelled() {
        timerCancelledCount++;
    }

    // ---- the test kit's hooks (LoopDriver): none is called on a loop it does not drive ----

    boolean hasReady() {
        return !ready.isEmpty() || inboxPending;
    }

    double nextDeadline() {
        while (!scheduled.isEmpty() && scheduled.peek().cancelled) {
            timerCancelledCount--;
            scheduled.poll().scheduled = false;
        }
        return scheduled.isEmpty() ? Double.POSITIVE_INFINITY : scheduled.peek().when;
    }

    void setVirtualTime(double time) {
        if (!virtualClock) {
            throw new IllegalStateException("not a virtual-clock loop");
        }
        virtualNow = Math.max(virtualNow, time);
    }

    /** Waits for a thread-safe callback as an idle running loop does; whether one came. */
    boolean awaitThreadsafe(long nanos) {
        checkNotRunning();
        owner = Thread.currentThread();
        try {
            waitForInbox(nanos);
        } finally {
            owner = null;
        }
        return !inbox.isEmpty();
    }

    int foreignInFlight() {
        return foreignInFlight;
    }

    long foreignNumber() {
        return foreignAwaited++;
    }

    double foreignDelay(long n) {
        return perturbation == null ? 0 : perturbation.foreignDelay(n);
    }

    // ---- confinement ----

    /** Throws if called from a thread other than the one running this loop. */
    void checkThread() {
        Thread thread = runningOn;
        if (thread != null && thread != Thread.currentThread()) {
            throw foreignThread(thread);
        }
    }

    IllegalStateException foreignThread(Thread thread) {
        IllegalStateException e = new IllegalStateException("called from thread '" + Thread.currentThread().getName()
                + "', but this event loop runs on thread '" + thread.getName()
                + "': a loop and its primitives belong to the thread that runs it;"
                + " use callSoonThreadsafe() to hand work to it");
        if (debugMode != null) {
            DebugMode.reportForeignThread(e); // the caller may swallow it (a CompletableFuture callback does)
        }
        return e;
    }

    /** The owning thread while the loop runs; for primitives' confinement checks. */
    Thread owner() {
        return runningOn;
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    private void checkNotRunning() {
        if (isRunning()) {
            throw new IllegalStateException("This event loop is already running");
        }
    }

    private static Runnable requireCallback(Runnable callback) {
        if (callback == null) {
            throw new NullPointerException("callback");
        }
        return callback;
    }

    // ---- exceptions nobody retrieved ----

    /** Tracks a promise's exception until someone retrieves it, the promise is collected, or close. */
    Unretrieved trackUnretrieved(Promise<?> promise, Throwable failure) {
        Unretrieved record = new Unretrieved(this, promise, failure, collected);
        unretrieved.add(record);
        return record;
    }

    private void reportCollected() {
        java.lang.ref.Reference<? extends Promise<?>> ref;
        while ((ref = collected.poll()) != null) {
            Unretrieved record = (Unretrieved) ref;
            if (unretrieved.contains(record)) {
                reportUnretrieved(record, null);
            }
        }
    }

    private void reportUnretrieved(Unretrieved record, Promise<?> promise) {
        unretrieved.remove(record);
        String what = record.wasTask ? "Task" : "Future";
        callExceptionHandler(new ExceptionContext(what + " exception was never retrieved",
                record.failure, promise != null ? promise : record.description));
    }

    /** An exception that nobody has retrieved yet; weak, so the promise can be collected. */
    static final class Unretrieved extends WeakReference<Promise<?>> {
        final EventLoop loop;
        final Throwable failure;
        final boolean wasTask;
        final String description;

        Unretrieved(EventLoop loop, Promise<?> promise, Throwable failure, ReferenceQueue<Promise<?>> queue) {
            super(promise, queue);
            this.loop = loop;
            this.failure = failure;
            this.wasTask = promise instanceof Task;
            this.description = wasTask ? ((Task<?>) promise).name() : "Promise";
        }

        void retrieved() {
            loop.unretrieved.remove(this);
            clear();
        }
    }

    @Override
    public String toString() {
        return "EventLoop[" + (isRunning() ? "running" : closed ? "closed" : "idle")
                + (virtualClock ? ", virtual clock" : "") + ", ready=" + ready.size()
                + ", timers=" + scheduled.size() + ", tasks=" + liveTaskCount + "]";
    }
}
