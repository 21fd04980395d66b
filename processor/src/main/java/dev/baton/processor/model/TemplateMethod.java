package dev.baton.processor.model;

import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * An annotated method of a template, read into plain data.
 *
 * @param element the method
 * @param tree its source tree (null when the source is not available)
 * @param path the tree's path in its compilation unit
 * @param resultType {@code T} of the returned {@code Coroutine<T>}, or null when the return
 *     type is wrong
 * @param guards the {@code @Guarded} names in order (outermost first)
 * @param event the {@code @AwaitsEvent} name, or null
 * @param consumes the {@code @Consumes} name, or null
 * @param workers {@code @Consumes(workers)}, 0 without {@code @Consumes}
 */
public record TemplateMethod(
        ExecutableElement element,
        MethodTree tree,
        TreePath path,
        TypeMirror resultType,
        List<NamedRef> guards,
        NamedRef event,
        NamedRef consumes,
        int workers) {

    /** The method's simple name. */
    public String name() {
        return element.getSimpleName().toString();
    }
}
