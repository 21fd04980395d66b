package dev.baton.processor.lowering;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.baton.processor.lowering.Ir.Case;
import dev.baton.processor.lowering.Ir.Code;
import dev.baton.processor.lowering.Ir.Leap;
import dev.baton.processor.lowering.Ir.Label;
import dev.baton.processor.lowering.Ir.TryEntry;
import dev.baton.processor.lowering.Ir.TryPart;
import dev.baton.processor.validation.Report;
import dev.baton.processor.validation.Tag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * Explodes a body into the cases of one flat dispatch loop (regenerator's {@code Emitter},
 * reimagined for Java). Statements without an await are copied as written, except for jumps
 * and returns that leave them, which become state transitions. Statements with an await are
 * taken apart: each await ends a case; loops, ifs and labeled statements become jumps
 * between cases; try statements become a table of protected state ranges with catch
 * handlers and finally states, and completion records replay what crossed a finally.
 */
final class Lowerer {
    /** Completion record kinds; exits (jumps through a finally) are numbered from FIRST_EXIT. */
    static final int NORMAL = 0, THROW = 1, RETURN = 2, FIRST_EXIT = 3;

    final BodyInfo info;
    final Names names;
    final Report report;
    final Element method;
    final Reachability reachability;
    final TypeWriter types;

    final List<Case> cases = new ArrayList<>();
    final List<TryEntry> tryEntries = new ArrayList<>();
    final List<Synthetic> synthetics = new ArrayList<>();
    final List<VariableElement> declaredLocals = new ArrayList<>();
    /**
     * Pattern variables whose scope the lowering splits: declared in a line of their own (the
     * left side of {@code &&} or {@code ||} with an await on the right) and read in later lines.
     * They live in machine fields even if every use stands in one state.
     */
    final Set<VariableElement> splitBindings = new LinkedHashSet<>();
    private final Deque<Leap> leaps = new ArrayDeque<>();
    private final Map<Tree, Leap> leapByTree = new IdentityHashMap<>();
    private Case current;
    private boolean open;
    private Label stateAlreadySet;
    private TryEntry tryContext;
    private String caughtField;
    private int syntheticCount;
    /** How many try statements with a finally enclose the code being lowered: the next record slot. */
    private int recordsOpen;
    /** How many suspension points (awaits) have been lowered so far: tells whether a finally suspends. */
    private int suspensions;
    /** A condition's temporaries, released once the line using it is added (see {@link #test}). */
    private int releaseAfterAdd = -1;
    final Spiller spiller;
    /** The lowered switch expressions whose cases are being lowered: where their yields go. */
    private final Map<Tree, YieldTarget> yieldTargets = new IdentityHashMap<>();

    /** Where a {@code yield} of a lowered switch expression stores its value and jumps. */
    private record YieldTarget(String field, Label end, TryEntry tryContext) {}

    /** A field the lowering adds to the machine. */
    record Synthetic(String name, TypeName type, boolean reference) {}

    Lowerer(BodyInfo info, Names names, TypeWriter types, Report report, Element method) {
        this.info = info;
        this.names = names;
        this.types = types;
        this.report = report;
        this.method = method;
        this.reachability = new Reachability(info);
        this.spiller = new Spiller(this);
    }

    // ---- the listing ----

    String m() {
        return names.machine;
    }

