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
 * <p>The variable's type field is not public API; it is reset through
 * {@code sun.misc.Unsafe} (module jdk.unsupported), as javac's module does not open its tree
 * package. Where that is unavailable, nothing is reset and the limitation stays.
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

    /** Writes null into javac's {@code JCVariableDecl.vartype}. */
    private static final class Writer {
        private final sun.misc.Unsafe unsafe;
        private final Class<?> declaration;
        private final long offset;

        private Writer(sun.misc.Unsafe unsafe, Class<?> declaration, long offset) {
            this.unsafe = unsafe;
            this.declaration = declaration;
            this.offset = offset;
        }

        @SuppressWarnings({"deprecation", "removal"})
        static Writer find() {
            try {
                Class<?> declaration = Class.forName("com.sun.tools.javac.tree.JCTree$JCVariableDecl",
                        false, ImplicitTypes.class.getClassLoader());
                Field vartype = declaration.getDeclaredField("vartype");
                Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
                return new Writer(unsafe, declaration, unsafe.objectFieldOffset(vartype));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
                return null;
            }
        }

        @SuppressWarnings({"deprecation", "removal"})
        void clearType(VariableTree variable) {
            if (declaration.isInstance(variable)) {
                unsafe.putObject(variable, offset, null);
            }
        }
    }
}
