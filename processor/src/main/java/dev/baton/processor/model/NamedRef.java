package dev.baton.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A name given in an annotation ({@code @Guarded("lock")}) and what it resolves to: a
 * parameter of the method first, then a field of the class or of a superclass.
 *
 * @param name the name as written
 * @param target the parameter or field, or null if the name resolves to nothing
 * @param type the target's type as seen from the template (null when unresolved)
 * @param annotation the annotation that gave the name
 * @param value the annotation value holding the name, for diagnostics
 */
public record NamedRef(
        String name,
        VariableElement target,
        TypeMirror type,
        AnnotationMirror annotation,
        AnnotationValue value) {

    /** Whether the name resolved to a parameter of the method. */
    public boolean isParameter() {
        return target != null && target.getKind() == javax.lang.model.element.ElementKind.PARAMETER;
    }

    /** Whether the name resolved to a static field. */
    public boolean isStatic() {
        return target != null && target.getModifiers().contains(javax.lang.model.element.Modifier.STATIC);
    }
}
