package dev.baton.processor.validation;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The diagnostics found for one template class, collected rather than thrown (as Dagger's
 * {@code ValidationReport}): each is reported on the most specific place known, the
 * annotation value, else the annotation, else the element, or a tree of a method body.
 */
public final class Report {

    /** One diagnostic and where it belongs. */
    public record Entry(
            Diagnostic.Kind kind,
            String message,
            Element element,
            AnnotationMirror annotation,
            AnnotationValue value,
            Tree tree,
            CompilationUnitTree unit) {}

    private final List<Entry> entries = new ArrayList<>();

    /** An error on an element. */
    public void error(Tag tag, Element element, String message) {
        entries.add(new Entry(Diagnostic.Kind.ERROR, tag.format(message), element, null, null, null, null));
    }

    /** An error on an annotation of an element, or on one of its values when given. */
    public void error(Tag tag, Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        entries.add(new Entry(Diagnostic.Kind.ERROR, tag.format(message), element, annotation, value, null, null));
    }

    /** An error on a tree of a method body. */
    public void error(Tag tag, Element element, CompilationUnitTree unit, Tree tree, String message) {
        entries.add(new Entry(Diagnostic.Kind.ERROR, tag.format(message), element, null, null, tree, unit));
    }

    /** A warning on an element. */
    public void warning(Tag tag, Element element, String message) {
        entries.add(new Entry(Diagnostic.Kind.WARNING, tag.format(message), element, null, null, null, null));
    }

    /** Whether any error was found. */
    public boolean hasErrors() {
        return entries.stream().anyMatch(e -> e.kind() == Diagnostic.Kind.ERROR);
    }

    /** The entries so far, in the order found. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Prints every entry with the compiler's messager (or, for body trees, with Trees). */
    public void printTo(Messager messager, Trees trees) {
        for (Entry e : entries) {
            if (e.tree() != null && e.unit() != null) {
                trees.printMessage(e.kind(), e.message(), e.tree(), e.unit());
            } else if (e.value() != null) {
                messager.printMessage(e.kind(), e.message(), e.element(), e.annotation(), e.value());
            } else if (e.annotation() != null) {
                messager.printMessage(e.kind(), e.message(), e.element(), e.annotation());
            } else {
                messager.printMessage(e.kind(), e.message(), e.element());
            }
        }
    }
}
