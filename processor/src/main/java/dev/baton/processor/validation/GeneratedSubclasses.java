package dev.baton.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.baton.processor.diagnostics.Report;
import dev.baton.processor.diagnostics.Tag;
import dev.baton.processor.model.TemplateClass;
import javax.lang.model.util.Elements;

/**
 * A class in a template's own file that extends a {@code Baton_} class not generated yet, such
 * as {@code new Baton_Greeter() { @Override ... }} in {@code Greeter.java}. Baton must have
 * javac attribute the template's file to generate {@code Baton_Greeter}, and javac then checks
 * the subclass against a supertype that does not exist yet: its {@code @Override} fails with
 * "method does not override or implement a method from a supertype", an error that stops the
 * compilation before {@code Baton_Greeter} can be written. Found by syntax, before anything is
 * attributed, and reported with the way out: the subclass in a file of its own. Every template's
 * file is attributed before any {@code Baton_} class exists, so a subclass of another template's
 * {@code Baton_} class there is the same error; a {@code Baton_} class that exists already (say
 * imported from a library) is none.
 */
public final class GeneratedSubclasses {
    private static final String PREFIX = "Baton_";

    private GeneratedSubclasses() {}

    /** Reports each such subclass in the template's file; returns whether there was one. */
    public static boolean check(Elements elements, TemplateClass template, Report report) {
        CompilationUnitTree unit = template.unit();
        if (unit == null) {
            return false;
        }
        int before = report.errorCount();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitNewClass(NewClassTree n, Void unused) {
                if (n.getClassBody() != null) {
                    check(n, n.getIdentifier(), "this anonymous class");
                }
                return super.visitNewClass(n, unused);
            }

            @Override
            public Void visitClass(ClassTree c, Void unused) {
                if (c.getExtendsClause() != null && !c.getSimpleName().isEmpty()) {
                    check(c, c.getExtendsClause(), "class " + c.getSimpleName());
                }
                return super.visitClass(c, unused);
            }

            private void check(Tree at, Tree supertype, String what) {
                String name = SourceNames.simpleName(supertype);
                if (name == null || !name.startsWith(PREFIX) || SourceNames.candidates(unit, supertype).stream()
                        .anyMatch(q -> elements.getTypeElement(q) != null)) {
                    return;
                }
                String file = template.element().getSimpleName() + ".java";
                String message = name.equals(template.generatedName())
                        ? what + " extends " + name + ", which Baton generates from " + file + " itself: javac checks"
                                + " this file before " + name + " exists, so it cannot tell what the subclass"
                                + " overrides; declare the subclass in a file of its own"
                        // another template's, or a misspelt name: either way, not in a template's file
                        : what + " extends " + name + ", which does not exist yet while javac checks " + file + ", a"
                                + " template's file, so it cannot tell what the subclass overrides; if Baton"
                                + " generates " + name + ", declare the subclass in a file that declares no template";
                report.error(Tag.BatonGeneratedSubclass, template.element(), unit, at, message);
            }
        }.scan(unit, null);
        return report.errorCount() > before;
    }
}
