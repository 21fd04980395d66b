package dev.baton.runtime.internal;

import dev.baton.runtime.Awaitable;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;
import java.util.concurrent.CompletionStage;

/**
 * The base class of every coroutine state machine: what the processor generates for an
 * {@code @Async} method, and what the runtime's own multi-step operations are written as.
 *
 * <h2>The contract</h2>
 * <ul>
 *   <li>{@link #$state} says where the body resumes; 0 is the start. Subclasses own it.</li>
 *   <li>{@link #$resume(Object, Throwable)} is the one resume method: it runs the body from
 *       {@code $state} until the body completes (returning its result, or throwing its
 *       failure) or suspends (returning {@link #SUSPENDED}). {@code value} is the result of
 *       the await that suspended; a non-null {@code failure} is that await's exception,
 *       which the body throws at the await site, unwrapped.</li>
 *   <li>To await, generated code writes {@code $awaitable(x).awaitFrom($m.$at(next))}
 *       ({@link #$awaitable} adapts a {@link CompletionStage}; {@link #$at} sets the state to
 *       resume in); the runtime's hand-written machines use {@link #$await(Awaitable, int)}.
 *       A completed awaitable returns its result at once (no trip through the loop, no
 *       allocation) and the body goes straight on; otherwise it returns {@code SUSPENDED}
 *       and the body returns it.</li>
 * </ul>
 *
 * <p>A machine awaited by another machine runs inline in the awaiting task; when it
 * completes after a suspension, it resumes its caller with the result, directly (as a
 * Python coroutine returns into the one that awaited it).
 *
 * @param <T> the coroutine's result type
 */
public abstract class StateMachine<T> extends Coroutine<T> {

    /** Returned by {@code $resume} and {@code awaitFrom} when the machine suspended. */
    public static final Object SUSPENDED = new Object() {
        @Override
        public String toString() {
            return "SUSPENDED";
        }
    };

    /**
     * Returned by a method of a generated resume method that was split in groups of states
     * (so that no method exceeds HotSpot's HugeMethodLimit) when the body goes on in a state of
     * another group: never a result, never seen outside the generated code.
     */
    public static final Object OTHER_GROUP = new Object() {
        @Override
        public String toString() {
            return "OTHER_GROUP";
        }
    };

    /** What {@link #up} holds once the machine is done. */
    private static final Object FINISHED = new Object();

    /**
     * Where the body resumes: set by the body before each await; 0 at the start. Public (like
     * {@link #$at}) because generated code runs the body in a method of the generated
     * {@code Baton_X} class, outside the machine's own class body.
     */
    public int $state;

    // Few fields, because a blocked coroutine costs its machines (docs/design.md's performance
    // contract): the machine awaiting this one, the task running the outermost one and the
    // machine's lifecycle share one field.
    /**
     * Null until the machine starts; then the machine that awaits this one, or, for a task's
     * outermost machine, that {@link Task}; {@link #FINISHED} once the machine is done.
     */
    private Object up;

    protected StateMachine() {
        if (LoopAccess.debugHooks) {
            LoopAccess.coroutineCreated(this);
        }
    }

    /**
     * Runs the body from {@link #$state}; returns the result or {@link #SUSPENDED}.
     *
     * @param value the result of the await being resumed (null at the start)
     * @param failure the failure of the await being resumed, to throw at the await site
     */
    protected abstract Object $resume(Object value, Throwable failure) throws Throwable;

    /**
     * Awaits {@code awaitable}, resuming in {@code nextState}: the result, or
     * {@link #SUSPENDED}.
     */
    public final Object $await(Awaitable<?> awaitable, int nextState) {
        $state = nextState;
        return awaitable.awaitFrom(this);
    }

    /**
     * Sets the state to resume in and returns this machine: generated code awaits with
     * {@code $awaitable(x).awaitFrom($m.$at(next))}, so that the {@code awaitFrom} call stands
     * in the generated method itself. Each await site then has its own type profile, and the
     * JIT inlines the awaitable's fast path there; through {@link #$await} every site of the
     * program would share one megamorphic call.
     */
    public final StateMachine<T> $at(int nextState) {
        $state = nextState;
        return this;
    }

    /** What generated code awaits for {@code await(awaitable)}: the awaitable itself. */
    public static <V> Awaitable<V> $awaitable(Awaitable<V> awaitable) {
        return awaitable;
    }

