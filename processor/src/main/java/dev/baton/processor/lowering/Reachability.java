package dev.baton.processor.lowering;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import dev.baton.processor.model.BodyInfo;
import java.util.List;

/**
 * JLS 14.22, "can complete normally", for statements copied as written: the lowering must not
 * emit a jump after a statement javac considers to never complete (it would be unreachable).
 */
final class Reachability {
    private final BodyInfo info;

    Reachability(BodyInfo info) {
        this.info = info;
    }

    boolean canCompleteNormally(StatementTree s) {
        switch (s.getKind()) {
            case BLOCK:
                return allComplete(((BlockTree) s).getStatements());
            case RETURN: case THROW: case BREAK: case CONTINUE: case YIELD:
                return false;
            case IF: {
                IfTree i = (IfTree) s;
                return i.getElseStatement() == null || canCompleteNormally(i.getThenStatement())
                        || canCompleteNormally(i.getElseStatement());
            }
            case WHILE_LOOP:
                return !info.isConstantTrue(((WhileLoopTree) s).getCondition()) || hasBreakTo(s, s);
            case DO_WHILE_LOOP: {
                DoWhileLoopTree d = (DoWhileLoopTree) s;
                return ((canCompleteNormally(d.getStatement()) || hasContinueTo(d, d))
                        && !info.isConstantTrue(d.getCondition())) || hasBreakTo(s, s);
            }
            case FOR_LOOP:
                return !info.isConstantTrue(((ForLoopTree) s).getCondition()) || hasBreakTo(s, s);
            case LABELED_STATEMENT: {
                LabeledStatementTree l = (LabeledStatementTree) s;
                return canCompleteNormally(l.getStatement()) || hasBreakTo(l.getStatement(), l);
            }
            case SWITCH:
                return switchCompletes((SwitchTree) s);
            case TRY: {
                TryTree t = (TryTree) s;
                boolean any = canCompleteNormally(t.getBlock());
                for (CatchTree c : t.getCatches()) {
                    any |= canCompleteNormally(c.getBlock());
                }
                return any && (t.getFinallyBlock() == null || canCompleteNormally(t.getFinallyBlock()));
            }
            case SYNCHRONIZED:
                return canCompleteNormally(((SynchronizedTree) s).getBlock());
            default:
                return true;
        }
    }

    private boolean allComplete(List<? extends StatementTree> statements) {
        for (StatementTree st : statements) {
            if (!canCompleteNormally(st)) {
                return false;
            }
        }
        return true;
    }

    private boolean switchCompletes(SwitchTree s) {
        if (hasBreakTo(s, s)) {
            return true;
        }
        List<? extends CaseTree> cases = s.getCases();
        boolean hasDefault = false;
        for (CaseTree c : cases) {
            if (c.getExpressions().isEmpty()) {
                hasDefault = true;
            }
            for (Tree label : c.getExpressions()) {
                if (label.getKind().name().equals("DEFAULT_CASE_LABEL")) {
                    hasDefault = true;
                }
            }
        }
        if (!hasDefault || cases.isEmpty()) {
            return true;
        }
        if (cases.get(0).getCaseKind() == CaseTree.CaseKind.RULE) {
            for (CaseTree c : cases) {
                Tree body = c.getBody();
                if (body == null || body.getKind() == Tree.Kind.EXPRESSION_STATEMENT
                        || (body instanceof StatementTree st && body.getKind() != Tree.Kind.THROW && canCompleteNormally(st))
                        || body instanceof com.sun.source.tree.ExpressionTree) {
                    return true;
                }
            }
            return false;
        }
        CaseTree last = cases.get(cases.size() - 1);
        return last.getStatements() == null || allComplete(last.getStatements());
    }

    /** Whether a break inside {@code body} leaves {@code target}. */
    boolean hasBreakTo(Tree body, Tree target) {
        return hasJumpTo(body, target, false);
    }

    private boolean hasContinueTo(Tree body, Tree target) {
        return hasJumpTo(body, target, true);
    }

    /**
     * Whether a break (a continue, with {@code continues}) inside {@code body} targets
     * {@code target}; lambdas and classes in it are bodies of their own.
     */
    private boolean hasJumpTo(Tree body, Tree target, boolean continues) {
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitBreak(BreakTree b, Void unused) {
                if (!continues && info.breakTarget(b) == target) {
                    found[0] = true;
                }
                return null;
            }

            @Override
            public Void visitContinue(ContinueTree c, Void unused) {
                if (continues && info.continueTarget(c) == target) {
                    found[0] = true;
                }
                return null;
            }

            @Override
            public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree l, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(com.sun.source.tree.ClassTree c, Void unused) {
                return null;
            }
        }.scan(body, null);
        return found[0];
    }
}
