package dev.baton.processor.validation;

import dev.baton.processor.model.Annotations;
import dev.baton.processor.model.NamedRef;
import dev.baton.processor.model.TemplateClass;
import dev.baton.processor.model.TemplateMethod;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The template rules of DESIGN.md that concern the class, its annotated methods and their
 * annotations. Every violation is added to the {@link Report}; nothing is thrown.
 */
public final class TemplateValidator {
    static final String GUARD = "dev.baton.runtime.Guard";
    static final String EVENT = "dev.baton.runtime.Event";
    static final String QUEUE = "dev.baton.runtime.Queue";

    private final Elements elements;
    private final Types types;

    public TemplateValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** Checks {@code template}, adding what is wrong to {@code report}. */
    public void validate(TemplateClass template, List<String> candidates, Report report) {
        validateClass(template, report);
        for (TemplateMethod m : template.methods()) {
            validateMethod(template, m, report);
        }
    }

    private void validateClass(TemplateClass template, Report report) {
        TypeElement type = template.element();
        String name = type.getSimpleName().toString();
        if (type.getKind() != ElementKind.CLASS) {
            report.error(Tag.BatonTemplateClass, type, name + " is " + describeKind(type)
                    + ": coroutine methods belong to a class that Baton can subclass");
            return;
        }
        if (type.getModifiers().contains(Modifier.FINAL)) {
            report.error(Tag.BatonTemplateClass, type, "class " + name
                    + " is final: Baton generates " + template.generatedName() + " as a subclass; remove 'final'");
        }
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                report.error(Tag.BatonTemplateClass, type, "class " + t.getSimpleName()
                        + " is private: " + template.generatedName() + " is generated beside it in the package"
                        + " and cannot extend it; make it package-private");
                break;
            }
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                && type.getEnclosingElement().getKind() == ElementKind.CLASS) {
            report.error(Tag.BatonTemplateClass, type, "class " + name
                    + " is an inner (non-static) class: declare it 'static' so that "
                    + template.generatedName() + " can extend it");
        }
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            report.error(Tag.BatonTemplateClass, type, "coroutine methods must be declared in a top-level or"
                    + " static nested class, not in a local or anonymous class");
        }
        if (template.constructors().isEmpty()) {
            report.error(Tag.BatonTemplateClass, type, "class " + name + " has no constructor that "
                    + template.generatedName() + " can call: add a non-private constructor");
        }
    }

    private static String describeKind(TypeElement type) {
        return switch (type.getKind()) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "not a class";
        };
    }

    private void validateMethod(TemplateClass template, TemplateMethod m, Report report) {
        String sig = m.name() + "()";
        for (Modifier bad : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL, Modifier.SYNCHRONIZED,
                Modifier.ABSTRACT, Modifier.NATIVE)) {
            if (m.element().getModifiers().contains(bad)) {
                String fix = switch (bad) {
                    case PRIVATE -> "make it package-private, protected or public";
                    case STATIC -> "make it an instance method";
                    case SYNCHRONIZED -> "coroutines run on one loop thread; use a Lock with @Guarded instead";
                    case ABSTRACT, NATIVE -> "give it a body: the body is what Baton compiles";
                    default -> "remove '" + bad + "'";
                };
                report.error(Tag.BatonMethodModifiers, m.element(), "coroutine method " + sig + " is "
                        + bad + ": " + template.generatedName() + " overrides it with a state machine; " + fix);
            }
        }
        if (m.resultType() == null) {
            report.error(Tag.BatonReturnType, m.element(), "coroutine method " + sig + " returns "
                    + m.element().getReturnType() + ": it must return dev.baton.runtime.Coroutine<T>"
                    + " (end it with 'return done(value);' or 'return done();')");
        }
        for (NamedRef g : m.guards()) {
            checkRef(template, m, g, "@Guarded", GUARD, Tag.BatonGuardType,
                    "a Guard (Lock, Semaphore, BoundedSemaphore or Condition)", report);
        }
        if (m.event() != null) {
            checkRef(template, m, m.event(), "@AwaitsEvent", EVENT, Tag.BatonEventType, "an Event", report);
        }
        if (m.consumes() != null) {
            checkConsumes(template, m, report);
        }
    }

    private void checkRef(TemplateClass template, TemplateMethod m, NamedRef ref, String annotation,
            String requiredType, Tag typeTag, String what, Report report) {
        AnnotationMirror a = ref.annotation();
        AnnotationValue v = ref.value();
        String written = annotation + "(\"" + ref.name() + "\")";
        if (ref.target() == null) {
            String suggestion = Suggestions.closest(ref.name(), candidates(template, m));
            report.error(Tag.BatonUnknownName, m.element(), a, v, written + ": no parameter or field '" + ref.name()
                    + "' in " + template.element().getSimpleName() + "." + m.name() + "()"
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
            return;
        }
        VariableElement target = ref.target();
        if (target.getKind() == ElementKind.FIELD && target.getModifiers().contains(Modifier.PRIVATE)) {
            report.error(Tag.BatonInaccessible, m.element(), a, v, written + ": field '" + ref.name()
                    + "' is private, so " + template.generatedName() + " cannot reach it; make it package-private");
            return;
        }
        TypeElement required = elements.getTypeElement(requiredType);
        if (required == null) {
            report.error(typeTag, m.element(), a, v, written + ": " + requiredType
                    + " is not on the class path; add baton-runtime to the dependencies");
            return;
        }
        if (!types.isAssignable(ref.type(), types.erasure(required.asType()))) {
            report.error(typeTag, m.element(), a, v, written + ": " + ref.name() + " is "
                    + (ref.type().getKind() == TypeKind.DECLARED ? "a " : "") + simple(ref.type()) + ", not " + what);
        }
    }

    private void checkConsumes(TemplateClass template, TemplateMethod m, Report report) {
        NamedRef ref = m.consumes();
        checkRef(template, m, ref, "@Consumes", QUEUE, Tag.BatonConsumesType, "a Queue", report);
        if (m.workers() < 1) {
            report.error(Tag.BatonConsumesType, m.element(), ref.annotation(),
                    dev.baton.processor.model.Annotations.explicitValue(ref.annotation(), "workers"),
                    "@Consumes(workers = " + m.workers() + "): at least one worker is needed");
        }
        if (m.element().getParameters().size() != 1) {
            report.error(Tag.BatonConsumesType, m.element(), ref.annotation(), null,
                    "@Consumes method " + m.name() + "() must take exactly one parameter, the item; it takes "
                            + m.element().getParameters().size());
            return;
        }
        TypeElement queue = elements.getTypeElement(QUEUE);
        if (ref.type() == null || queue == null || !types.isAssignable(ref.type(), types.erasure(queue.asType()))) {
            return;
        }
        TypeMirror element = queueElementType(ref.type(), queue);
        TypeMirror param = m.element().getParameters().get(0).asType();
        if (element != null && !types.isAssignable(element, param)) {
            report.error(Tag.BatonConsumesType, m.element(), ref.annotation(), ref.value(),
                    "@Consumes(\"" + ref.name() + "\"): the queue holds " + simple(element)
                            + ", which cannot be assigned to the parameter " + simple(param) + " "
                            + m.element().getParameters().get(0).getSimpleName());
        }
    }

    /** E of the Queue<E> that {@code type} is or extends, or null if raw/unknown. */
    public TypeMirror queueElementType(TypeMirror type, TypeElement queue) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType d = (DeclaredType) type;
        if (d.asElement().equals(queue)) {
            return d.getTypeArguments().isEmpty() ? null : d.getTypeArguments().get(0);
        }
        for (TypeMirror s : types.directSupertypes(type)) {
            TypeMirror e = queueElementType(s, queue);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private List<String> candidates(TemplateClass template, TemplateMethod m) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (VariableElement p : m.element().getParameters()) {
            out.add(p.getSimpleName().toString());
        }
        for (VariableElement f : javax.lang.model.util.ElementFilter.fieldsIn(elements.getAllMembers(template.element()))) {
            out.add(f.getSimpleName().toString());
        }
        return out;
    }

    static String simple(TypeMirror t) {
        return t.toString().replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }

    /** Whether the element is one of Baton's coroutine methods. */
    static boolean isCoroutine(Element e) {
        return Annotations.isCoroutine(e);
    }
}
