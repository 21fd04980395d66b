package dev.baton.processor.model;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * What the compiler knows about one method body: the path of every tree, what each name
 * resolves to (asking {@link Trees} attributes the class once), source text and positions,
 * and which trees are {@code await(...)} and {@code done(...)} calls.
 */
public final class BodyInfo {
    public final Trees trees;
    public final CompilationUnitTree unit;
    public final SourcePositions positions;
    public final CharSequence source;
    public final TreePath methodPath;
    private final Map<Tree, TreePath> paths = new IdentityHashMap<>();
    private final Map<Tree, Element> elements = new IdentityHashMap<>();
    private final Map<Tree, Boolean> awaitInside = new IdentityHashMap<>();
    /** Every name written in the method (variables, labels, members), for choosing fresh ones. */
    public final Set<String> identifiers = new HashSet<>();

    public BodyInfo(Trees trees, TreePath methodPath) {
        this.trees = trees;
        this.unit = methodPath.getCompilationUnit();
        this.positions = trees.getSourcePositions();
        this.methodPath = methodPath;
        try {
            this.source = unit.getSourceFile().getCharContent(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (tree != null) {
                    TreePath path = new TreePath(getCurrentPath(), tree);
                    paths.put(tree, path);
                    switch (tree.getKind()) {
                        case IDENTIFIER, MEMBER_SELECT, MEMBER_REFERENCE, VARIABLE, METHOD_INVOCATION, NEW_CLASS -> {
                            Element e = trees.getElement(path);
                            if (e != null) {
                                elements.put(tree, e);
                            }
                        }
                        default -> {}
                    }
                    if (tree instanceof IdentifierTree id) {
                        identifiers.add(id.getName().toString());
                    } else if (tree instanceof com.sun.source.tree.VariableTree v) {
                        identifiers.add(v.getName().toString());
                    } else if (tree instanceof LabeledStatementTree l) {
                        identifiers.add(l.getLabel().toString());
                    } else if (tree instanceof MemberSelectTree ms) {
                        identifiers.add(ms.getIdentifier().toString());
                    }
                }
                return super.scan(tree, unused);
            }
        }.scan(methodPath, null);
    }

    /** The path of a tree of this method. */
    public TreePath path(Tree tree) {
        TreePath p = paths.get(tree);
        if (p == null) {
            throw new IllegalArgumentException("not a tree of this method: " + tree);
        }
        return p;
    }

    /** What a name, variable, call or {@code new} resolves to, or null. */
    public Element element(Tree tree) {
        return elements.get(tree);
    }

    /** The attributed type of an expression or variable, or null. */
    public TypeMirror type(Tree tree) {
        return trees.getTypeMirror(path(tree));
    }

    /**
     * Whether {@code tree} is a call of Baton's {@code await}: {@code await(x)}, or
     * {@code await(x, X.class)}, which only declares a checked exception (the lowering awaits
     * {@link #awaitArgument} alone).
     */
    public boolean isAwait(Tree tree) {
        return isBatonCall(tree, "await", 1) || isBatonCall(tree, "await", 2);
    }

    /** Whether {@code tree} is a call of Baton's {@code done} (with or without a value). */
    public boolean isDone(Tree tree) {
        return isBatonCall(tree, "done", 1) || isBatonCall(tree, "done", 0);
    }

    private boolean isBatonCall(Tree tree, String name, int args) {
        if (!(tree instanceof MethodInvocationTree mi) || mi.getArguments().size() != args) {
            return false;
        }
        ExpressionTree select = mi.getMethodSelect();
        String called = select instanceof IdentifierTree id ? id.getName().toString()
                : select instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : null;
        if (!name.equals(called)) {
            return false;
        }
        Element e = element(tree);
        if (e instanceof ExecutableElement method) {
            Element owner = method.getEnclosingElement();
            return owner instanceof TypeElement t && t.getQualifiedName().contentEquals(RuntimeNames.BATON);
        }
        // not attributed: judge by the syntax
        return select instanceof IdentifierTree
                || ((MemberSelectTree) select).getExpression().toString().equals(RuntimeNames.simpleName(RuntimeNames.BATON))
                || ((MemberSelectTree) select).getExpression().toString().equals(RuntimeNames.BATON);
    }

    /** The argument of an await call. */
    public static ExpressionTree awaitArgument(Tree awaitCall) {
        return ((MethodInvocationTree) awaitCall).getArguments().get(0);
    }

