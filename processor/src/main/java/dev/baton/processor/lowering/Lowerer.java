package dev.baton.processor.lowering;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
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
import dev.baton.processor.diagnostics.Report;
import dev.baton.processor.diagnostics.Tag;
import dev.baton.processor.lowering.Ir.Code;
import dev.baton.processor.lowering.Ir.Label;
import dev.baton.processor.lowering.Ir.Leap;
import dev.baton.processor.model.BodyInfo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * Explodes a body's statements into the cases of one flat dispatch loop, written through the
 * {@link Emitter} (regenerator's {@code explodeStatement}, reimagined for Java). Statements
 * without an await are copied as written, except for jumps and returns that leave them, which
 * become state transitions. Statements with an await are taken apart: each await ends a case;
 * loops, ifs and labeled statements become jumps between cases; expressions go to the
 * {@link Spiller}, try statements to {@link TryLowering}, switches to {@link SwitchLowering}.
 */
final class Lowerer {
    final BodyInfo info;
    final Names names;
    final Report report;
    final Element method;
    final Reachability reachability;
    final TypeWriter types;
    final Emitter emitter;
    final Spiller spiller;
    final TryLowering tries;
    private final SwitchLowering switches;
    private final Map<Tree, Leap> leapByTree = new IdentityHashMap<>();

    /**
     * The estimated bytecode size (see {@link BytecodeEstimate}) after which a block's next
     * statement starts a new state, so that no state is too big for a method of its own.
     */
    static final int STRAIGHT_LINE_BUDGET = Renderer.GROUP_BUDGET;

    Lowerer(BodyInfo info, Names names, TypeWriter types, Report report, Element method) {
        this.info = info;
        this.names = names;
        this.types = types;
        this.report = report;
        this.method = method;
        this.reachability = new Reachability(info);
        this.emitter = new Emitter(info, names);
        this.switches = new SwitchLowering(this);
        this.spiller = new Spiller(emitter, info, types, report, method, switches::explodeSwitchExpression);
        this.tries = new TryLowering(this);
    }

    String m() {
        return names.machine;
    }

    static Code braced(Code c) {
        Code b = Code.of("{ ");
        b.parts.addAll(c.parts);
        b.add(" }");
        return b;
    }

    // ---- statements ----

    /** Lowers one statement of the body. */
    void explode(StatementTree s) {
        if (!emitter.open()) {
            return; // unreachable in the template as well (javac accepted it, so nothing follows)
        }
        emitter.line((int) info.line(s));
        if (!info.containsAwait(s)) {
            if (s instanceof VariableTree v) {
                emitter.comment(v);
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
                case TRY -> tries.explodeTry((TryTree) s);
                case SWITCH -> switches.explodeSwitch((SwitchTree) s);
                case THROW -> explodeThrow((ThrowTree) s);
                case YIELD -> switches.explodeYield((YieldTree) s);
                case SYNCHRONIZED -> explodeSynchronized((SynchronizedTree) s);
                case ASSERT -> error(Tag.BatonAwaitPosition, s, "await cannot stand in an assert statement: Java"
                        + " evaluates an assertion only when assertions are enabled; await into a local first"
                        + " ('boolean ok = await(x);') and assert on it");
                default -> error(Tag.BatonAwaitPosition, s, "await cannot stand in a " + describe(s)
                        + "; it may stand in expression statements, local variable initializers, conditions,"
                        + " selectors, iterables, resources, 'throw' and 'return done(...)'");
            }
        } catch (Spiller.Refused refused) {
            emitter.close(); // reported where it was found
            spiller.abandon();
        }
    }

    private static String describe(Tree s) {
        return s.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " statement";
    }

    void error(Tag tag, Tree tree, String message) {
        report.error(tag, method, info.unit, tree, message);
        emitter.close();
    }

    private void verbatim(StatementTree s) {
        emitter.comment(s);
        Map<Tree, Code> replacements = jumpsLeaving(s);
        emitter.add(Code.of(new Ir.UserTree(s, replacements)));
        emitter.setOpen(reachability.canCompleteNormally(s));
    }

    /** Returns, breaks and continues inside {@code root} that leave it, with their lowered code. */
    Map<Tree, Code> jumpsLeaving(Tree root) {
        Map<Tree, Code> out = new IdentityHashMap<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitReturn(ReturnTree r, Void unused) {
                ExpressionTree e = r.getExpression();
                if (e == null || !info.isDone(e)) {
                    throw new IllegalStateException("BodyValidator lets only 'return done(...)' through: " + r);
                }
                List<? extends ExpressionTree> args = ((MethodInvocationTree) e).getArguments();
                Object value = args.isEmpty() ? "null" : new Ir.UserTree(args.get(0), jumpsLeaving(args.get(0)));
                out.put(r, braced(emitter.returnCode(value)));
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
                    out.put(b, braced(emitter.jumpCode(leap.breakLabel(), leap.tryContext())));
                }
                return null;
            }

            @Override
            public Void visitContinue(ContinueTree c, Void unused) {
                Tree target = info.continueTarget(c);
                if (target != null && !info.isWithin(target, root)) {
                    Leap leap = leapByTree.get(target);
                    if (leap == null || leap.continueLabel() == null) {
                        throw new IllegalStateException("no lowered target for " + c);
                    }
                    out.put(c, braced(emitter.jumpCode(leap.continueLabel(), leap.tryContext())));
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
                Tree target = SwitchLowering.yieldTarget(info, y);
                SwitchLowering.YieldTarget lowered = target == null ? null : switches.lowered(target);
                if (lowered != null && !info.isWithin(target, root)) {
                    Code c = Code.of("{ ", lowered.field(), " = ", new Ir.UserTree(y.getValue(), Map.of()), "; ");
                    c.parts.addAll(emitter.jumpCode(lowered.end(), lowered.tryContext()).parts);
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
                emitter.add(Code.of(new Ir.Decl(v, e, init)));
    }

    void explodeBlock(BlockTree b) {
        List<VariableElement> locals = new ArrayList<>();
        for (StatementTree s : b.getStatements()) {
            if (emitter.open() && emitter.caseSize() > STRAIGHT_LINE_BUDGET) {
                // a long run of code without awaits: a new state, where the Renderer may split
                // the dispatch loop (what crosses it moves to fields, as across an await)
                emitter.mark(new Label(), null);
            }
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
        if (!locals.isEmpty() && emitter.open()) {
            emitter.add(Code.of(new Ir.Clear(locals)));
            emitter.mark(new Label(), null);
        }
    }

    private void explodeExpressionStatement(ExpressionStatementTree s) {
        emitter.comment(s);
        ExpressionTree e = s.getExpression();
        int mark = spiller.begin(e);
        if (info.isAwait(e)) {
            spiller.awaitOnly((MethodInvocationTree) e);
        } else {
            emitter.add(Code.of(spiller.value(e), ";"));
        }
        spiller.release(mark);
    }

    private void explodeVariable(VariableTree v) {
        emitter.comment(v);
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
            throw new IllegalStateException("BodyValidator lets only 'return done(...)' through: " + r);
        }
        emitter.comment(r);
        ExpressionTree arg = ((MethodInvocationTree) e).getArguments().get(0);
        int mark = spiller.begin(arg);
        Code value = info.isAwait(arg) ? spiller.awaitResult((MethodInvocationTree) arg, null, true, true)
                : spiller.value(arg);
        emitter.add(emitter.returnCode(value));
        emitter.close();
        spiller.release(mark);
    }

    private void explodeThrow(ThrowTree t) {
        emitter.comment(t);
        int mark = spiller.begin(t.getExpression());
        Code value = settle(spiller.value(t.getExpression()), info.type(t.getExpression()), "$thrown", mark);
        emitter.add(Code.of("throw ", value, ";"));
        emitter.close();
    }

    /** {@code synchronized (await(x)) { ... }}: the monitor's expression may await, the block may not (validated). */
    private void explodeSynchronized(SynchronizedTree s) {
        if (info.containsAwait(s.getBlock())) {
            throw new IllegalStateException("BodyValidator lets no await into a synchronized block: " + s);
        }
        emitter.comment(s);
        ExpressionTree lock = Spiller.strip(s.getExpression());
        int mark = spiller.begin(lock);
        Code value = settle(spiller.value(lock), info.type(lock), "$monitor", mark);
        Map<Tree, Code> replacements = jumpsLeaving(s);
        replacements.put(lock, value);
        emitter.add(Code.of(new Ir.UserTree(s, replacements)));
        emitter.setOpen(reachability.canCompleteNormally(s));
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
        emitter.add(Code.of(written == null ? "var" : written, " ", local, " = ", value, ";"));
        spiller.release(mark);
        return Code.of(local);
    }

    /** The code of a condition, in parentheses, after whatever its awaits need. */
    Code test(ExpressionTree cond) {
        if (!info.containsAwait(cond)) {
            return condition(cond);
        }
        int mark = spiller.begin(cond);
        Code value = spiller.value(Spiller.strip(cond));
        if (!spiller.bindings(cond).isEmpty()) {
            // its pattern variables must stay in scope for the statements the condition guards
            emitter.afterNextAdd(() -> spiller.release(mark));
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

    private void explodeIf(IfTree s) {
        emitter.comment(s);
        Label elseLabel = new Label();
        Label end = new Label();
        StatementTree otherwise = s.getElseStatement();
        Code test = Code.of("if (!", test(s.getCondition()), ") { ");
        test.parts.addAll(emitter.jumpCode(otherwise == null ? end : elseLabel, emitter.tryContext()).parts);
        test.add(" }");
        emitter.add(test);
        explode(s.getThenStatement());
        if (otherwise != null) {
            if (emitter.open()) {
                emitter.jump(end);
            }
            emitter.mark(elseLabel, null);
            explode(otherwise);
        }
        emitter.mark(end, null);
    }

    private void explodeLabeled(LabeledStatementTree l) {
        StatementTree body = l.getStatement();
        if (BodyInfo.isLoop(body)) {
            explodeLoop(body, l);
            return;
        }
        Label end = new Label();
        pushLeap(new Leap(end, null, emitter.tryContext()), l, null);
        explode(body);
        popLeap(l, null);
        emitter.mark(end, null);
    }

    void pushLeap(Leap leap, Tree tree, Tree alias) {
        leapByTree.put(tree, leap);
        if (alias != null) {
            leapByTree.put(alias, leap);
        }
    }

    void popLeap(Tree tree, Tree alias) {
        leapByTree.remove(tree);
        if (alias != null) {
            leapByTree.remove(alias);
        }
    }

    private void explodeLoop(StatementTree loop, LabeledStatementTree label) {
        emitter.comment(label != null ? label : loop);
        switch (loop.getKind()) {
            case WHILE_LOOP -> {
                WhileLoopTree w = (WhileLoopTree) loop;
                Label head = new Label();
                Label end = new Label();
                emitter.mark(head, info.comment(loop));
                exitUnless(w.getCondition(), end);
                body(loop, label, w.getStatement(), end, head);
                if (emitter.open()) {
                    emitter.jump(head);
                }
                emitter.mark(end, null);
            }
            case DO_WHILE_LOOP -> {
                DoWhileLoopTree d = (DoWhileLoopTree) loop;
                Label top = new Label();
                Label test = new Label();
                Label end = new Label();
                emitter.mark(top, info.comment(loop));
                body(loop, label, d.getStatement(), end, test);
                emitter.mark(test, null);
                if (info.isConstantTrue(d.getCondition())) {
                    emitter.jump(top);
                } else {
                    Code c = Code.of("if ", test(d.getCondition()), " { ");
                    c.parts.addAll(emitter.jumpCode(top, emitter.tryContext()).parts);
                    c.add(" }");
                    emitter.add(c);
                }
                emitter.mark(end, null);
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
                emitter.mark(head, info.comment(loop));
                if (f.getCondition() != null) {
                    exitUnless(f.getCondition(), end);
                }
                body(loop, label, f.getStatement(), end, update);
                emitter.mark(update, null);
                for (ExpressionStatementTree u : f.getUpdate()) {
                    if (!emitter.open()) {
                        break;
                    }
                    if (info.containsAwait(u)) {
                        try {
                            explodeExpressionStatement(u);
                        } catch (Spiller.Refused refused) {
                            emitter.close();
                        }
                    } else {
                        emitter.add(Code.of(new Ir.UserTree(u.getExpression(), Map.of()), ";"));
                    }
                }
                emitter.jump(head);
                emitter.mark(end, null);
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
        c.parts.addAll(emitter.jumpCode(end, emitter.tryContext()).parts);
        c.add(" }");
        emitter.add(c);
    }

    /** A condition in parentheses, as it stands in an if or while. */
    static Code condition(ExpressionTree cond) {
        return cond.getKind() == Tree.Kind.PARENTHESIZED ? Code.of(new Ir.UserTree(cond, Map.of()))
                : Code.of("(", new Ir.UserTree(cond, Map.of()), ")");
    }

    private void body(StatementTree loop, LabeledStatementTree label, StatementTree body, Label breakLabel,
            Label continueLabel) {
        Leap leap = new Leap(breakLabel, continueLabel, emitter.tryContext());
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
            int n = emitter.nextSyntheticNumber();
            String array = emitter.synthetic("$array" + n, TypeName.get(type), true);
            String index = emitter.synthetic("$index" + n, TypeName.INT, false);
            emitter.add(Code.of(m(), ".", array, " = ", value, ";"));
            emitter.add(Code.of(m(), ".", index, " = 0;"));
            spiller.release(mark);
            emitter.mark(head, info.comment(f));
            emitter.add(Code.of("if (", m(), ".", index, " >= ", m(), ".", array, ".length) { ", m(), ".", array, " = null; ",
                    emitter.jumpCode(end, emitter.tryContext()), " }"));
            declare(v, Code.of(m(), ".", array, "[", m(), ".", index, "++]"));
        } else {
            String iterator = emitter.synthetic("$iterator" + emitter.nextSyntheticNumber(),
                    ParameterizedTypeName.get(ClassName.get(java.util.Iterator.class),
                            WildcardTypeName.subtypeOf(Object.class)), true);
            emitter.add(Code.of(m(), ".", iterator, " = ", isPrimary(iterable) && !info.containsAwait(iterable) ? value
                    : parenthesized(value), ".iterator();"));
            spiller.release(mark);
            emitter.mark(head, info.comment(f));
            emitter.add(Code.of("if (!", m(), ".", iterator, ".hasNext()) { ", m(), ".", iterator, " = null; ",
                    emitter.jumpCode(end, emitter.tryContext()), " }"));
            String element = types.iterableElement(type, info.type(v));
            declare(v, Code.of(element == null ? "" : "(" + element + ") ", m(), ".", iterator, ".next()"));
        }
        body(f, label, f.getStatement(), end, head);
        if (emitter.open()) {
            emitter.add(Code.of(new Ir.Clear(List.of((VariableElement) info.element(v)))));
            emitter.jump(head);
        }
        emitter.mark(end, null);
    }

    /** Expressions that may take a method call or field access without parentheses. */
    private static boolean isPrimary(ExpressionTree e) {
        return switch (e.getKind()) {
            case IDENTIFIER, MEMBER_SELECT, METHOD_INVOCATION, PARENTHESIZED, NEW_CLASS, ARRAY_ACCESS -> true;
            default -> false;
        };
    }

}
