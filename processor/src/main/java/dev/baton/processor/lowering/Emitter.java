package dev.baton.processor.lowering;

import dev.baton.processor.model.BodyInfo;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.sun.source.tree.Tree;
import dev.baton.processor.lowering.Ir.Case;
import dev.baton.processor.lowering.Ir.Code;
import dev.baton.processor.lowering.Ir.Label;
import dev.baton.processor.lowering.Ir.TryEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.VariableElement;

/**
 * The listing being written (regenerator's {@code Emitter}): the cases of the dispatch loop in
 * order, the try statement the code being written stands in, jumps and returns that cross
 * finallies, awaits, and the machine's synthetic fields. The statement lowerings and the
 * spiller write through it; {@link #finish} hands the result to rendering as a {@link Listing}.
 */
final class Emitter {
    /** Completion record kinds; exits (jumps through a finally) are numbered from FIRST_EXIT. */
    static final int NORMAL = 0, THROW = 1, RETURN = 2, FIRST_EXIT = 3;

    final BodyInfo info;
    final Names names;

    private final List<Case> cases = new ArrayList<>();
    private final List<TryEntry> tryEntries = new ArrayList<>();
    private final List<Listing.Synthetic> synthetics = new ArrayList<>();
    private final Set<VariableElement> splitBindings = new LinkedHashSet<>();
    private Case current;
    /** The estimated bytecode size of the current case's lines (see {@link BytecodeEstimate}). */
    private int caseSize;
    private boolean open;
    private Label stateAlreadySet;
    private TryEntry tryContext;
    private String caughtField;
    private int syntheticCount;
    /** How many try statements with a finally enclose the code being written: the next record slot. */
    private int recordsOpen;
    /** How many suspension points (awaits) were written so far: tells whether a finally suspends. */
    private int suspensions;
    /** The line that clears released temporaries, written before the next line (the spiller's). */
    private Supplier<Code> clears = () -> null;
    /** Runs once the next line is added (a condition's temporaries, released after its line). */
    private Runnable afterNextAdd;
    /** The template line of the statement being lowered: each line added is tagged with it. */
    private int currentLine;

    Emitter(BodyInfo info, Names names) {
        this.info = info;
        this.names = names;
        mark(new Label(), null);
    }

    /** Where the lines that clear released temporaries come from. */
    void clearsFrom(Supplier<Code> clears) {
        this.clears = clears;
    }

    String m() {
        return names.machine;
    }

    // ---- cases ----

    /**
     * Starts the case of {@code label}. Code that falls into it from another try region first
     * records the new state, as the catch dispatch routes an exception by the state; within
     * one region the state of the case it falls from routes the same, so nothing is written.
     */
    void mark(Label label, String comment) {
        if (label.marked()) {
            throw new IllegalStateException("label marked twice");
        }
        Ir.Region region = tryContext == null ? null : new Ir.Region(tryContext, tryContext.part);
        boolean resumesAwait = current != null && open && stateAlreadySet == label;
        if (current != null) {
            current.fallsThrough = open;
        }
        if (current != null && open && stateAlreadySet != label) {
            if (!Objects.equals(current.region, region)) {
                add(Code.of(m(), ".$state = ", label, ";"));
            } else {
                // temporaries released here are cleared on this path, before the fall
                Code c = clears.get();
                if (c != null) {
                    current.lines.add(c);
                }
            }
        }
        label.state = cases.size();
        caseSize = 0;
        current = new Case(label, region, comment);
        current.resumesAwait = resumesAwait;
        cases.add(current);
        open = true;
        stateAlreadySet = null;
    }

    /** The statement being lowered starts on template line {@code line}: the lines added next come from it. */
    void line(int line) {
        currentLine = line;
    }

    /** Adds a line to the current case, if code can reach it. */
    void add(Code code) {
        if (code.line == 0) {
            code.line = currentLine;
        }
        Code c = clears.get();
        if (open) {
            if (c != null) {
                current.lines.add(c);
            }
            current.lines.add(code);
            caseSize += estimate(code);
        }
        if (afterNextAdd != null) {
            Runnable r = afterNextAdd;
            afterNextAdd = null;
            r.run();
        }
    }

    /** The estimated bytecode size of the lines of the current case. */
    int caseSize() {
        return caseSize;
    }

    private int estimate(Ir.Part part) {
        if (part instanceof Ir.Text t) {
            return BytecodeEstimate.of(t.text());
        }
        if (part instanceof Code c) {
            int size = 0;
            for (Ir.Part p : c.parts) {
                size += estimate(p);
            }
            return size;
        }
        Tree tree = part instanceof Ir.UserTree u ? u.tree() : part instanceof Ir.Decl d ? d.tree() : null;
        if (tree != null && info.start(tree) >= 0 && info.end(tree) >= info.start(tree)) {
            return BytecodeEstimate.of(info.text(tree));
        }
        return 4; // a reference to a field or a local, a state number
    }

    void afterNextAdd(Runnable r) {
        afterNextAdd = r;
    }

    /** Whether code written now can be reached (else it is dropped, as Java rejects it). */
    boolean open() {
        return open;
    }

    /** The code written so far cannot complete normally: what follows is unreachable until the next case. */
    void close() {
        open = false;
    }

    void setOpen(boolean open) {
        this.open = open;
    }

    /** Names the current case after the template line of {@code t}, if it has no line yet. */
    void comment(Tree t) {
        if (current != null && current.lines.isEmpty() && current.comment == null) {
            current.comment = info.comment(t);
        }
    }