    /** Whether an await call stands anywhere inside {@code tree} (lambdas and classes included). */
    public boolean containsAwait(Tree tree) {
        if (tree == null) {
            return false;
        }
        Boolean known = awaitInside.get(tree);
        if (known != null) {
            return known;
        }
        boolean[] found = {false};
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree t, Void unused) {
                if (t != null && !found[0]) {
                    if (isAwait(t)) {
                        found[0] = true;
                        return null;
                    }
                    super.scan(t, unused);
                }
                return null;
            }
        }.scan(tree, null);
        awaitInside.put(tree, found[0]);
        return found[0];
    }

    /** The statement a {@code break} leaves (a loop, switch or labeled statement), or null. */
    public Tree breakTarget(BreakTree b) {
        for (TreePath p = path(b).getParentPath(); p != null; p = p.getParentPath()) {
            Tree t = p.getLeaf();
            if (isBoundary(t)) {
                return null;
            }
            if (b.getLabel() != null) {
                if (t instanceof LabeledStatementTree l && l.getLabel().contentEquals(b.getLabel())) {
                    return l;
                }
            } else if (isLoop(t) || t.getKind() == Tree.Kind.SWITCH) {
                return t;
            }
        }
        return null;
    }

    /** The loop a {@code continue} continues, or null. */
    public Tree continueTarget(ContinueTree c) {
        for (TreePath p = path(c).getParentPath(); p != null; p = p.getParentPath()) {
            Tree t = p.getLeaf();
            if (isBoundary(t)) {
                return null;
            }
            if (c.getLabel() != null) {
                if (t instanceof LabeledStatementTree l && l.getLabel().contentEquals(c.getLabel())) {
                    return l.getStatement();
                }
            } else if (isLoop(t)) {
                return t;
            }
        }
        return null;
    }

    public static boolean isLoop(Tree t) {
        return switch (t.getKind()) {
            case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP -> true;
            default -> false;
        };
    }

    /** Trees that start a new body: jumps and returns inside belong to them. */
    static boolean isBoundary(Tree t) {
        return switch (t.getKind()) {
            case LAMBDA_EXPRESSION, CLASS, METHOD, SWITCH_EXPRESSION, ENUM, INTERFACE, RECORD,
                    ANNOTATION_TYPE -> true;
            default -> false;
        };
    }

    /** Whether {@code inner} is {@code outer} or lies inside it. */
    public boolean isWithin(Tree inner, Tree outer) {
        for (TreePath p = path(inner); p != null; p = p.getParentPath()) {
            if (p.getLeaf() == outer) {
                return true;
            }
        }
        return false;
    }

    /** Whether the variable is a local of some kind (parameter, local, catch, resource, pattern). */
    public static boolean isLocal(Element e) {
        if (!(e instanceof VariableElement)) {
            return false;
        }
        ElementKind k = e.getKind();
        return k == ElementKind.LOCAL_VARIABLE || k == ElementKind.PARAMETER || k == ElementKind.EXCEPTION_PARAMETER
                || k == ElementKind.RESOURCE_VARIABLE || k.name().equals("BINDING_VARIABLE");
    }

    public int start(Tree t) {
        return (int) positions.getStartPosition(unit, t);
    }

    public int end(Tree t) {
        return (int) positions.getEndPosition(unit, t);
    }

    /**
     * Whether {@code t} is text of the source. Attribution writes a synthetic type tree into
     * every implicitly typed variable; javac 17 gives it no position, javac 23 and later the
     * variable's start, but never an end: only trees the parser made have both.
     */
    public boolean written(Tree t) {
        int start = start(t);
        return start >= 0 && end(t) >= start;
    }

    /** The 1-based source line of a tree. */
    public long line(Tree t) {
        return unit.getLineMap().getLineNumber(start(t));
    }

    /** The source text of a tree, as written. */
    public String text(Tree t) {
        return source.subSequence(start(t), end(t)).toString();
    }

    /** The source line a tree starts on, trimmed, for state comments. */
    public String lineText(Tree t) {
        long line = line(t);
        int from = (int) unit.getLineMap().getStartPosition(line);
        int to = from;
        while (to < source.length() && source.charAt(to) != '\n' && source.charAt(to) != '\r') {
            to++;
        }
        return source.subSequence(from, to).toString().strip();
    }

    /** A state's comment for the template line of {@code t}: {@code File.java:12: the line}. */
    public String comment(Tree t) {
        String file = unit.getSourceFile().getName();
        file = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return file + ":" + line(t) + ": " + lineText(t);
    }

    /** The constant value of an expression (JLS 15.29) where it can be folded, else null. */
    public Object constant(ExpressionTree e) {
        if (e instanceof ParenthesizedTree p) {
            return constant(p.getExpression());
        }
        if (e instanceof LiteralTree l) {
            return l.getValue();
        }
        if (e instanceof IdentifierTree || e instanceof MemberSelectTree) {
            Element el = element(e);
            return el instanceof VariableElement v ? v.getConstantValue() : null;
        }
        if (e instanceof UnaryTree u && e.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
            return constant(u.getExpression()) instanceof Boolean b ? !b : null;
        }
        if (e instanceof BinaryTree b) {
            Object l = constant(b.getLeftOperand());
            Object r = constant(b.getRightOperand());
            if (l == null || r == null) {
                return null;
            }
            if (l instanceof Boolean x && r instanceof Boolean y) {
                return switch (e.getKind()) {
                    case CONDITIONAL_AND, AND -> x && y;
                    case CONDITIONAL_OR, OR -> x || y;
                    case EQUAL_TO -> x.equals(y);
                    case NOT_EQUAL_TO, XOR -> !x.equals(y);
                    default -> null;
                };
            }
            if (l instanceof Number x && r instanceof Number y) {
                double a = x.doubleValue(), c = y.doubleValue();
                return switch (e.getKind()) {
                    case EQUAL_TO -> a == c;
                    case NOT_EQUAL_TO -> a != c;
                    case LESS_THAN -> a < c;
                    case LESS_THAN_EQUAL -> a <= c;
                    case GREATER_THAN -> a > c;
                    case GREATER_THAN_EQUAL -> a >= c;
                    default -> null;
                };
            }
        }
        return null;
    }

    /** Whether a loop condition is the constant {@code true} (absent counts as true). */
    public boolean isConstantTrue(ExpressionTree cond) {
        return cond == null || Boolean.TRUE.equals(constant(cond));
    }
}
