package dev.baton.processor.validation;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;

/**
 * What a type name written in a compilation unit may stand for, read from the syntax alone
 * (the unit's package and imports), for checks that run before javac attributes the unit.
 * Loose on purpose: a name that a nested class or an inherited member type would shadow is
 * not followed.
 */
final class SourceNames {
    private SourceNames() {}

    /** The simple name a type is written with ({@code Foo} of {@code a.b.Foo<T>}), or null. */
    static String simpleName(Tree type) {
        if (type instanceof ParameterizedTypeTree p) {
            type = p.getType();
        }
        return type instanceof IdentifierTree id ? id.getName().toString()
                : type instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : null;
    }

    /**
     * The qualified names {@code type}, written in {@code unit}, may stand for: itself if
     * qualified; else the name in the unit's package, a single-type import of it, and the name
     * in each package imported on demand.
     */
    static List<String> candidates(CompilationUnitTree unit, Tree type) {
        if (type instanceof ParameterizedTypeTree p) {
            type = p.getType();
        }
        if (type instanceof MemberSelectTree) {
            return List.of(type.toString());
        }
        String name = simpleName(type);
        if (name == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        found.add(pkg.isEmpty() ? name : pkg + "." + name);
        for (ImportTree i : unit.getImports()) {
            if (!i.isStatic() && i.getQualifiedIdentifier() instanceof MemberSelectTree ms) {
                String last = ms.getIdentifier().toString();
                if (last.equals(name)) {
                    found.add(ms.toString());
                } else if (last.equals("*")) {
                    found.add(ms.getExpression() + "." + name);
                }
            }
        }
        return found;
    }
}
