package dev.baton.processor.lowering;

import com.sun.source.tree.AssignmentTree;
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
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
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
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
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
    private final Deque<Leap> leaps = new ArrayDeque<>();
    private final Map<Tree, Leap> leapByTree = new IdentityHashMap<>();
    private Case current;
    private boolean open;
    private Label stateAlreadySet;
    private TryEntry tryContext;
    private String caughtField;
    private int syntheticCount;

    /** A field the lowering adds to the machine. */
    record Synthetic(String name, TypeName type, boolean reference) {}

    Lowerer(BodyInfo info, Names names, TypeWriter types, Report report, Element method) {
        this.info = info;
        this.names = names;
        this.types = types;
        this.report = report;
        this.method = method;
        this.reachability = new Reachability(info);
    }

    // ---- the listing ----

    String m() {
        return names.machine;
    }

    void start() {
        mark(new Label(), null);
    }

    /** Starts the case of {@code label}; code that falls into it first records the new state. */
    void mark(Label label, String comment) {
        if (label.marked()) {
            throw new IllegalStateException("label marked twice");
        }
        if (current != null && open && stateAlreadySet != label) {
            add(Code.of(m(), ".$state = ", label, ";"));
        }
        label.state = cases.size();
        Ir.Region region = tryContext == null ? null : new Ir.Region(tryContext, tryContext.part);
        current = new Case(label, region, comment);
        cases.add(current);
        open = true;
        stateAlreadySet = null;
    }

    void add(Code code) {
        if (open) {
            current.lines.add(code);
        }
    }

    boolean isOpen() {
        return open;
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
                return Code.of(m(), ".", e.recordKind, " = ", code, "; ", m(), ".$state = ", e.finallyStart,
                        "; continue ", names.loop, ";");
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
                return Code.of(m(), ".", e.recordKind, " = ", RETURN, "; ", m(), ".", e.recordValue, " = ", value,
                        "; ", m(), ".$state = ", e.finallyStart, "; continue ", names.loop, ";");
            }
        }
        return Code.of("return ", m(), ".$complete(", value, ");");
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
            case SYNCHRONIZED -> error(Tag.BatonAwaitInSynchronized, s, "await inside a synchronized block:"
                    + " a coroutine may resume on another step of the loop, so the monitor cannot be held across"
                    + " an await; use a Lock and @Guarded or 'await(lock.acquire())'");
            default -> error(Tag.BatonAwaitPosition, s, "await cannot stand in a " + describe(s)
                    + " yet; it may stand as a statement: 'await(x);', 'T v = await(x);', 'v = await(x);'"
                    + " or 'return done(await(x));'");
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
        }
        closeScope(locals);
    }

    /** Ends the scope of locals declared directly in an exploded block: clears them, starts a case. */
    private void closeScope(List<VariableElement> locals) {
        if (!locals.isEmpty() && open) {
            add(Code.of(new Ir.Clear(locals)));
            mark(new Label(), null);
        }
    }

    private void explodeExpressionStatement(ExpressionStatementTree s) {
        ExpressionTree e = s.getExpression();
        if (info.isAwait(e) && !info.containsAwait(BodyInfo.awaitArgument(e))) {
            comment(s);
            awaitThen(e, s, null);
            return;
        }
        if (e instanceof AssignmentTree a && info.isAwait(a.getExpression())
                && !info.containsAwait(BodyInfo.awaitArgument(a.getExpression()))
                && isSimpleTarget(a.getVariable())) {
            comment(s);
            ExpressionTree call = a.getExpression();
            awaitThen(call, s, value -> add(Code.of(new Ir.UserTree(a.getVariable(), Map.of()), " = ",
                    cast(call, a.getVariable()), value, ";")));
            return;
        }
        awaitPositionError(s);
    }

    private boolean isSimpleTarget(ExpressionTree lhs) {
        if (lhs instanceof IdentifierTree) {
            return true;
        }
        return lhs instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree id
                && id.getName().contentEquals("this");
    }

    private void awaitPositionError(Tree s) {
        error(Tag.BatonAwaitPosition, s, "await inside an expression is not supported yet; it may stand as a"
                + " statement: 'await(x);', 'T v = await(x);', 'v = await(x);' or 'return done(await(x));'"
                + " (move the await into a local: 'T v = await(x);' and use v)");
    }

    private void explodeVariable(VariableTree v) {
        ExpressionTree init = v.getInitializer();
        if (init != null && info.isAwait(init) && !info.containsAwait(BodyInfo.awaitArgument(init))) {
            comment(v);
            awaitThen(init, v, value -> declare(v, Code.of(cast(init, v), value)));
            return;
        }
        awaitPositionError(v);
    }

    private void explodeReturn(ReturnTree r) {
        ExpressionTree e = r.getExpression();
        if (e != null && info.isDone(e) && ((MethodInvocationTree) e).getArguments().size() == 1) {
            ExpressionTree arg = ((MethodInvocationTree) e).getArguments().get(0);
            if (info.isAwait(arg) && !info.containsAwait(BodyInfo.awaitArgument(arg))) {
                comment(r);
                awaitThen(arg, r, value -> {
                    add(returnCode(value));
                    open = false;
                });
                return;
            }
        }
        awaitPositionError(r);
    }

    /** The cast from the await's Object result to the type the await call has in the template. */
    private String cast(ExpressionTree awaitCall, Tree target) {
        String t = types.castType(info.type(awaitCall), info.type(target));
        return t == null ? "" : "(" + t + ") ";
    }

    /**
     * Awaits the argument of {@code call}: suspends (returning SUSPENDED) unless it is complete;
     * then, in the resume state, hands {@code $value} to {@code then}.
     */
    private void awaitThen(ExpressionTree call, Tree statement, java.util.function.Consumer<String> then) {
        ExpressionTree arg = BodyInfo.awaitArgument(call);
        awaitCode(Code.of(new Ir.UserTree(arg, Map.of())), commentFor(statement));
        if (then != null) {
            then.accept(names.value);
        }
    }

    /** Awaits the awaitable that {@code awaitable} evaluates to, continuing in a new state. */
    void awaitCode(Code awaitable, String comment) {
        Label resume = new Label();
        Code c = Code.of(names.value, " = ", m(), ".$await(");
        c.parts.addAll(awaitable.parts);
        c.add(", ", resume, ");");
        add(c);
        add(Code.of("if (", names.value, " == ", TypeWriter.SUSPENDED, ") return ", names.value, ";"));
        stateAlreadySet = resume;
        mark(resume, comment);
    }

    private void explodeIf(IfTree s) {
        if (info.containsAwait(s.getCondition())) {
            awaitPositionError(s.getCondition());
            return;
        }
        comment(s);
        Label elseLabel = new Label();
        Label end = new Label();
        StatementTree otherwise = s.getElseStatement();
        Code test = Code.of("if (!", condition(s.getCondition()), ") { ");
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
                if (info.containsAwait(w.getCondition())) {
                    awaitPositionError(w.getCondition());
                    return;
                }
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
                if (info.containsAwait(d.getCondition())) {
                    awaitPositionError(d.getCondition());
                    return;
                }
                Label top = new Label();
                Label test = new Label();
                Label end = new Label();
                mark(top, commentFor(loop));
                body(loop, label, d.getStatement(), end, test);
                mark(test, null);
                if (info.isConstantTrue(d.getCondition())) {
                    jump(top);
                } else {
                    Code c = Code.of("if ", condition(d.getCondition()), " { ");
                    c.parts.addAll(jumpCode(top, tryContext).parts);
                    c.add(" }");
                    add(c);
                }
                mark(end, null);
            }
            case FOR_LOOP -> {
                ForLoopTree f = (ForLoopTree) loop;
                if (info.containsAwait(f.getCondition())) {
                    awaitPositionError(f.getCondition());
                    return;
                }
                for (StatementTree u : f.getUpdate()) {
                    if (info.containsAwait(u)) {
                        awaitPositionError(u);
                        return;
                    }
                }
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
                    add(Code.of(new Ir.UserTree(u.getExpression(), Map.of()), ";"));
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
        Code c = Code.of("if (!", condition(cond), ") { ");
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
        if (info.containsAwait(iterable)) {
            awaitPositionError(iterable);
            return;
        }
        javax.lang.model.type.TypeMirror type = info.type(iterable);
        Label head = new Label();
        Label end = new Label();
        VariableTree v = f.getVariable();
        if (type.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
            if (types.writable(type) == null) {
                error(Tag.BatonVarType, iterable, "the array's type " + type + " cannot be written in generated code;"
                        + " assign the array to a local of an explicit type first");
                return;
            }
            int n = syntheticCount++;
            String array = synthetic("$array" + n, TypeName.get(type), true);
            String index = synthetic("$index" + n, TypeName.INT, false);
            add(Code.of(m(), ".", array, " = ", new Ir.UserTree(iterable, Map.of()), ";"));
            add(Code.of(m(), ".", index, " = 0;"));
            mark(head, commentFor(f));
            add(Code.of("if (", m(), ".", index, " >= ", m(), ".", array, ".length) { ", m(), ".", array, " = null; ",
                    jumpCode(end, tryContext), " }"));
            declare(v, Code.of(m(), ".", array, "[", m(), ".", index, "++]"));
        } else {
            String iterator = synthetic("$iterator" + syntheticCount++, ParameterizedTypeName.get(ClassName.get(java.util.Iterator.class),
                    WildcardTypeName.subtypeOf(Object.class)), true);
            add(Code.of(m(), ".", iterator, " = ", new Ir.UserTree(iterable, Map.of()), ".iterator();"));
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
        if (info.containsAwait(s.getExpression())) {
            awaitPositionError(s.getExpression());
            return;
        }
        comment(s);
        List<? extends CaseTree> cases = s.getCases();
        List<Label> labels = new ArrayList<>();
        Label end = new Label();
        Code dispatch = Code.of("switch ", condition(s.getExpression()), " {");
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
        dispatch.add(" }");
        add(dispatch);
        if (!hasDefault) {
            jump(end);
        }
        open = false;
        pushLeap(new Leap(s, end, null, tryContext), s, null);
        for (int i = 0; i < cases.size(); i++) {
            CaseTree c = cases.get(i);
            mark(labels.get(i), commentFor(c));
            if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                Tree body = c.getBody();
                if (body instanceof StatementTree st) {
                    explode(st);
                } else {
                    add(Code.of(new Ir.UserTree(body, Map.of()), ";"));
                }
                if (open) {
                    jump(end);
                }
            } else {
                for (StatementTree st : c.getStatements()) {
                    explode(st);
                }
            }
        }
        popLeap(s, null);
        mark(end, null);
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
            if (info.containsAwait(v.getInitializer()) && !info.isAwait(v.getInitializer())) {
                awaitPositionError(v);
                return;
            }
            explode(v);
            ref = new Ir.LocalRef((VariableElement) info.element(v));
        } else {
            if (info.containsAwait(resource)) {
                awaitPositionError(resource);
                return;
            }
            String field = synthetic("$resource" + syntheticCount++, ClassName.get(AutoCloseable.class), true);
            add(Code.of(m(), ".", field, " = ", new Ir.UserTree(resource, Map.of()), ";"));
            ref = m() + "." + field;
        }
        if (!open) {
            return;
        }
        lowerTry(null, () -> resources(t, resources, i + 1), List.of(), e -> {
            String kind = m() + "." + e.recordKind;
            String primary = m() + "." + e.recordValue;
            String suppressed = names.fresh("$suppressed");
            add(Code.of("if (", ref, " != null) { if (", kind, " == ", THROW, ") { try { ", ref,
                    ".close(); } catch (java.lang.Throwable ", suppressed, ") { ((java.lang.Throwable) ", primary,
                    ").addSuppressed(", suppressed, "); } } else { ", ref, ".close(); } }"));
        });
    }

    /**
     * Lowers a try statement (or a synthetic one, for guards): the try body's states are
     * protected by the catches (in order) and the finally; the catches' by the finally.
     */
    void lowerTry(Tree tree, Runnable body, List<CatchClause> catches, java.util.function.Consumer<TryEntry> finallyBody) {
        TryEntry e = new TryEntry(tryContext, tree);
        tryEntries.add(e);
        if (finallyBody != null) {
            int n = syntheticCount++;
            e.recordKind = synthetic("$finally" + n, TypeName.INT, false);
            e.recordValue = synthetic("$finallyValue" + n, ClassName.OBJECT, true);
            e.finallyStart = new Label();
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
            finallyBody.accept(e);
            if (open) {
                replay(e);
            }
        }
        mark(after, null);
    }

    private void leaveTryPart(TryEntry e, Label after) {
        if (!open) {
            return;
        }
        if (e.hasFinally()) {
            add(Code.of(m(), ".", e.recordKind, " = ", NORMAL, "; ", m(), ".$state = ", e.finallyStart, "; continue ",
                    names.loop, ";"));
            open = false;
        } else {
            TryEntry saved = tryContext;
            tryContext = e.parent;
            jump(after);
            tryContext = saved;
        }
    }

    /** After a finally completes: replays the completion record (throw, return, jump), else falls through. */
    private void replay(TryEntry e) {
        String kind = m() + "." + e.recordKind;
        String value = m() + "." + e.recordValue;
        add(Code.of("if (", kind, " == ", THROW, ") { java.lang.Throwable ", names.rethrow, " = (java.lang.Throwable) ",
                value, "; ", value, " = null; throw ", names.rethrow, "; }"));
        Code ret = Code.of("if (", kind, " == ", RETURN, ") { java.lang.Object ", names.rethrow, " = ", value, "; ",
                value, " = null; ");
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
