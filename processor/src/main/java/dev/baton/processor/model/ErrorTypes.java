package dev.baton.processor.model;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * Whether a template still mentions types javac could not resolve. In an early round such a
 * type may be one that a processor generates (another template's {@code Baton_Y}), so the
 * template waits for the next round, as Dagger and AutoValue defer theirs; in the last round
 * javac reports the unresolved names itself and Baton only writes a minimal class.
 */
public final class ErrorTypes {
    private ErrorTypes() {}

    /** Whether the template's header, constructors, annotated methods or the fields they name have error types. */
    public static boolean inSignatures(TemplateClass template) {
        TypeElement type = template.element();
        Set<TypeVariable> seen = new HashSet<>();
        if (has(type.getSuperclass(), seen)) {
            return true;
        }
        for (TypeMirror i : type.getInterfaces()) {
            if (has(i, seen)) {
                return true;
            }
        }
        for (TypeParameterElement p : type.getTypeParameters()) {
            if (has(p.asType(), seen)) {
                return true;
            }
        }
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (has(c, seen)) {
                return true;
            }
        }
        for (TemplateMethod m : template.methods()) {
            if (has(m.element(), seen)) {
                return true;
            }
            for (NamedRef r : m.guards()) {
                if (r.type() != null && has(r.type(), seen)) {
                    return true;
                }
            }
            for (NamedRef r : new NamedRef[] {m.event(), m.consumes()}) {
                if (r != null && r.type() != null && has(r.type(), seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an expression or variable of the method's body has an error type. */
    public static boolean inBody(Trees trees, TreePath method) {
        boolean[] found = {false};
        // javac attributes a class lazily, when an element of its code is first asked for
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (found[0] || tree == null) {
                    return null;
                }
                if (tree instanceof IdentifierTree && inBody(getCurrentPath())) {
                    trees.getElement(new TreePath(getCurrentPath(), tree));
                    found[0] = true;
                    return null;
                }
                return super.scan(tree, unused);
            }

            private boolean inBody(TreePath parent) {
                for (TreePath p = parent; p != null; p = p.getParentPath()) {
                    if (p.getLeaf() instanceof com.sun.source.tree.BlockTree && p.getParentPath() != null
                            && p.getParentPath().getLeaf() == method.getLeaf()) {
                        return true;
                    }
                }
                return false;
            }
        }.scan(method, null);
        found[0] = false;
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (found[0] || tree == null) {
                    return null;
                }
                if (tree instanceof ExpressionTree || tree instanceof VariableTree) {
                    TypeMirror t = trees.getTypeMirror(new TreePath(getCurrentPath(), tree));
                    if (t != null && t.getKind() == TypeKind.ERROR) {
                        found[0] = true;
                        return null;
                    }
                }
                return super.scan(tree, unused);
            }
        }.scan(method, null);
        return found[0];
    }

    /**
     * Whether an unresolved name of the method's body could be a type a processor generates
     * later: written like a type ({@code Baton_Y}, {@code AutoValue_Z}: a capital first
     * letter) where a type may stand. A misspelt variable or method ({@code cuont}), or a
     * capitalized name where only a value may stand ({@code done(MAX_SIZ)}), no later round can
     * supply, unless the file imports static members of a class not generated yet.
     */
    public static boolean typeNameInBody(Trees trees, TreePath method) {
        if (unresolvedStaticImport(trees, method.getCompilationUnit())) {
            return true; // any name of the body may be a member of the class to come
        }
        boolean[] found = {false};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (found[0] || tree == null) {
                    return null;
                }
                String name = tree instanceof IdentifierTree id ? id.getName().toString()
                        : tree instanceof MemberSelectTree ms ? ms.getIdentifier().toString()
                        : null;
                if (name != null && !name.isEmpty() && Character.isUpperCase(name.charAt(0))
                        && !(tree instanceof IdentifierTree && onlyAValue(tree, getCurrentPath()))) {
                    TypeMirror t = trees.getTypeMirror(new TreePath(getCurrentPath(), tree));
                    if (t != null && t.getKind() == TypeKind.ERROR) {
                        found[0] = true;
                        return null;
                    }
                }
                return super.scan(tree, unused);
            }
        }.scan(method, null);
        return found[0];
    }

    private static boolean unresolvedStaticImport(Trees trees, CompilationUnitTree unit) {
        for (ImportTree i : unit.getImports()) {
            if (i.isStatic() && i.getQualifiedIdentifier() instanceof MemberSelectTree member) {
                TreePath owner = new TreePath(new TreePath(new TreePath(unit), i), member.getExpression());
                TypeMirror t = trees.getTypeMirror(owner);
                if (t != null && t.getKind() == TypeKind.ERROR) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code tree}, a child of {@code parent}'s leaf, stands where Java allows only a value, never a type. */
    private static boolean onlyAValue(Tree tree, TreePath parent) {
        Tree p = parent.getLeaf();
        if (p instanceof MethodInvocationTree call) {
            return call.getArguments().contains(tree);
        }
        if (p instanceof NewClassTree creation) {
            return creation.getArguments().contains(tree);
        }
        if (p instanceof VariableTree variable) {
            return variable.getInitializer() == tree;
        }
        if (p instanceof EnhancedForLoopTree loop) {
            return loop.getExpression() == tree;
        }
        return p instanceof BinaryTree || p instanceof UnaryTree || p instanceof AssignmentTree
                || p instanceof CompoundAssignmentTree || p instanceof ConditionalExpressionTree
                || p instanceof ParenthesizedTree || p instanceof ArrayAccessTree || p instanceof ReturnTree
                || p instanceof ThrowTree || p instanceof ExpressionStatementTree;
    }

    private static boolean has(ExecutableElement e, Set<TypeVariable> seen) {
        if (has(e.getReturnType(), seen)) {
            return true;
        }
        for (VariableElement p : e.getParameters()) {
            if (has(p.asType(), seen)) {
                return true;
            }
        }
        for (TypeMirror t : e.getThrownTypes()) {
            if (has(t, seen)) {
                return true;
            }
        }
        for (TypeParameterElement p : e.getTypeParameters()) {
            if (has(p.asType(), seen)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code t} is or contains an error type. */
    public static boolean has(TypeMirror t, Set<TypeVariable> seen) {
        if (t == null) {
            return false;
        }
        switch (t.getKind()) {
            case ERROR:
                return true;
            case DECLARED:
                for (TypeMirror a : ((DeclaredType) t).getTypeArguments()) {
                    if (has(a, seen)) {
                        return true;
                    }
                }
                return has(((DeclaredType) t).getEnclosingType(), seen);
            case ARRAY:
                return has(((ArrayType) t).getComponentType(), seen);
            case WILDCARD:
                return has(((WildcardType) t).getExtendsBound(), seen) || has(((WildcardType) t).getSuperBound(), seen);
            case TYPEVAR:
                TypeVariable v = (TypeVariable) t;
                return seen.add(v) && (has(v.getUpperBound(), seen) || has(v.getLowerBound(), seen));
            case INTERSECTION:
                for (TypeMirror b : ((javax.lang.model.type.IntersectionType) t).getBounds()) {
                    if (has(b, seen)) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }
}
