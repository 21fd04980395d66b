package dev.baton.processor.model;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
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
                if (tree instanceof com.sun.source.tree.IdentifierTree && inBody(getCurrentPath())) {
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
     * letter). A misspelt variable or method ({@code cuont}) no later round can supply.
     */
    public static boolean typeNameInBody(Trees trees, TreePath method) {
        boolean[] found = {false};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (found[0] || tree == null) {
                    return null;
                }
                String name = tree instanceof com.sun.source.tree.IdentifierTree id ? id.getName().toString()
                        : tree instanceof com.sun.source.tree.MemberSelectTree ms ? ms.getIdentifier().toString()
                        : null;
                if (name != null && !name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
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