    void start() {
        mark(new Label(), null);
    }

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
                Code clears = spiller.takeClears();
                if (clears != null) {
                    current.lines.add(clears);
                }
            }
        }
        label.state = cases.size();
        current = new Case(label, region, comment);
        current.resumesAwait = resumesAwait;
        cases.add(current);
        open = true;
        stateAlreadySet = null;
    }

    /** Ends the listing: records whether its last case can fall off its end. */
    void finish() {
        if (current != null) {
            current.fallsThrough = open;
        }
    }

    void add(Code code) {
        Code clears = spiller.takeClears();
        if (open) {
            if (clears != null) {
                current.lines.add(clears);
            }
            current.lines.add(code);
        }
        if (releaseAfterAdd >= 0) {
            int mark = releaseAfterAdd;
            releaseAfterAdd = -1;
            spiller.release(mark);
        }
    }

    private void comment(Tree t) {
        if (current != null && current.lines.isEmpty() && cases.get(cases.size() - 1) == current) {
            String c = info.unit.getSourceFile().getName();
            c = c.substring(Math.max(c.lastIndexOf('/'), c.lastIndexOf('\\')) + 1);
            if (current.comment == null) {
                current.comment = c + ":" + info.line(t) + ": " + info.lineText(t);
            }
        }
    }

    String commentFor(Tree t) {
        String c = info.unit.getSourceFile().getName();
        c = c.substring(Math.max(c.lastIndexOf('/'), c.lastIndexOf('\\')) + 1);
        return c + ":" + info.line(t) + ": " + info.lineText(t);
    }

    /** A new synthetic machine field. */
    String synthetic(String base, TypeName type, boolean reference) {
        String name = names.fresh(base);
        synthetics.add(new Synthetic(name, type, reference));
        return name;
    }

    private String caught() {
        if (caughtField == null) {
            caughtField = names.fresh("$caught");
            synthetics.add(new Synthetic(caughtField, ClassName.get(Throwable.class), true));
        }
        return caughtField;
    }

    /** The field catch handlers receive their exception in. */
    String caughtFieldName() {
        return caught();
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
        e.exits.add(new Ir.Exit(code, target, new Leap(null, target, null, targetContext)));
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
    private static Ir.RecordRef kind(TryEntry e) {
        return new Ir.RecordRef(e, false);
    }

    /** The value of {@code e}'s completion record: the exception thrown or the value returned. */
    private static Ir.RecordRef value(TryEntry e) {
        return new Ir.RecordRef(e, true);
    }

    private static Code braced(Code c) {
        Code b = Code.of("{ ");
        b.parts.addAll(c.parts);
        b.parts.add(" }");
        return b;
    }

    // ---- statements ----

    /** Lowers one statement of the body. */
    void explode(StatementTree s) {
        if (!open) {
            return; // unreachable in the template as well (javac accepted it, so nothing follows)
        }
        if (!info.containsAwait(s)) {
            if (s instanceof VariableTree v) {
                comment(v);
                declare(v, null);
            } else {
                verbatim(s);
            }
            return;
        }
        try {
            switch (s.getKind()) {
                case BLOCK -> explodeBlock((BlockTree) s);
                case EXPRESSION_STATEMENT -> explodeExpressionStatement((ExpressionStatementTree) s);
                case VARIABLE -> explodeVariable((VariableTree) s);
                case RETURN -> explodeReturn((ReturnTree) s);
                case IF -> explodeIf((IfTree) s);
                case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP -> explodeLoop(s, null);
                case LABELED_STATEMENT -> explodeLabeled((LabeledStatementTree) s);
                case TRY -> explodeTry((TryTree) s);
                case SWITCH -> explodeSwitch((SwitchTree) s);
                case THROW -> explodeThrow((ThrowTree) s);
                case YIELD -> explodeYield((YieldTree) s);
                case SYNCHRONIZED -> explodeSynchronized((SynchronizedTree) s);
                case ASSERT -> error(Tag.BatonAwaitPosition, s, "await cannot stand in an assert statement: Java"
                        + " evaluates an assertion only when assertions are enabled; await into a local first"
                        + " ('boolean ok = await(x);') and assert on it");
                default -> error(Tag.BatonAwaitPosition, s, "await cannot stand in a " + describe(s)
                        + "; it may stand in expression statements, local variable initializers, conditions,"
                        + " selectors, iterables, resources, 'throw' and 'return done(...)'");
            }
        } catch (Spiller.Refused refused) {
            open = false; // reported where it was found
            spiller.abandon();
        }
    }

    private static String describe(Tree s) {
        return s.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " statement";
    }

    void error(Tag tag, Tree tree, String message) {
        report.error(tag, method, info.unit, tree, message);
        open = false;
    }

    private void verbatim(StatementTree s) {
        comment(s);
        Map<Tree, Code> replacements = jumpsLeaving(s);
        add(Code.of(new Ir.UserTree(s, replacements)));
        open = reachability.canCompleteNormally(s);
    }

    /** Returns, breaks and continues inside {@code root} that leave it, with their lowered code. */
    Map<Tree, Code> jumpsLeaving(Tree root) {
        Map<Tree, Code> out = new IdentityHashMap<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitReturn(ReturnTree r, Void unused) {
                ExpressionTree e = r.getExpression();
                if (e == null || !info.isDone(e)) {
                    report.error(Tag.BatonReturn, method, info.unit, r, "a coroutine returns with 'return done(value);'"
                            + " or 'return done();', not 'return " + (e == null ? "" : info.text(e)) + ";'");
                    return null;
                }
                List<? extends ExpressionTree> args = ((MethodInvocationTree) e).getArguments();
                Object value = args.isEmpty() ? "null" : new Ir.UserTree(args.get(0), jumpsLeaving(args.get(0)));
                out.put(r, braced(returnCode(value)));
                return null;
            }

            @Override
            public Void visitBreak(BreakTree b, Void unused) {
                Tree target = info.breakTarget(b);
                if (target != null && !info.isWithin(target, root)) {
                    Leap leap = leapByTree.get(target);
                    if (leap == null) {
                        throw new IllegalStateException("no lowered target for " + b);
                    }
                    out.put(b, braced(jumpCode(leap.breakLabel, leap.tryContext)));
                }
                return null;
            }

            @Override
            public Void visitContinue(ContinueTree c, Void unused) {
                Tree target = info.continueTarget(c);
                if (target != null && !info.isWithin(target, root)) {
                    Leap leap = leapByTree.get(target);
                    if (leap == null || leap.continueLabel == null) {
                        throw new IllegalStateException("no lowered target for " + c);
                    }
                    out.put(c, braced(jumpCode(leap.continueLabel, leap.tryContext)));
                }
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree c, Void unused) {
                return null;
            }

            @Override
            public Void visitYield(YieldTree y, Void unused) {
                Tree target = yieldTarget(y);
                YieldTarget lowered = target == null ? null : yieldTargets.get(target);
                if (lowered != null && !info.isWithin(target, root)) {
                    Code c = Code.of("{ ", lowered.field(), " = ", new Ir.UserTree(y.getValue(), Map.of()), "; ");
                    c.parts.addAll(jumpCode(lowered.end(), lowered.tryContext()).parts);
                    c.add(" }");
                    out.put(y, c);
                    return null;
                }
                return super.visitYield(y, unused);
            }

            @Override
            public Void visitSwitchExpression(com.sun.source.tree.SwitchExpressionTree s, Void unused) {
                scan(s.getExpression(), null);
                return null; // jumps cannot leave a switch expression; returns cannot stand in one
            }
        }.scan(root, null);
        return out;
    }

    /** A local declared at the top level of a case: hoisted or not, decided when rendering. */
    void declare(VariableTree v, Code init) {
        VariableElement e = (VariableElement) info.element(v);
        if (e == null) {
            throw new IllegalStateException("unattributed local " + v.getName());
        }
        declaredLocals.add(e);
        add(Code.of(new Ir.Decl(v, e, init)));
    }

    private void explodeBlock(BlockTree b) {
        List<VariableElement> locals = new ArrayList<>();
        for (StatementTree s : b.getStatements()) {
            explode(s);
            if (s instanceof VariableTree v && info.element(v) instanceof VariableElement e) {
                locals.add(e);
            }
            locals.addAll(bindingsOf(s));
        }
        closeScope(locals);
    }

    /**
     * The pattern variables a statement of a block declares outside its nested blocks (which
     * end their own), lambdas and classes: an {@code if} or a loop may bring them into the
     * rest of the block (JLS 6.3.2), in the generated case too, so the block ends like one
     * that declares locals.
     */
    private List<VariableElement> bindingsOf(StatementTree statement) {
        List<VariableElement> found = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                if (v != statement && info.element(v) instanceof VariableElement e
                        && e.getKind().name().equals("BINDING_VARIABLE")) {
                    found.add(e);
                }
                return super.visitVariable(v, unused);
            }

            @Override
            public Void visitBlock(BlockTree block, Void unused) {
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(ClassTree c, Void unused) {
                return null;
            }

            @Override
            public Void visitSwitchExpression(com.sun.source.tree.SwitchExpressionTree sw, Void unused) {
                return scan(sw.getExpression(), null);
            }
        }.scan(statement, null);
        return found;
    }

    /**
     * Ends the scope of locals (and pattern variables) declared directly in an exploded block:
     * clears them, starts a case.
     */
    private void closeScope(List<VariableElement> locals) {
        if (!locals.isEmpty() && open) {
            add(Code.of(new Ir.Clear(locals)));
            mark(new Label(), null);
        }
    }

    private void explodeExpressionStatement(ExpressionStatementTree s) {
        comment(s);
        ExpressionTree e = s.getExpression();
        int mark = spiller.begin(e);
        if (info.isAwait(e)) {
            spiller.awaitOnly((MethodInvocationTree) e);
        } else {
            add(Code.of(spiller.value(e), ";"));
        }
        spiller.release(mark);
    }

    private void explodeVariable(VariableTree v) {
        comment(v);
        ExpressionTree init = v.getInitializer();
        int mark = spiller.begin(init);
        Code value = info.isAwait(init)
                ? spiller.awaitResult((MethodInvocationTree) init, info.type(v), true, false)
                : spiller.value(init);
        declare(v, value);
        spiller.release(mark);
    }

    private void explodeReturn(ReturnTree r) {
        ExpressionTree e = r.getExpression();
        if (e == null || !info.isDone(e)) {
            error(Tag.BatonReturn, r, "a coroutine returns with 'return done(value);' or 'return done();', not 'return "
                    + (e == null ? "" : info.text(e)) + ";'");
            return;
        }
        comment(r);
        ExpressionTree arg = ((MethodInvocationTree) e).getArguments().get(0);
        int mark = spiller.begin(arg);
        Code value = info.isAwait(arg) ? spiller.awaitResult((MethodInvocationTree) arg, null, true, true)
                : spiller.value(arg);
        add(returnCode(value));
        open = false;
        spiller.release(mark);
    }

    private void explodeThrow(ThrowTree t) {
        comment(t);
        int mark = spiller.begin(t.getExpression());
        Code value = settle(spiller.value(t.getExpression()), info.type(t.getExpression()), "$thrown", mark);
        add(Code.of("throw ", value, ";"));
        open = false;
    }

    /** {@code synchronized (await(x)) { ... }}: the monitor's expression may await, the block may not. */
    private void explodeSynchronized(SynchronizedTree s) {
        if (info.containsAwait(s.getBlock())) {
            error(Tag.BatonAwaitInSynchronized, s, "await inside a synchronized block: a coroutine may resume on"
                    + " another step of the loop, so the monitor cannot be held across an await; use a Lock and"
                    + " @Guarded or 'await(lock.acquire())'");
            return;
        }
        comment(s);
        ExpressionTree lock = Spiller.strip(s.getExpression());
        int mark = spiller.begin(lock);
        Code value = settle(spiller.value(lock), info.type(lock), "$monitor", mark);
        Map<Tree, Code> replacements = jumpsLeaving(s);
        replacements.put(lock, value);
        add(Code.of(new Ir.UserTree(s, replacements)));
        open = reachability.canCompleteNormally(s);
    }

    /**
     * Ends the statement whose value is {@code value}: if it holds reference temporaries,
     * the value goes into a local first so they can be cleared before it is used.
     */
    private Code settle(Code value, javax.lang.model.type.TypeMirror type, String base, int mark) {
        if (!spiller.holdsReferences(mark)) {
            spiller.release(mark);
            return value;
        }
        javax.lang.model.type.TypeMirror t = type == null ? null : types.denotable(type);
        String written = t == null ? null : types.writable(t);
        String local = names.fresh(base);
        add(Code.of(written == null ? "var" : written, " ", local, " = ", value, ";"));
        spiller.release(mark);
        return Code.of(local);
    }

    /** The code of a condition, in parentheses, after whatever its awaits need. */
    private Code test(ExpressionTree cond) {
        if (!info.containsAwait(cond)) {
            return condition(cond);
        }
        int mark = spiller.begin(cond);
        Code value = spiller.value(Spiller.strip(cond));
        if (!spiller.bindings(cond).isEmpty()) {
            // its pattern variables must stay in scope for the statements the condition guards
            releaseAfterAdd = mark;
            return parenthesized(value);
        }
        return parenthesized(settle(value, info.type(cond), "$test", mark));
    }

    /** {@code code} in parentheses, unless it is a parenthesized tree already. */
    static Code parenthesized(Code code) {
        if (code.parts.size() == 1 && code.parts.get(0) instanceof Ir.UserTree u
                && u.tree().getKind() == Tree.Kind.PARENTHESIZED) {
            return code;
        }
        return Code.of("(", code, ")");
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
        mark(resume, comment);
    }

    private void explodeIf(IfTree s) {
        comment(s);
        Label elseLabel = new Label();
        Label end = new Label();
        StatementTree otherwise = s.getElseStatement();
        Code test = Code.of("if (!", test(s.getCondition()), ") { ");
        test.parts.addAll(jumpCode(otherwise == null ? end : elseLabel, tryContext).parts);
        test.add(" }");
        add(test);
        explode(s.getThenStatement());
        if (otherwise != null) {
            if (open) {
                jump(end);
            }
            mark(elseLabel, null);
            explode(otherwise);
        }
        mark(end, null);
    }

    private void explodeLabeled(LabeledStatementTree l) {
        StatementTree body = l.getStatement();
        if (BodyInfo.isLoop(body)) {
            explodeLoop(body, l);
            return;
        }
        Label end = new Label();
        pushLeap(new Leap(l, end, null, tryContext), l, null);
        explode(body);
        popLeap(l, null);
        mark(end, null);
    }

    private void pushLeap(Leap leap, Tree tree, Tree alias) {
        leaps.push(leap);
        leapByTree.put(tree, leap);
        if (alias != null) {
            leapByTree.put(alias, leap);
        }
    }

    private void popLeap(Tree tree, Tree alias) {
        leaps.pop();
        leapByTree.remove(tree);
        if (alias != null) {
            leapByTree.remove(alias);
        }
    }

    private void explodeLoop(StatementTree loop, LabeledStatementTree label) {
        comment(label != null ? label : loop);
        switch (loop.getKind()) {
            case WHILE_LOOP -> {
                WhileLoopTree w = (WhileLoopTree) loop;
                Label head = new Label();
                Label end = new Label();
                mark(head, commentFor(loop));
                exitUnless(w.getCondition(), end);
                body(loop, label, w.getStatement(), end, head);
                if (open) {
                    jump(head);
                }
                mark(end, null);
            }
            case DO_WHILE_LOOP -> {
                DoWhileLoopTree d = (DoWhileLoopTree) loop;
                Label top = new Label();
                Label test = new Label();
                Label end = new Label();
                mark(top, commentFor(loop));
                body(loop, label, d.getStatement(), end, test);
                mark(test, null);
                if (info.isConstantTrue(d.getCondition())) {
                    jump(top);
                } else {
                    Code c = Code.of("if ", test(d.getCondition()), " { ");
                    c.parts.addAll(jumpCode(top, tryContext).parts);
                    c.add(" }");
                    add(c);
                }
                mark(end, null);
            }
            case FOR_LOOP -> {
                ForLoopTree f = (ForLoopTree) loop;
                List<VariableElement> locals = new ArrayList<>();
                for (StatementTree init : f.getInitializer()) {
                    explode(init);
                    if (init instanceof VariableTree v && info.element(v) instanceof VariableElement e) {
                        locals.add(e);
                    }
                }
                Label head = new Label();
                Label update = new Label();
                Label end = new Label();
                mark(head, commentFor(loop));
                if (f.getCondition() != null) {
                    exitUnless(f.getCondition(), end);
                }
                body(loop, label, f.getStatement(), end, update);
                mark(update, null);
                for (ExpressionStatementTree u : f.getUpdate()) {
                    if (!open) {
                        break;
                    }
                    if (info.containsAwait(u)) {
                        try {
                            explodeExpressionStatement(u);
                        } catch (Spiller.Refused refused) {
                            open = false;
                        }
                    } else {
                        add(Code.of(new Ir.UserTree(u.getExpression(), Map.of()), ";"));
                    }
                }
                jump(head);
                mark(end, null);
                closeScope(locals);
            }
            case ENHANCED_FOR_LOOP -> explodeForEach((EnhancedForLoopTree) loop, label);
            default -> throw new IllegalStateException(loop.getKind().toString());
        }
    }

    private void exitUnless(ExpressionTree cond, Label end) {
        if (info.isConstantTrue(cond)) {
            return;
        }
        Code c = Code.of("if (!", test(cond), ") { ");
        c.parts.addAll(jumpCode(end, tryContext).parts);
        c.add(" }");
        add(c);
    }

    /** A condition in parentheses, as it stands in an if or while. */
    private static Code condition(ExpressionTree cond) {
        return cond.getKind() == Tree.Kind.PARENTHESIZED ? Code.of(new Ir.UserTree(cond, Map.of()))
                : Code.of("(", new Ir.UserTree(cond, Map.of()), ")");
    }

    private void body(StatementTree loop, LabeledStatementTree label, StatementTree body, Label breakLabel,
            Label continueLabel) {
        Leap leap = new Leap(loop, breakLabel, continueLabel, tryContext);
        pushLeap(leap, loop, label);
        explode(body);
        popLeap(loop, label);
    }

    private void explodeForEach(EnhancedForLoopTree f, LabeledStatementTree label) {
        ExpressionTree iterable = f.getExpression();
        int mark = spiller.begin(iterable);
        Code value = spiller.value(iterable);
        javax.lang.model.type.TypeMirror type = info.type(iterable);
        Label head = new Label();
        Label end = new Label();
        VariableTree v = f.getVariable();
        if (type.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
            if (types.writable(type) == null) {
                error(Tag.BatonVarType, iterable, "the array's type " + type + " cannot be written in generated code;"
                        + " assign the array to a local of an explicit type first");
                spiller.release(mark);
                return;
            }
            int n = syntheticCount++;
            String array = synthetic("$array" + n, TypeName.get(type), true);
            String index = synthetic("$index" + n, TypeName.INT, false);
            add(Code.of(m(), ".", array, " = ", value, ";"));
            add(Code.of(m(), ".", index, " = 0;"));
            spiller.release(mark);
            mark(head, commentFor(f));
            add(Code.of("if (", m(), ".", index, " >= ", m(), ".", array, ".length) { ", m(), ".", array, " = null; ",
                    jumpCode(end, tryContext), " }"));
            declare(v, Code.of(m(), ".", array, "[", m(), ".", index, "++]"));
        } else {
            String iterator = synthetic("$iterator" + syntheticCount++, ParameterizedTypeName.get(ClassName.get(java.util.Iterator.class),
                    WildcardTypeName.subtypeOf(Object.class)), true);
            add(Code.of(m(), ".", iterator, " = ", isPrimary(iterable) && !info.containsAwait(iterable) ? value
                    : parenthesized(value), ".iterator();"));
            spiller.release(mark);
            mark(head, commentFor(f));
            add(Code.of("if (!", m(), ".", iterator, ".hasNext()) { ", m(), ".", iterator, " = null; ",
                    jumpCode(end, tryContext), " }"));
            String element = types.iterableElement(type, info.type(v));
            declare(v, Code.of(element == null ? "" : "(" + element + ") ", m(), ".", iterator, ".next()"));
        }
        body(f, label, f.getStatement(), end, head);
        if (open) {
            add(Code.of(new Ir.Clear(List.of((VariableElement) info.element(v)))));
            jump(head);
        }
        mark(end, null);
    }

    // ---- switch ----

    /**
     * A switch whose cases await: a Java switch on the selector only dispatches (each label
     * jumps to its case's state); the case bodies follow one another, so old-style cases fall
     * through as in Java, and rule-style cases jump to the end.
     */
    private void explodeSwitch(SwitchTree s) {
        comment(s);
        lowerSwitch(s, s.getExpression(), s.getCases(), null);
    }

    /**
     * A switch expression whose cases await (JLS 15.28): lowered like a switch statement whose
     * every {@code yield} (and every rule's expression) stores the value in a temporary and
     * jumps to the end, where the temporary is the expression's value.
     */
    Code explodeSwitchExpression(com.sun.source.tree.SwitchExpressionTree s) {
        Spiller.Temp result = spiller.temp(s, info.type(s));
        String field = m() + "." + result.field();
        Label end = new Label();
        YieldTarget target = new YieldTarget(field, end, tryContext);
        yieldTargets.put(s, target);
        try {
            lowerSwitch(s, s.getExpression(), s.getCases(), target);
        } finally {
            yieldTargets.remove(s);
        }
        mark(end, null);
        return Code.of(field);
    }

    private void lowerSwitch(Tree s, ExpressionTree selector, List<? extends CaseTree> cases, YieldTarget yields) {
        List<Label> labels = new ArrayList<>();
        Label end = yields == null ? new Label() : new Label();
        Code dispatch = Code.of("switch ", yields == null ? test(selector) : parenthesized(spiller.value(selector)),
                " {");
        boolean hasDefault = false;
        for (CaseTree c : cases) {
            Label l = new Label();
            labels.add(l);
            List<? extends ExpressionTree> expressions = c.getExpressions();
            if (expressions.isEmpty()) {
                hasDefault = true;
                dispatch.add(" default: { ");
            } else {
                dispatch.add(" case ");
                String sep = "";
                for (ExpressionTree e : expressions) {
                    dispatch.add(sep, new Ir.UserTree(e, Map.of()));
                    sep = ", ";
                }
                dispatch.add(": { ");
            }
            dispatch.parts.addAll(jumpCode(l, tryContext).parts);
            dispatch.add(" }");
        }
        if (!hasDefault && yields != null) {
            // an exhaustive enum switch expression meeting a constant added later (what javac 17 throws)
            dispatch.add(" default: { throw new java.lang.IncompatibleClassChangeError(); }");
            hasDefault = true;
        }
        dispatch.add(" }");
        add(dispatch);
        if (!hasDefault) {
            jump(end);
        }
        open = false;
        if (yields == null) {
            pushLeap(new Leap(s, end, null, tryContext), s, null);
        }
        for (int i = 0; i < cases.size(); i++) {
            CaseTree c = cases.get(i);
            mark(labels.get(i), commentFor(c));
            if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                Tree body = c.getBody();
                if (body instanceof StatementTree st) {
                    explode(st);
                } else if (yields != null) {
                    add(Code.of(yields.field(), " = ", spiller.value((ExpressionTree) body), ";"));
                } else {
                    add(Code.of(new Ir.UserTree(body, Map.of()), ";"));
                }
                if (open) {
                    jump(yields == null ? end : yields.end());
                }
            } else {
                for (StatementTree st : c.getStatements()) {
                    explode(st);
                }
            }
        }
        if (yields == null) {
            popLeap(s, null);
            mark(end, null);
        }
    }

    /** {@code yield v;} in a lowered switch expression: store v, jump to the expression's end. */
    private void explodeYield(YieldTree y) {
        YieldTarget target = yieldTargets.get(yieldTarget(y));
        if (target == null) {
            throw new IllegalStateException("yield with an await outside a lowered switch expression");
        }
        comment(y);
        int mark = spiller.begin(y.getValue());
        add(Code.of(target.field(), " = ", spiller.value(y.getValue()), ";"));
        spiller.release(mark);
        add(jumpCode(target.end(), target.tryContext()));
        open = false;
    }

    /** The switch expression a yield belongs to. */
    private Tree yieldTarget(YieldTree y) {
        for (com.sun.source.util.TreePath p = info.path(y).getParentPath(); p != null; p = p.getParentPath()) {
            if (p.getLeaf().getKind() == Tree.Kind.SWITCH_EXPRESSION) {
                return p.getLeaf();
            }
        }
        return null;
    }

    /** Expressions that may take a method call or field access without parentheses. */
    private static boolean isPrimary(ExpressionTree e) {
        return switch (e.getKind()) {
            case IDENTIFIER, MEMBER_SELECT, METHOD_INVOCATION, PARENTHESIZED, NEW_CLASS, ARRAY_ACCESS -> true;
            default -> false;
        };
    }

    // ---- try ----

    /** A catch clause of a lowered try: the type names it matches, how it declares its parameter, its body. */
    record CatchClause(List<Object> types, Runnable body) {}

    private void explodeTry(TryTree t) {
        comment(t);
        List<CatchClause> catches = new ArrayList<>();
        for (CatchTree c : t.getCatches()) {
            VariableTree param = c.getParameter();
            List<Object> typeParts = new ArrayList<>();
            Tree type = param.getType();
            if (type instanceof com.sun.source.tree.UnionTypeTree u) {
                for (Tree alt : u.getTypeAlternatives()) {
                    typeParts.add(new Ir.UserTree(alt, Map.of()));
                }
            } else {
                typeParts.add(new Ir.UserTree(type, Map.of()));
            }
            catches.add(new CatchClause(typeParts, () -> {
                String castTo = types.writable(types.catchType(info.type(param)));
                declare(param, Code.of("(", castTo, ") ", m(), ".", caught()));
                add(Code.of(m(), ".", caught(), " = null;"));
                explode(c.getBlock());
            }));
        }
        BlockTree fin = t.getFinallyBlock();
        Runnable body = t.getResources().isEmpty() ? () -> explode(t.getBlock())
                : () -> resources(t, t.getResources(), 0);
        if (t.getResources().isEmpty() || !catches.isEmpty() || fin != null) {
            lowerTry(t, body, catches, fin == null ? null : e -> explode(fin));
        } else {
            body.run();
        }
    }

    /**
     * Try-with-resources (JLS 14.20.3.1): each resource is initialized, then the rest runs in a
     * try whose finally closes it (if not null); a close that fails while an exception is
     * propagating is added to it as suppressed. Cancellation is an exception like any other.
     */
    private void resources(TryTree t, List<? extends Tree> resources, int i) {
        if (i == resources.size()) {
            explode(t.getBlock());
            return;
        }
        Tree resource = resources.get(i);
        Object ref;
        if (resource instanceof VariableTree v) {
            explode(v);
            ref = new Ir.LocalRef((VariableElement) info.element(v));
        } else {
            String field = synthetic("$resource" + syntheticCount++, ClassName.get(AutoCloseable.class), true);
            try {
                int mark = spiller.begin((ExpressionTree) resource);
                add(Code.of(m(), ".", field, " = ", spiller.value((ExpressionTree) resource), ";"));
                spiller.release(mark);
            } catch (Spiller.Refused refused) {
                open = false;
            }
            ref = m() + "." + field;
        }
        if (!open) {
            return;
        }
        lowerTry(null, () -> resources(t, resources, i + 1), List.of(), e -> {
            Ir.RecordRef kind = kind(e);
            Ir.RecordRef primary = value(e);
            String suppressed = names.fresh("$suppressed");
            add(Code.of("if (", ref, " != null) { if (", kind, " == ", THROW, ") { try { ", ref,
                    ".close(); } catch (java.lang.Throwable ", suppressed, ") { ((java.lang.Throwable) ", primary,
                    ").addSuppressed(", suppressed, "); } } else { ", ref, ".close(); } }"));
        });
    }

    /**
     * Lowers a try statement (or a synthetic one, for guards): the try body's states are
     * protected by the catches (in order) and the finally; the catches' by the finally.
     * Whatever enters the finally writes the completion record first; the end of the finally
     * replays it. The record starts as a pair of machine fields; if the finally turns out to
     * have no suspension point, the resume method runs without returning from the write to the
     * read, and the record becomes a pair of its locals instead (two fields fewer in the machine).
     */
    void lowerTry(Tree tree, Runnable body, List<CatchClause> catches, java.util.function.Consumer<TryEntry> finallyBody) {
        TryEntry e = new TryEntry(tryContext, tree);
        tryEntries.add(e);
        if (finallyBody != null) {
            e.finallyStart = new Label();
            e.recordSlot = recordsOpen++;
        }
        Label after = new Label();
        tryContext = e;
        e.part = TryPart.TRY;
        mark(e.tryStart, null);
        body.run();
        leaveTryPart(e, after);
        if (!catches.isEmpty()) {
            if (finallyBody == null) {
                tryContext = e.parent;
            } else {
                e.part = TryPart.CATCH;
            }
            for (CatchClause c : catches) {
                Label handler = new Label();
                if (e.catchStart == null) {
                    e.catchStart = handler;
                }
                e.catches.add(new Ir.Catch(c.types(), handler));
                open = false;
                mark(handler, null);
                c.body().run();
                leaveTryPart(e, after);
            }
        }
        tryContext = e.parent;
        if (finallyBody != null) {
            open = false;
            mark(e.finallyStart, null);
            int before = suspensions;
            finallyBody.accept(e);
            e.recordIsLocal = suspensions == before;
            if (open) {
                replay(e);
            }
            recordsOpen--;
        }
        mark(after, null);
    }

    private void leaveTryPart(TryEntry e, Label after) {
        if (!open) {
            return;
        }
        if (e.hasFinally()) {
            add(Code.of(kind(e), " = ", NORMAL, "; ", m(), ".$state = ", e.finallyStart, "; continue ", names.loop,
                    ";"));
            open = false;
        } else {
            TryEntry saved = tryContext;
            tryContext = e.parent;
            jump(after);
            tryContext = saved;
        }
    }

    /**
     * After a finally completes: replays the completion record (throw, return, jump), else falls
     * through. The record gives up its value before replaying it, so a machine whose record is
     * in a field does not keep it alive (for a record in locals, the store is dead and free).
     */
    private void replay(TryEntry e) {
        Ir.RecordRef kind = kind(e);
        Ir.RecordRef value = value(e);
        add(Code.of("if (", kind, " == ", THROW, ") { java.lang.Throwable ", names.rethrow,
                " = (java.lang.Throwable) ", value, "; ", value, " = null; throw ", names.rethrow, "; }"));
        Code ret = Code.of("if (", kind, " == ", RETURN, ") { java.lang.Object ", names.rethrow, " = ", value,
                "; ", value, " = null; ");
        ret.parts.addAll(returnCode(names.rethrow).parts);
        ret.add(" }");
        add(ret);
        for (Ir.Exit x : e.exits) {
            Code c = Code.of("if (", kind, " == ", x.code(), ") { ");
            c.parts.addAll(jumpCode(x.target(), x.leap().tryContext).parts);
            c.add(" }");
            add(c);
        }
    }

    TryEntry tryContext() {
        return tryContext;
    }
}