    // ---- fields ----

    /** A new synthetic machine field. */
    String synthetic(String base, TypeName type, boolean reference) {
        String name = names.fresh(base);
        synthetics.add(new Listing.Synthetic(name, type, reference));
        return name;
    }

    /** A number for the names of a statement's synthetic fields ({@code $iterator0}, ...). */
    int nextSyntheticNumber() {
        return syntheticCount++;
    }

    /** The field catch handlers receive their exception in. */
    String caught() {
        if (caughtField == null) {
            caughtField = names.fresh("$caught");
            synthetics.add(new Listing.Synthetic(caughtField, ClassName.get(Throwable.class), true));
        }
        return caughtField;
    }

    /** Marks a pattern variable whose scope the lowering splits: it lives in a field (see {@link Listing}). */
    void splitBinding(VariableElement binding) {
        splitBindings.add(binding);
    }

    // ---- try statements ----

    TryEntry tryContext() {
        return tryContext;
    }

    void setTryContext(TryEntry e) {
        tryContext = e;
    }

    /** A new try statement in the current context; with a finally, it takes the next record slot. */
    TryEntry newTry(boolean hasFinally) {
        TryEntry e = new TryEntry(tryContext);
        tryEntries.add(e);
        if (hasFinally) {
            e.finallyStart = new Label();
            e.recordSlot = recordsOpen++;
        }
        return e;
    }

    /** The finally of {@code e} is written: its record slot is free for the statements that follow. */
    void endFinally(TryEntry e) {
        recordsOpen--;
    }

    /** How many suspension points were written so far. */
    int suspensions() {
        return suspensions;
    }

    // ---- jumps ----

    /** Code that goes to {@code target}, which lives in try context {@code targetContext}. */
    Code jumpCode(Label target, TryEntry targetContext) {
        for (TryEntry e = tryContext; e != targetContext; e = e.parent) {
            if (e == null) {
                throw new IllegalStateException("jump target outside the enclosing try statements");
            }
            if (e.hasFinally()) {
                int code = exitCode(e, target, targetContext);
                return Code.of(kind(e), " = ", code, "; ", m(), ".$state = ", e.finallyStart, "; continue ",
                        names.loop, ";");
            }
        }
        return Code.of(m(), ".$state = ", target, "; continue ", names.loop, ";");
    }

    private static int exitCode(TryEntry e, Label target, TryEntry targetContext) {
        for (Ir.Exit x : e.exits) {
            if (x.target() == target) {
                return x.code();
            }
        }
        int code = FIRST_EXIT + e.exits.size();
        e.exits.add(new Ir.Exit(code, target, targetContext));
        return code;
    }

    void jump(Label target) {
        add(jumpCode(target, tryContext));
        open = false;
    }

    /** Code that completes the coroutine with {@code value} (crossing finallies first). */
    Code returnCode(Object value) {
        for (TryEntry e = tryContext; e != null; e = e.parent) {
            if (e.hasFinally()) {
                return Code.of(kind(e), " = ", RETURN, "; ", value(e), " = ", value, "; ", m(), ".$state = ",
                        e.finallyStart, "; continue ", names.loop, ";");
            }
        }
        return Code.of("return ", m(), ".$complete(", value, ");");
    }

    /** The kind of {@code e}'s completion record (NORMAL, THROW, RETURN or an exit's code). */
    static Ir.RecordRef kind(TryEntry e) {
        return new Ir.RecordRef(e, false);
    }

    /** The value of {@code e}'s completion record: the exception thrown or the value returned. */
    static Ir.RecordRef value(TryEntry e) {
        return new Ir.RecordRef(e, true);
    }

    /** Awaits the awaitable that {@code awaitable} evaluates to, continuing in a new state. */
    void awaitCode(Code awaitable, String comment) {
        Label resume = new Label();
        // the awaitFrom call stands here, not in a shared runtime method: each await site
        // keeps its own type profile, so the JIT inlines the awaitable's fast path
        Code c = Code.of(names.value, " = ", TypeWriter.STATE_MACHINE, ".$awaitable(");
        c.parts.addAll(awaitable.parts);
        c.add(").awaitFrom(", m(), ".$at(", resume, "));");
        add(c);
        add(Code.of("if (", names.value, " == ", TypeWriter.SUSPENDED, ") return ", names.value, ";"));
        suspensions++;
        stateAlreadySet = resume;
        // the case is named after the statement it resumes at: the next one's, unless it holds
        // the rest of the awaiting statement, which keeps the await's comment
        mark(resume, null);
        current.awaitComment = comment;
        current.awaitLine = lineOf(comment);
    }

    /** The line of a comment made by {@link BodyInfo#comment}: {@code Boom.java:12: text}. */
    private static int lineOf(String comment) {
        int colon = comment == null ? -1 : comment.indexOf(".java:");
        if (colon < 0) {
            return 0;
        }
        int from = colon + ".java:".length();
        int to = comment.indexOf(':', from);
        try {
            return Integer.parseInt(comment.substring(from, to < 0 ? comment.length() : to));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The listing, complete: records whether its last case can fall off its end. */
    Listing finish() {
        if (current != null) {
            current.fallsThrough = open;
        }
        return new Listing(List.copyOf(cases), List.copyOf(tryEntries), List.copyOf(synthetics),
                Set.copyOf(splitBindings), caughtField);
    }
}
