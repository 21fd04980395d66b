package dev.baton.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Baton's annotation names and small helpers to read them from mirrors. */
public final class Annotations {
    public static final String ASYNC = "dev.baton.Async";
    public static final String GUARDED = "dev.baton.Guarded";
    public static final String GUARDED_LIST = "dev.baton.Guarded.List";
    public static final String AWAITS_EVENT = "dev.baton.AwaitsEvent";
    public static final String CONSUMES = "dev.baton.Consumes";

    /** Every annotation that makes a method a coroutine. */
    public static final List<String> ALL = List.of(ASYNC, GUARDED, GUARDED_LIST, AWAITS_EVENT, CONSUMES);

    private Annotations() {}

    /** The mirror of the annotation {@code name} on {@code element}, or null. */
    public static AnnotationMirror find(Element element, String name) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
                return m;
            }
        }
        return null;
    }

    /** Whether {@code element} carries any of Baton's method annotations. */
    public static boolean isCoroutine(Element element) {
        for (String name : ALL) {
            if (find(element, name) != null) {
                return true;
            }
        }
        return false;
    }

    /** The value of {@code attribute} as written (not defaulted), or null. */
    public static AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(attribute)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The {@code @Guarded} mirrors on a method, in source order, repeated or single. */
    public static List<AnnotationMirror> guards(Element method) {
        List<AnnotationMirror> out = new ArrayList<>();
        for (AnnotationMirror m : method.getAnnotationMirrors()) {
            String n = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
            if (n.equals(GUARDED)) {
                out.add(m);
            } else if (n.equals(GUARDED_LIST)) {
                AnnotationValue v = explicitValue(m, "value");
                if (v != null && v.getValue() instanceof List<?> list) {
                    for (Object o : list) {
                        out.add((AnnotationMirror) ((AnnotationValue) o).getValue());
                    }
                }
            }
        }
        return out;
    }
}
