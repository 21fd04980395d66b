package dev.baton.processor.lowering;

import dev.baton.processor.model.BodyInfo;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import dev.baton.processor.lowering.Ir.Code;
import dev.baton.processor.lowering.Ir.Label;
import dev.baton.processor.lowering.Ir.Leap;
import dev.baton.processor.lowering.Ir.TryEntry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers switch statements and switch expressions whose cases await: the selector's switch
 * only dispatches to the cases' states, the case bodies are lowered as statements (so old-style
 * cases fall through as in Java), and a switch expression's yields store its value and jump to
 * its end.
 */
final class SwitchLowering {
    private final Lowerer lowerer;
    private final BodyInfo info;
    private final Emitter emitter;
    /** The lowered switch expressions whose cases are being lowered: where their yields go. */
    private final Map<Tree, YieldTarget> yieldTargets = new IdentityHashMap<>();

    /** Where a {@code yield} of a lowered switch expression stores its value and jumps. */
    record YieldTarget(String field, Label end, TryEntry tryContext) {}

    SwitchLowering(Lowerer lowerer) {
        this.lowerer = lowerer;
        this.info = lowerer.info;
        this.emitter = lowerer.emitter;
    }

    /** Where the yields of {@code switchExpression} go while it is lowered, else null. */
    YieldTarget lowered(Tree switchExpression) {
        return yieldTargets.get(switchExpression);
    }

    /**
     * A switch whose cases await: a Java switch on the selector only dispatches (each label
     * jumps to its case's state); the case bodies follow one another, so old-style cases fall
     * through as in Java, and rule-style cases jump to the end.
     */
    void explodeSwitch(SwitchTree s) {
        emitter.comment(s);
        lowerSwitch(s, s.getExpression(), s.getCases(), null);
    }

    /**
     * A switch expression whose cases await (JLS 15.28): lowered like a switch statement whose
     * every {@code yield} (and every rule's expression) stores the value in a temporary and
     * jumps to the end, where the temporary is the expression's value.
     */
    Code explodeSwitchExpression(com.sun.source.tree.SwitchExpressionTree s) {
        Spiller.Temp result = lowerer.spiller.temp(s, info.type(s));
        String field = emitter.m() + "." + result.field();
        Label end = new Label();
        YieldTarget target = new YieldTarget(field, end, emitter.tryContext());
        yieldTargets.put(s, target);
        try {
            lowerSwitch(s, s.getExpression(), s.getCases(), target);
        } finally {
            yieldTargets.remove(s);
        }
        emitter.mark(end, null);
        return Code.of(field);
    }

    private void lowerSwitch(Tree s, ExpressionTree selector, List<? extends CaseTree> cases, YieldTarget yields) {
        List<Label> labels = new ArrayList<>();
        Label end = new Label();
        Code dispatch = Code.of("switch ", yields == null ? lowerer.test(selector) : lowerer.parenthesized(lowerer.spiller.value(selector)),
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
            dispatch.parts.addAll(emitter.jumpCode(l, emitter.tryContext()).parts);
            dispatch.add(" }");
        }
        if (!hasDefault && yields != null) {
            // an exhaustive enum switch expression meeting a constant added later (what javac 17 throws)
            dispatch.add(" default: { throw new java.lang.IncompatibleClassChangeError(); }");
            hasDefault = true;
        }
        dispatch.add(" }");
        emitter.add(dispatch);
        if (!hasDefault) {
            emitter.jump(end);
        }
        emitter.close();
        if (yields == null) {
            lowerer.pushLeap(new Leap(end, null, emitter.tryContext()), s, null);
        }
        for (int i = 0; i < cases.size(); i++) {
            CaseTree c = cases.get(i);
            emitter.mark(labels.get(i), info.comment(c));
            if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                Tree body = c.getBody();
                if (body instanceof StatementTree st) {
                    lowerer.explode(st);
                } else if (yields != null) {
                    emitter.add(Code.of(yields.field(), " = ", lowerer.spiller.value((ExpressionTree) body), ";"));
                } else {
                    emitter.add(Code.of(new Ir.UserTree(body, Map.of()), ";"));
                }
                if (emitter.open()) {
                    emitter.jump(yields == null ? end : yields.end());
                }
            } else {
                for (StatementTree st : c.getStatements()) {
                    lowerer.explode(st);
                }
            }
        }
        if (yields == null) {
            lowerer.popLeap(s, null);
            emitter.mark(end, null);
        }
    }

    /** {@code yield v;} in a lowered switch expression: store v, jump to the expression's end. */
    void explodeYield(YieldTree y) {
        YieldTarget target = yieldTargets.get(yieldTarget(info, y));
        if (target == null) {
            throw new IllegalStateException("yield with an await outside a lowered switch expression");
        }
        emitter.comment(y);
        int mark = lowerer.spiller.begin(y.getValue());
        emitter.add(Code.of(target.field(), " = ", lowerer.spiller.value(y.getValue()), ";"));
        lowerer.spiller.release(mark);
        emitter.add(emitter.jumpCode(target.end(), target.tryContext()));
        emitter.close();
    }

    /** The switch expression a yield belongs to. */
    static Tree yieldTarget(BodyInfo info, YieldTree y) {
        for (com.sun.source.util.TreePath p = info.path(y).getParentPath(); p != null; p = p.getParentPath()) {
            if (p.getLeaf().getKind() == Tree.Kind.SWITCH_EXPRESSION) {
                return p.getLeaf();
            }
        }
        return null;
    }
}
