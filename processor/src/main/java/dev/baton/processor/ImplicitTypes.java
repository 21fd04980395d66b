package dev.baton.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * Undoes what attributing a template during the round leaves behind in javac's trees.
 *
 * <p>Baton asks javac to attribute template classes while processing (to resolve names and
 * type spilled temporaries). Attribution writes the inferred type into every implicitly
 * typed variable (a lambda parameter without a type, a {@code var} local), and javac's
 * cleanup between rounds does not take it out; when the inferred type cannot be written in
 * source (a captured wildcard, an anonymous class) the final compilation then fails with
 * "cannot find symbol: class &lt;captured wildcard&gt;". This class records those variables
 * before the round and puts their type back to "implicit" after it.
 *
 * <p>The variable's type field, {@code JCVariableDecl.vartype}, is public in javac's tree
 * package, which module {@code jdk.compiler} exports to no one but its own tools; see
 * {@link JavacExports} for how Baton's module comes to read it (no {@code sun.misc.Unsafe},
 * no flag users must set). Where that fails, nothing is reset and the limitation stays.
 */
final class ImplicitTypes {
    private static final Writer WRITER = Writer.find();

    private final List<VariableTree> variables;

    private ImplicitTypes(List<VariableTree> variables) {
        this.variables = variables;
    }

    /** Records the implicitly typed variables of the compilation units of {@code roots}. */
    static ImplicitTypes capture(Trees trees, Set<? extends Element> roots) {
        if (trees == null || WRITER == null) {
            return new ImplicitTypes(List.of());
        }
        Set<CompilationUnitTree> units = Collections.newSetFromMap(new IdentityHashMap<>());
        List<VariableTree> found = new ArrayList<>();
        for (Element root : roots) {
            TreePath path = trees.getPath(root);
            if (path == null || !units.add(path.getCompilationUnit())) {
                continue;
            }
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitVariable(VariableTree variable, Void unused) {
                    if (variable.getType() == null) {
                        found.add(variable);
                    }
                    return super.visitVariable(variable, unused);
                }
            }.scan(path.getCompilationUnit(), null);
        }
        return new ImplicitTypes(found);
    }

    /** Makes every recorded variable implicitly typed again. */
    void restore() {
        for (VariableTree variable : variables) {
            if (variable.getType() != null) {
                WRITER.clearType(variable);
            }
        }
    }

    /** Writes null into javac's {@code JCVariableDecl.vartype}, a public field once the package is exported. */
    private static final class Writer {
        private final Field vartype;

        private Writer(Field vartype) {
            this.vartype = vartype;
        }

        static Writer find() {
            try {
                Class<?> declaration = Class.forName("com.sun.tools.javac.tree.JCTree$JCVariableDecl", false,
                        ImplicitTypes.class.getClassLoader());
                if (!JavacExports.treesTo(declaration.getModule(), ImplicitTypes.class.getModule())) {
                    return null;
                }
                return new Writer(declaration.getField("vartype"));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
                return null;
            }
        }

        void clearType(VariableTree variable) {
            if (vartype.getDeclaringClass().isInstance(variable)) {
                try {
                    vartype.set(variable, null);
                } catch (IllegalAccessException notExported) {
                    // find() checked the export; a javac that differs leaves the limitation
                }
            }
        }
    }
}
