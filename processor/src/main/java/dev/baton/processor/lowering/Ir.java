package dev.baton.processor.lowering;

import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.VariableElement;

/**
 * The lowered form of a body, before names are fixed: a list of cases (states), each a list
 * of code lines made of fragments. Fragments that depend on decisions taken after lowering
 * (which locals are hoisted, what number a state got) stay symbolic until rendering.
 */
final class Ir {
    private Ir() {}

    /**
     * A piece of a line of generated code: text, or a fragment rendered once the decisions it
     * depends on are taken (a state's number, whether a local is hoisted, where a record lives).
     */
    sealed interface Part permits Text, Label, Code, UserTree, Decl, LocalRef, Clear, RecordRef {}

    /** Generated text, as written. */
    record Text(String text) implements Part {}

    /** A state of the machine, rendered as its number: the order in which it was marked. */
    static final class Label implements Part {
        int state = -1;

        boolean marked() {
            return state >= 0;
        }
    }

    /** Which part of which try statement protects a state; null entry means unprotected. */
    record Region(TryEntry entry, TryPart part) {}

    enum TryPart { TRY, CATCH }

    /** One case of the dispatch switch. */
    static final class Case {
        final Label label;
        final Region region;
        /** The template line the case comes from, for a comment. */
        String comment;
        /**
         * For the state an await resumes in, the await's comment: the case's own comment when
         * the case holds the rest of the awaiting statement (none of a later one names it).
         */
        String awaitComment;
        /** The template line of the await this state resumes from, 0 if it resumes none. */
        int awaitLine;
        final List<Code> lines = new ArrayList<>();
        /**
         * Whether the case is entered by falling out of the await of the case before it, and reads
         * that await's result from the resume method's {@code $value}: it stays in one method with
         * that case when the dispatch loop is split (see {@link Renderer}).
         */
        boolean resumesAwait;
        /** Whether the case's last line can complete normally, falling into the next case. */
        boolean fallsThrough;

        Case(Label label, Region region, String comment) {
            this.label = label;
            this.region = region;
            this.comment = comment;
        }
    }

    /** A lowered try statement: its protected ranges, catch handlers and finally. */
    static final class TryEntry {
        final TryEntry parent;
        final Label tryStart = new Label();
        Label catchStart;
        /** The finally's first state, or null without a finally. */
        Label finallyStart;
        final List<Catch> catches = new ArrayList<>();
        /**
         * Which completion record (a kind and a value) carries what entered the finally to its
         * end: the number of try statements with a finally whose try, catches or finally enclose
         * this one. Statements that do not enclose one another are never in their finally parts
         * at the same time, so siblings share a record; nested ones never do.
         */
        int recordSlot;
        /**
         * Whether the record may be a pair of locals of the resume method: decided once the
         * finally is lowered, true when it has no suspension point, as the resume method then
         * runs without returning from the write of the record (entering the finally) to its last
         * read (the end of the finally). A dispatch loop split into methods keeps every record in
         * machine fields. Until rendering, code refers to the record through {@link RecordRef}.
         */
        boolean recordIsLocal;
        /** Jump targets that left the try through the finally, replayed after it. */
        final List<Exit> exits = new ArrayList<>();
        /** Which part is being lowered (decides the region of new states). */
        TryPart part = TryPart.TRY;

        TryEntry(TryEntry parent) {
            this.parent = parent;
        }

        boolean hasFinally() {
            return finallyStart != null;
        }
    }

    /** A catch clause: the types it matches (code fragments, in order) and its state. */
    record Catch(List<Part> types, Label handler) {}

    /**
     * A jump that crossed a finally, to {@code target} in try context {@code targetContext}:
     * replayed once the finally completes.
     */
    record Exit(int code, Label target, TryEntry targetContext) {}

    /** Where a break or continue of a lowered loop, switch or labeled statement goes. */
    record Leap(Label breakLabel, Label continueLabel, TryEntry tryContext) {}

    /** A line (or a few statements) of generated code. */
    static final class Code implements Part {
        final List<Part> parts = new ArrayList<>();
        /** The template line of the statement it was lowered from; 0 if none. */
        int line;

        /** Appends parts: {@link Part}s as they are, strings and numbers as {@link Text}. */
        Code add(Object... more) {
            for (Object o : more) {
                parts.add(part(o));
            }
            return this;
        }

        static Part part(Object o) {
            if (o instanceof Part p) {
                return p;
            }
            if (o instanceof String || o instanceof Integer) {
                return new Text(o.toString());
            }
            throw new IllegalArgumentException("not a part of code: " + o);
        }

        static Code of(Object... parts) {
            return new Code().add(parts);
        }
    }

    /** A user tree copied as written, with some of its subtrees replaced. */
    record UserTree(Tree tree, Map<Tree, Code> replacements) implements Part {}

    /**
     * A local's declaration: {@code $m.x = init;} when hoisted, else {@code Type x = init;}.
     * {@code init} null means the declaration's own initializer (or none).
     */
    record Decl(VariableTree tree, VariableElement element, Code init) implements Part {}

    /** A reference to a local: {@code $m.x} when hoisted, else {@code x}. */
    record LocalRef(VariableElement element) implements Part {}

    /** Sets the listed hoisted reference locals to null (they went out of scope). */
    record Clear(List<VariableElement> locals) implements Part {}

    /**
     * The completion record of {@code entry}, its kind or its value: {@code $m.$finally0} when
     * the record is a machine field, {@code $finally0} when it is a local of the resume method.
     */
    record RecordRef(TryEntry entry, boolean value) implements Part {}
}
