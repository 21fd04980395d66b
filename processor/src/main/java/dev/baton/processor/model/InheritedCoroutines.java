package dev.baton.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The coroutine methods a template inherits from the templates it extends, and the shared
 * forms its generated class runs them with: {@code Baton_Base.greet$shared(self, who)}, which
 * {@code Baton_Base} offers for every coroutine body it could lower without needing
 * {@code this} to be a {@code Baton_Base} (found through javac's elements, so it works as well
 * when {@code Base} comes compiled from a jar).
 */
public final class InheritedCoroutines {
    /** The static factory that {@code Baton_X} generates for each shareable coroutine method. */
    public static final String SHARED_SUFFIX = "$shared";

    /**
     * One inherited coroutine method.
     *
     * @param method the method, as declared in the template it comes from
     * @param owner that template
     * @param asMember the method's type as a member of the inheriting template
     * @param generated the qualified name of the owner's generated class
     * @param generatedFound whether that class exists (it may be generated in this round)
     * @param shared whether it offers the method's shared form
     * @param workers {@code @Consumes(workers)}, 0 without {@code @Consumes}
     * @param queue the {@code @Consumes} queue's field as a member of the inheriting template,
     *     whose generated class starts the workers; null without {@code @Consumes}, or when the
     *     field is not a member there (private, or package-private in another package)
     */
    public record Inherited(ExecutableElement method, TypeElement owner, ExecutableType asMember, String generated,
            boolean generatedFound, boolean shared, int workers, VariableElement queue) {

        /** Whether the method is a {@code @Consumes} worker. */
        public boolean consumes() {
            return workers > 0;
        }
    }

    private InheritedCoroutines() {}

    /** The coroutine methods {@code type} inherits and does not override, in member order. */
    public static List<Inherited> of(TypeElement type, Elements elements, Types types) {
        List<Inherited> out = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (!(m.getEnclosingElement() instanceof TypeElement owner) || owner.equals(type)
                    || !Annotations.isCoroutine(m) || m.getModifiers().contains(Modifier.STATIC)
                    || m.getModifiers().contains(Modifier.PRIVATE)) {
                continue;
            }
            String generated = qualified(TemplateReader.packageOf(owner), TemplateReader.generatedName(owner));
            TypeElement g = elements.getTypeElement(generated);
            ExecutableType asMember = (ExecutableType) types.asMemberOf((DeclaredType) type.asType(), m);
            int workers = 0;
            VariableElement queue = null;
            AnnotationMirror consumes = Annotations.find(m, Annotations.CONSUMES);
            if (consumes != null) {
                AnnotationValue w = Annotations.explicitValue(consumes, "workers");
                workers = w == null ? 1 : (Integer) w.getValue();
                AnnotationValue name = Annotations.explicitValue(consumes, "value");
                for (VariableElement f : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
                    if (name != null && f.getSimpleName().contentEquals(String.valueOf(name.getValue()))) {
                        queue = f;
                    }
                }
            }
            out.add(new Inherited(m, owner, asMember, generated, g != null, g != null && hasFactory(g, m, owner, types),
                    workers, queue));
        }
        return out;
    }

    /** Whether {@code generated} declares {@code static name$shared(Owner self, params...)}. */
    private static boolean hasFactory(TypeElement generated, ExecutableElement m, TypeElement owner, Types types) {
        String name = m.getSimpleName() + SHARED_SUFFIX;
        for (ExecutableElement f : ElementFilter.methodsIn(generated.getEnclosedElements())) {
            if (!f.getSimpleName().contentEquals(name) || !f.getModifiers().contains(Modifier.STATIC)
                    || f.getParameters().size() != m.getParameters().size() + 1) {
                continue;
            }
            boolean same = sameErasure(types, f.getParameters().get(0).asType(), owner.asType());
            for (int i = 0; same && i < m.getParameters().size(); i++) {
                VariableElement p = m.getParameters().get(i);
                same = sameErasure(types, f.getParameters().get(i + 1).asType(), p.asType());
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameErasure(Types types, TypeMirror a, TypeMirror b) {
        return types.isSameType(types.erasure(a), types.erasure(b));
    }

    private static String qualified(String packageName, String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
}
