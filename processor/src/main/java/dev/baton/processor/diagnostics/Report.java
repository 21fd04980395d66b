package dev.baton.processor.diagnostics;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
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
    private int printed;

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

    /** A warning on a tree of a compilation unit. */
    public void warning(Tag tag, Element element, CompilationUnitTree unit, Tree tree, String message) {
        entries.add(new Entry(Diagnostic.Kind.WARNING, tag.format(message), element, null, null, tree, unit));
    }

    /** Whether any error was found. */
    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** How many errors were found so far: compare before and after a check to see whether it failed. */
    public int errorCount() {
        return (int) entries.stream().filter(e -> e.kind() == Diagnostic.Kind.ERROR).count();
    }

    /** The entries so far, in the order found. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Prints every entry with the compiler's messager (or, for body trees, with Trees), once each. */
    public void printTo(Messager messager, Trees trees) {
        for (; printed < entries.size(); printed++) {
            Entry e = entries.get(printed);
            if (e.tree() != null && e.unit() != null && trees != null) {
                trees.printMessage(e.kind(), e.message(), e.tree(), e.unit());
            } else if (e.annotation() != null && trees != null && locate(trees, e) != null) {
                TreePath at = locate(trees, e);
                trees.printMessage(e.kind(), e.message(), at.getLeaf(), at.getCompilationUnit());
            } else if (e.value() != null) {
                messager.printMessage(e.kind(), e.message(), e.element(), e.annotation(), e.value());
            } else if (e.annotation() != null) {
                messager.printMessage(e.kind(), e.message(), e.element(), e.annotation());
            } else {
                messager.printMessage(e.kind(), e.message(), e.element());
            }
        }
    }

    /**
     * The tree of an entry's annotation value (else annotation), found through javac, or
     * syntactically for an annotation inside a container ({@code @Guarded} repeated), which
     * javac's messager cannot place; null if neither finds it.
     */
    private static TreePath locate(Trees trees, Entry e) {
        TreePath found = e.value() != null ? trees.getPath(e.element(), e.annotation(), e.value())
                : trees.getPath(e.element(), e.annotation());
        // javac answers with the element's own tree when it cannot place a nested annotation
        if (found != null && (found.getLeaf() instanceof AnnotationTree || found.getLeaf() instanceof ExpressionTree)) {
            return found;
        }
        TreePath owner = trees.getPath(e.element());
        if (owner == null) {
            return null;
        }
        ModifiersTree modifiers = owner.getLeaf() instanceof MethodTree m ? m.getModifiers()
                : owner.getLeaf() instanceof ClassTree c ? c.getModifiers() : null;
        if (modifiers == null) {
            return null;
        }
        Element type = e.annotation().getAnnotationType().asElement();
        List<AnnotationMirror> same = new ArrayList<>();
        for (AnnotationMirror m : e.element().getAnnotationMirrors()) {
            if (m.getAnnotationType().asElement().equals(type)) {
                same.add(m);
            }
            for (AnnotationValue v : m.getElementValues().values()) {
                if (v.getValue() instanceof List<?> list) {
                    for (Object o : list) {
                        if (o instanceof AnnotationValue av && av.getValue() instanceof AnnotationMirror nested
                                && nested.getAnnotationType().asElement().equals(type)) {
                            same.add(nested);
                        }
                    }
                }
            }
        }
        int index = -1;
        for (int i = 0; i < same.size(); i++) {
            if (same.get(i) == e.annotation()) {
                index = i;
            }
        }
        List<AnnotationTree> trees0 = new ArrayList<>();
        for (AnnotationTree a : modifiers.getAnnotations()) {
            Tree t = a.getAnnotationType();
            String name = t instanceof IdentifierTree id ? id.getName().toString()
                    : t instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : "";
            if (name.equals(type.getSimpleName().toString())) {
                trees0.add(a);
            }
        }
        if (index < 0 || trees0.size() != same.size()) {
            return null;
        }
        AnnotationTree annotation = trees0.get(index);
        TreePath annotationPath = new TreePath(new TreePath(owner, modifiers), annotation);
        if (e.value() == null) {
            return annotationPath;
        }
        String attribute = null;
        for (var v : e.annotation().getElementValues().entrySet()) {
            if (v.getValue() == e.value()) {
                attribute = v.getKey().getSimpleName().toString();
            }
        }
        for (ExpressionTree arg : annotation.getArguments()) {
            if (arg instanceof AssignmentTree a && a.getVariable() instanceof IdentifierTree id
                    && id.getName().contentEquals(String.valueOf(attribute))) {
                return new TreePath(new TreePath(annotationPath, a), a.getExpression());
            }
            if (!(arg instanceof AssignmentTree) && "value".equals(attribute)) {
                return new TreePath(annotationPath, arg);
            }
        }
        return annotationPath;
    }
}
