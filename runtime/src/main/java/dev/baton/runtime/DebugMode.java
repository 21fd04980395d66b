package dev.baton.runtime;

import dev.baton.runtime.internal.SourceMap;
import dev.baton.runtime.internal.StateMachine;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What a loop does in debug mode ({@link EventLoop#setDebug}), asyncio's {@code debug=True}:
 * it reports coroutines never awaited, slow callbacks and task steps, primitives touched from
 * another thread, and a loop stuck with nothing to do, through the {@link System.Logger}
 * named {@code dev.baton}. A loop keeps one only while in debug mode, so that a loop out of
 * it pays nothing.
 */
final class DebugMode {
    static final System.Logger LOGGER = System.getLogger("dev.baton");

    /** The coroutines made on this loop's thread and not yet awaited nor spawned. */
    private final Map<StateMachine<?>, Unawaited> unawaited = new WeakHashMap<>();
    private final ReferenceQueue<StateMachine<?>> collected = new ReferenceQueue<>();

    /** A coroutine not awaited yet; weak, so that one dropped can be reported when collected. */
    private static final class Unawaited extends WeakReference<StateMachine<?>> {
        final String name;
        final StackTraceElement createdAt;

        Unawaited(StateMachine<?> coroutine, StackTraceElement createdAt, ReferenceQueue<StateMachine<?>> queue) {
            super(coroutine, queue);
            this.name = coroutine.$template().describe();
            this.createdAt = createdAt;
        }
    }

    void coroutineCreated(StateMachine<?> coroutine) {
        if (coroutine.$template() == null) {
            return; // the runtime's own machines are awaited where they are made
        }
        unawaited.put(coroutine, new Unawaited(coroutine, callerOutside(coroutine.getClass().getName(),
                coroutine.$template().map().generatedClass()), collected));
    }

    void coroutineStarted(StateMachine<?> coroutine) {
        Unawaited record = unawaited.remove(coroutine);
        if (record != null) {
            record.clear(); // a cleared reference is not queued
        }
    }

    /** Reports the coroutines collected without being awaited; called once per loop iteration. */
    void reportCollected() {
        java.lang.ref.Reference<? extends StateMachine<?>> ref;
        while ((ref = collected.poll()) != null) {
            reportUnawaited((Unawaited) ref);
        }
    }

    /** Reports every coroutine still not awaited: the loop closes. */
    void reportAtClose() {
        reportCollected();
        List<Unawaited> left = new ArrayList<>(unawaited.values());
        unawaited.clear();
        for (Unawaited record : left) {
            if (record.get() != null) {
                record.clear();
                reportUnawaited(record);
            }
        }
    }

    private static void reportUnawaited(Unawaited record) {
        LOGGER.log(System.Logger.Level.WARNING, "coroutine '" + record.name + "' was never awaited"
                + (record.createdAt != null ? "\ncoroutine created at " + record.createdAt : ""));
    }

    /** asyncio's slow callback warning, for a callback or task step that ran {@code seconds}. */
    static void reportSlow(Object callback, double seconds) {
        LOGGER.log(System.Logger.Level.WARNING, String.format(Locale.ROOT, "Executing %s took %.3f seconds",
                describe(callback), seconds));
    }

    /** {@code <Task name=t1 at Boom.java:22>}: the task and where it is suspended now. */
    static String describe(Object callback) {
        if (!(callback instanceof Task)) {
            return "<" + callback + ">";
        }
        Task<?> task = (Task<?>) callback;
        if (task.isDone()) {
            return "<Task finished name=" + task.name() + ">";
        }
        StringBuilder s = new StringBuilder("<Task name=").append(task.name());
        StackTraceElement frame = null;
        for (StateMachine<?> m = task.suspendedIn(); m != null && frame == null; m = m.$awaiting()) {
            frame = m.$frame(); // the innermost coroutine of the template (not the runtime's sleep)
        }
        if (frame != null) {
            s.append(" at ").append(frame.getFileName()).append(':').append(frame.getLineNumber());
        }
        return s.append('>').toString();
    }

    /** A primitive or loop method was called from another thread: reported though the caller may swallow it. */
    static void reportForeignThread(IllegalStateException e) {
        LOGGER.log(System.Logger.Level.WARNING, e.getMessage(), e);
    }

    /** The loop has had nothing to do for {@code seconds} while the task it runs for waits. */
    static void reportStuck(double seconds, String dump) {
        LOGGER.log(System.Logger.Level.WARNING, String.format(Locale.ROOT,
                "event loop stuck for %.1f seconds: nothing is ready, no timer is scheduled, no awaited"
                        + " CompletionStage is in flight; only another thread's callSoonThreadsafe can wake it\n%s",
                seconds, dump));
    }

    /**
     * The frame that called into the runtime (a spawn) or into a coroutine method (which made
     * {@code machineClass}), on its template's line: frames of the runtime, of the machine, and
     * the coroutine method of {@code generatedClass} it was made in, are skipped.
     */
    static StackTraceElement callerOutside(String machineClass, String generatedClass) {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .dropWhile(f -> isRuntime(f.getDeclaringClass()) || f.getClassName().equals(machineClass))
                .dropWhile(f -> f.getClassName().equals(generatedClass) && !f.getMethodName().contains("$"))
                .findFirst()
                .map(f -> SourceMap.onTemplateLine(f.toStackTraceElement()))
                .orElse(null));
    }

    private static final java.security.CodeSource RUNTIME = codeSource(EventLoop.class);

    /** Whether {@code c} is Baton's runtime (by where it was loaded from, so not the runtime's tests). */
    private static boolean isRuntime(Class<?> c) {
        if (!c.getName().startsWith("dev.baton.runtime.")) {
            return false;
        }
        java.security.CodeSource source = codeSource(c);
        return RUNTIME == null || source == null || RUNTIME.getLocation() == null
                || RUNTIME.getLocation().equals(source.getLocation());
    }

    private static java.security.CodeSource codeSource(Class<?> c) {
        java.security.ProtectionDomain domain = c.getProtectionDomain();
        return domain == null ? null : domain.getCodeSource();
    }
}
