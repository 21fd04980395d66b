package dev.baton.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts an exception's stack trace on the template's lines as it leaves a state machine, as
 * Python's traceback shows every awaiting coroutine: the frames of the generated code become
 * the template's ({@code at m.Boom.parse(Boom.java:13)}), followed by one frame per awaiting
 * coroutine at the line of its await ({@code at m.Boom.total(Boom.java:20)}), whether it
 * awaits inline or, in another task, the task that failed. The exception object stays the
 * same. Runs only where an exception leaves a machine, never on a path that throws nothing.
 */
final class StackTraces {
    private StackTraces() {}

    /**
     * {@code failure} was thrown in the body of {@code machine} (not passed into it by the
     * await it resumed from): its frames in the generated code, and everything down to the
     * task that runs the machine, become the template frame and the await chain. Does nothing
     * if the trace shows no line of the machine's class (it was put on the template's lines
     * already, deeper in the chain).
     */
    static void thrownIn(StateMachine<?> machine, Throwable failure) {
        SourceMap.Coroutine source = machine.$source();
        if (source == null) {
            return;
        }
        SourceMap map = source.map();
        StackTraceElement[] frames = failure.getStackTrace();
        int at = -1;
        StackTraceElement mapped = null;
        for (int i = 0; i < frames.length && mapped == null; i++) {
            if (map.generatedClass().equals(frames[i].getClassName())) {
                mapped = map.frameAt(frames[i].getLineNumber());
                at = i;
            }
        }
        if (mapped == null) {
            return;
        }
        int tail = loopFrame(frames, at + 1);
        if (tail < 0) {
            tail = at + 1;
            for (int i = at + 1; i < frames.length; i++) {
                if (isMachinery(frames[i].getClassName())) {
                    tail = i + 1;
                }
            }
        }
        List<StackTraceElement> out = new ArrayList<>(frames.length + 4);
        out.addAll(Arrays.asList(frames).subList(0, at));
        out.add(mapped);
        addChain(machine.$awaiting(), out);
        out.addAll(Arrays.asList(frames).subList(tail, frames.length));
        failure.setStackTrace(out.toArray(new StackTraceElement[0]));
    }

    /**
     * {@code failure} is the outcome of the await {@code machine} resumes from (a task that
     * failed, a promise, a cancelled wait): the await chain from {@code machine} up goes in
     * before the frames of the loop that delivered it, unless it is there already.
     */
    static void awaitedBy(StateMachine<?> machine, Throwable failure) {
        List<StackTraceElement> chain = new ArrayList<>();
        addChain(machine, chain);
        if (chain.isEmpty()) {
            return;
        }
        StackTraceElement[] frames = failure.getStackTrace();
        if (frames.length == 0 || Arrays.asList(frames).contains(chain.get(0))) {
            return;
        }
        int at = loopFrame(frames, 0);
        if (at < 0) {
            at = frames.length;
        }
        List<StackTraceElement> out = new ArrayList<>(frames.length + chain.size());
        out.addAll(Arrays.asList(frames).subList(0, at));
        out.addAll(chain);
        out.addAll(Arrays.asList(frames).subList(at, frames.length));
        failure.setStackTrace(out.toArray(new StackTraceElement[0]));
    }

    private static void addChain(StateMachine<?> from, List<StackTraceElement> out) {
        for (StateMachine<?> m = from; m != null; m = m.$awaiting()) {
            StackTraceElement frame = m.$frame();
            if (frame != null) {
                out.add(frame);
            }
        }
    }

    /** The first frame from {@code from} on of the loop running a task or callback, or -1. */
    private static int loopFrame(StackTraceElement[] frames, int from) {
        for (int i = from; i < frames.length; i++) {
            String c = frames[i].getClassName();
            if (c.equals("dev.baton.runtime.Task") || c.equals("dev.baton.runtime.EventLoop")
                    || c.equals("dev.baton.runtime.Handle") || c.equals("dev.baton.runtime.TimerHandle")) {
                return i;
            }
        }
        return -1;
    }

    /** Generated classes and the machine base: frames the template frames stand for. */
    private static boolean isMachinery(String className) {
        return className.startsWith("dev.baton.runtime.internal.")
                || className.substring(className.lastIndexOf('.') + 1).startsWith("Baton_");
    }
}