    /** What generated code awaits for {@code await(stage)}: resumed on the loop's thread. */
    public static <V> Awaitable<V> $awaitable(CompletionStage<V> stage) {
        return StageAwaitable.of(stage);
    }

    /**
     * The task this machine runs in: null before it starts and once it is done. Found by
     * walking up the awaiting machines (asked only when suspending, so a chain of {@code d}
     * nested awaits costs {@code d} steps there, as a Python await chain does).
     */
    public final Task<?> task() {
        Object u = up;
        while (u instanceof StateMachine) {
            u = ((StateMachine<?>) u).up;
        }
        return u instanceof Task ? (Task<?>) u : null;
    }

    /**
     * Where this coroutine comes from in its template, for task dumps and stack traces: the
     * processor's generated machines return their entry of the generated class's
     * {@link SourceMap}; null for the runtime's hand-written machines.
     */
    protected SourceMap.Coroutine $source() {
        return null;
    }

    /** {@link #$source()}, for the runtime's other packages. */
    public final SourceMap.Coroutine $template() {
        return $source();
    }

    /** The machine awaiting this one, or null for a task's outermost machine (or one not started or done). */
    public final StateMachine<?> $awaiting() {
        Object u = up;
        return u instanceof StateMachine ? (StateMachine<?>) u : null;
    }

    /**
     * This coroutine as a stack frame of its template, at the line it resumes at (the await it
     * is suspended in); null for a machine without a {@link #$source()}.
     */
    public final StackTraceElement $frame() {
        SourceMap.Coroutine source = $source();
        return source == null ? null : source.frame($state);
    }

    /** {@code Boom.parse() at Boom.java:13} for a generated machine. */
    @Override
    public String toString() {
        return $source() == null ? super.toString() : $describe();
    }

    /** {@code Boom.parse() at Boom.java:13}, or the machine's own {@code toString()} where its source is unknown. */
    public final String $describe() {
        SourceMap.Coroutine source = $source();
        if (source == null) {
            return toString();
        }
        int line = source.line($state);
        return source.describe() + " at " + source.fileName() + (line > 0 ? ":" + line : "");
    }

    /** Awaited inline by {@code awaiting}: runs the body's first step in the awaiting task. */
    @Override
    public final Object awaitFrom(StateMachine<?> awaiting) {
        start(awaiting);
        try {
            Object result = $resume(null, null);
            if (result != SUSPENDED) {
                finished();
            }
            return result;
        } catch (Throwable failure) {
            StackTraces.thrownIn(this, failure);
            finished();
            throw Sneaky.<RuntimeException>rethrow(failure);
        }
    }

    /** Binds this machine to the task that runs it as its outermost coroutine. */
    public final void startAsTask(Task<?> owner) {
        start(owner);
    }

    /** Marks a machine that will never run (a task cancelled before its first step). */
    public final void abandon() {
        finished();
    }

    private void finished() {
        up = FINISHED;
    }

    /** Starts the machine under {@code parent}: the machine awaiting it, or its task. */
    private void start(Object parent) {
        if (up != null) {
            // asyncio's message exactly (the fidelity rule); the stack trace shows which coroutine
            throw new IllegalStateException("cannot reuse already awaited coroutine");
        }
        up = parent;
        if (LoopAccess.debugHooks) {
            LoopAccess.coroutineStarted(this);
        }
    }

    /**
     * Resumes this machine with an outcome and, each time a machine completes, its caller
     * with its result, up to the outermost one, whose outcome completes the task.
     */
    public final void resumeWith(Object value, Throwable failure) {
        StateMachine<?> machine = this;
        for (;;) {
            Object result;
            Throwable thrown = null;
            try {
                result = machine.$resume(value, failure);
                if (result == SUSPENDED) {
                    return;
                }
            } catch (Throwable t) {
                result = null;
                thrown = t;
                if (t != failure) {
                    StackTraces.thrownIn(machine, t); // thrown in the body
                } else if (machine == this) {
                    StackTraces.awaitedBy(machine, t); // the failure of the await resumed, rethrown at it
                }
            }
            Object next = machine.up;
            machine.up = FINISHED;
            if (!(next instanceof StateMachine)) {
                TaskAccess.finish((Task<?>) next, result, thrown);
                return;
            }
            machine = (StateMachine<?>) next;
            value = result;
            failure = thrown;
        }
    }
}
