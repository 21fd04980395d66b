package dev.baton.processor.validation;

import static dev.baton.processor.model.RuntimeNames.CONDITION;
import static dev.baton.processor.model.RuntimeNames.EVENT;
import static dev.baton.processor.model.RuntimeNames.GUARD;
import static dev.baton.processor.model.RuntimeNames.LOCK;
import static dev.baton.processor.model.RuntimeNames.QUEUE;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreeScanner;
import dev.baton.processor.diagnostics.Report;
import dev.baton.processor.diagnostics.Tag;
import dev.baton.processor.model.Annotations;
import dev.baton.processor.model.NamedRef;
import dev.baton.processor.model.RuntimeNames;
import dev.baton.processor.model.TemplateClass;
import dev.baton.processor.model.TemplateMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The template rules (docs/design.md) that concern the class, its annotated methods and their
 * annotations. Every violation is added to the {@link Report}, on the most specific place
 * known (the annotation value, else the annotation, else the element); nothing is thrown.
 *
 * <p>Rules and their tags:
 * <ul>
 *   <li>{@link Tag#BatonTemplateClass}: a class (not an interface, enum or record), top-level
 *       or static nested, neither final nor private (nor inside a private class), with a
 *       constructor the subclass can call;
 *   <li>{@link Tag#BatonMethodModifiers}: annotated methods are not private, static, final,
 *       synchronized, abstract or native;
 *   <li>{@link Tag#BatonReturnType}: they return {@code Coroutine<T>} (not raw);
 *   <li>{@link Tag#BatonUnknownName} and {@link Tag#BatonInaccessible}: a name resolves to a
 *       parameter, else a field of the class or a superclass that {@code Baton_X} can reach;
 *   <li>{@link Tag#BatonGuardType}, {@link Tag#BatonEventType}, {@link Tag#BatonConsumesType}:
 *       its type is a Guard, an Event, a Queue field;
 *   <li>{@link Tag#BatonGuardTwice}: no Lock or Condition is guarded twice (not reentrant);
 *   <li>{@link Tag#BatonConsumesItem}, {@link Tag#BatonConsumesWorkers}: a {@code @Consumes}
 *       method takes one parameter the queue's items fit, and has at least one worker.
 * </ul>
 */
public final class TemplateValidator {
    private static final String START_CONSUMERS = "startConsumers";

    private static final String GUARD_TYPES = "a Guard (Lock, Semaphore, BoundedSemaphore or Condition)";
    private static final String EVENT_TYPES = "an Event";
    private static final String QUEUE_TYPES = "a Queue (Queue, LifoQueue, PriorityQueue or a subclass)";

    private final Elements elements;
    private final Types types;

    public TemplateValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * {@link Tag#BatonConsumers}: a template with {@code @Consumes} methods whose file calls
     * {@code startConsumers()} must implement {@code Consumers}, which declares it; else only
     * {@code Baton_X} has the method and javac's "cannot find symbol" gives no hint.
     */
    public void validateConsumers(TemplateClass template, Report report) {
        TypeElement type = template.element();
        TypeElement consumers = elements.getTypeElement(RuntimeNames.CONSUMERS);
        if (template.unit() == null || consumers == null
                || template.methods().stream().noneMatch(m -> m.consumes() != null)
                || types.isSubtype(types.erasure(type.asType()), types.erasure(consumers.asType()))) {
            return;
        }
        for (ExecutableElement e : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (e.getSimpleName().contentEquals(START_CONSUMERS)) {
                return;
            }
        }
        boolean[] called = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree mi, Void unused) {
                // startConsumers() or this.startConsumers(): a call on the template itself
                ExpressionTree s = mi.getMethodSelect();
                String name = s instanceof IdentifierTree id ? id.getName().toString()
                        : s instanceof MemberSelectTree ms && isThis(ms.getExpression())
                                ? ms.getIdentifier().toString() : "";
                called[0] |= name.equals(START_CONSUMERS) && mi.getArguments().isEmpty();
                return super.visitMethodInvocation(mi, unused);
            }
        }.scan(template.unit(), null);
        if (called[0]) {
            String name = type.getSimpleName().toString();
            report.error(Tag.BatonConsumers, type, name + " has @Consumes methods and calls startConsumers(), which"
                    + " only " + template.generatedName() + " has, as " + name + " does not implement Consumers;"
                    + " declare 'abstract class " + name + " implements Consumers' (" + RuntimeNames.CONSUMERS + ")");
        }
    }

    private static boolean isThis(ExpressionTree e) {
        return e instanceof IdentifierTree id ? id.getName().contentEquals("this")
                : e instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("this");
    }

    /**
     * Checks the class itself; returns false when it is no class at all (an interface, enum,
     * record), so that its methods are not judged as a class's would be.
     */
    public boolean validateClass(TemplateClass template, Report report) {
        TypeElement type = template.element();
        String name = type.getSimpleName().toString();
        String generated = template.generatedName();
        if (type.getKind() != ElementKind.CLASS) {
            report.error(Tag.BatonTemplateClass, type, name + " is " + describeKind(type) + ": Baton generates "
                    + generated + " as a subclass, so coroutine methods belong to a class; move them into an"
                    + " (abstract) class");
            return false;
        }
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            report.error(Tag.BatonTemplateClass, type, "coroutine methods must be declared in a top-level or static"
                    + " nested class, not in a local or anonymous class: Baton generates its subclass as a"
                    + " top-level class of the package");
            return true;
        }
        TemplateReadiness.Lacks lacks = TemplateReadiness.Lacks.of(type);
        if (lacks.isFinal()) {
            report.error(Tag.BatonTemplateClass, type, "class " + name + " is final: Baton generates " + generated
                    + " as a subclass; remove 'final' (and consider 'abstract', so that nobody instantiates the"
                    + " template by mistake)");
        }
        TypeElement hidden = lacks.privateClass();
        if (hidden != null) {
            report.error(Tag.BatonTemplateClass, type, "class " + hidden.getSimpleName() + " is private: "
                    + generated + " is generated beside " + (hidden == type ? "it" : name) + " in the package and"
                    + " cannot extend it; make " + hidden.getSimpleName() + " package-private");
        }
        if (lacks.inner()) {
            report.error(Tag.BatonTemplateClass, type, "class " + name + " is an inner (non-static) class: "
                    + generated + " is a top-level class and has no enclosing instance to give it; declare it"
                    + " 'static class " + name + "'");
        }
        if (lacks.noConstructor()) {
            report.error(Tag.BatonTemplateClass, type, "class " + name + " has no constructor that " + generated
                    + " can call (all are private): add a package-private, protected or public constructor");
        }
        return true;
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

    /** Checks one annotated method: modifiers, return type, and the names of its annotations. */
    public void validateMethod(TemplateClass template, TemplateMethod m, Report report) {
        String sig = m.name() + "()";
        for (Modifier bad : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL, Modifier.SYNCHRONIZED,
                Modifier.ABSTRACT, Modifier.NATIVE)) {
            if (m.element().getModifiers().contains(bad)) {
                String fix = switch (bad) {
                    case PRIVATE -> "make it package-private, protected or public";
                    case STATIC -> "make it an instance method (remove 'static')";
                    case FINAL -> "remove 'final'";
                    case SYNCHRONIZED -> "coroutines run on one loop thread and a monitor cannot be held across an"
                            + " await; remove 'synchronized' and use a Lock with @Guarded instead";
                    default -> "give it a body ending with 'return done(...);': the body is what Baton compiles";
                };
                report.error(Tag.BatonMethodModifiers, m.element(), "coroutine method " + sig + " is " + bad + ": "
                        + template.generatedName() + " overrides it with a state machine; " + fix);
            }
        }
        checkReturnType(m, sig, report);
        List<NamedRef> guards = m.guards();
        for (int i = 0; i < guards.size(); i++) {
            NamedRef g = guards.get(i);
            if (checkRef(template, m, g, "@Guarded", GUARD, Tag.BatonGuardType, GUARD_TYPES, report)) {
                checkGuardedTwice(template, m, guards, i, report);
            }
        }
        if (m.event() != null) {
            checkRef(template, m, m.event(), "@AwaitsEvent", EVENT, Tag.BatonEventType, EVENT_TYPES, report);
        }
        if (m.consumes() != null) {
            checkConsumes(template, m, report);
        }
    }

    private void checkReturnType(TemplateMethod m, String sig, Report report) {
        TypeMirror r = m.element().getReturnType();
        if (r.getKind() == TypeKind.ERROR) {
            return; // javac reports the unknown type itself
        }
        String fix = ": it must return " + RuntimeNames.COROUTINE + "<T> (and end with 'return done(value);' or"
                + " 'return done();')";
        if (m.resultType() == null) {
            report.error(Tag.BatonReturnType, m.element(), "coroutine method " + sig + " returns " + r + fix);
        } else if (r instanceof DeclaredType d && d.getTypeArguments().isEmpty()) {
            report.error(Tag.BatonReturnType, m.element(), "coroutine method " + sig + " returns the raw type "
                    + r + fix + "; give it its type argument, e.g. Coroutine<Void>");
        }
    }

    /**
     * Checks the name of an annotation: that it resolves, is reachable from {@code Baton_X} and
     * has the required type. Returns whether all was well.
     */
    private boolean checkRef(TemplateClass template, TemplateMethod m, NamedRef ref, String annotation,
            String requiredType, Tag typeTag, String what, Report report) {
        AnnotationMirror a = ref.annotation();
        AnnotationValue v = ref.value();
        String written = annotation + "(\"" + ref.name() + "\")";
        TypeElement required = elements.getTypeElement(requiredType);
        if (ref.target() == null) {
            report.error(Tag.BatonUnknownName, m.element(), a, v, written + ": no parameter or field '" + ref.name()
                    + "' in " + template.element().getSimpleName() + "." + m.name() + "()"
                    + suggestion(template, m, ref.name(), required, what));
            return false;
        }
        VariableElement target = ref.target();
        if (target.getKind() == ElementKind.FIELD) {
            String why = unreachable(template, target);
            if (why != null) {
                report.error(Tag.BatonInaccessible, m.element(), a, v, written + ": field '" + ref.name() + "' of "
                        + target.getEnclosingElement().getSimpleName() + " is " + why + ", so "
                        + template.generatedName() + ", which extends " + template.element().getSimpleName()
                        + " in package " + packageName(template) + ", cannot reach it; make it protected or"
                        + " package-private");
                return false;
            }
        }
        if (required == null) {
            report.error(typeTag, m.element(), a, v, written + ": " + requiredType
                    + " is not on the class path; add baton-runtime to the dependencies");
            return false;
        }
        if (ref.type().getKind() == TypeKind.ERROR) {
            return false; // javac reports the unknown type itself
        }
        if (!types.isAssignable(ref.type(), types.erasure(required.asType()))) {
            String kind = target.getKind() == ElementKind.PARAMETER ? "parameter" : "field";
            report.error(typeTag, m.element(), a, v, written + ": " + kind + " '" + ref.name() + "' is "
                    + article(ref.type()) + simple(ref.type()) + ", not " + what + "; change its type"
                    + fitting(template, m, required, ", or name one that is: ", ""));
            return false;
        }
        return true;
    }

    /** Why Baton_X cannot reach the field, or null if it can. */
    private String unreachable(TemplateClass template, VariableElement field) {
        if (field.getModifiers().contains(Modifier.PRIVATE)) {
            return "private";
        }
        if (!field.getModifiers().contains(Modifier.PUBLIC) && !field.getModifiers().contains(Modifier.PROTECTED)
                && !Objects.equals(elements.getPackageOf(field), elements.getPackageOf(template.element()))) {
            return "package-private in package " + elements.getPackageOf(field).getQualifiedName();
        }
        return null;
    }

    private static String packageName(TemplateClass template) {
        return template.packageName().isEmpty() ? "(the unnamed package)" : template.packageName();
    }

    /** {@code @Guarded("lock") @Guarded("lock")}: a Lock or Condition is not reentrant, so the second acquire deadlocks. */
    private void checkGuardedTwice(TemplateClass template, TemplateMethod m, List<NamedRef> guards, int i,
            Report report) {
        NamedRef g = guards.get(i);
        for (int j = 0; j < i; j++) {
            if (!guards.get(j).name().equals(g.name())) {
                continue;
            }
            String kind = isA(g.type(), LOCK) ? "a Lock" : isA(g.type(), CONDITION) ? "a Condition" : null;
            if (kind != null) {
                report.error(Tag.BatonGuardTwice, m.element(), g.annotation(), g.value(), "@Guarded(\"" + g.name()
                        + "\") twice on " + m.name() + "(): '" + g.name() + "' is " + kind + ", which is not"
                        + " reentrant, so the second acquire would wait for the first forever; remove one"
                        + " (a Semaphore may be named twice: it takes two permits)");
            }
            return;
        }
    }

    private boolean isA(TypeMirror type, String name) {
        TypeElement e = elements.getTypeElement(name);
        return e != null && type != null && types.isAssignable(type, types.erasure(e.asType()));
    }

    private void checkConsumes(TemplateClass template, TemplateMethod m, Report report) {
        NamedRef ref = m.consumes();
        AnnotationValue workers = Annotations.explicitValue(ref.annotation(), "workers");
        if (m.workers() < 1) {
            report.error(Tag.BatonConsumesWorkers, m.element(), ref.annotation(), workers, "@Consumes(workers = "
                    + m.workers() + "): startConsumers() spawns that many worker tasks, so at least one is needed;"
                    + " use workers = 1 or more");
        }
        int count = m.element().getParameters().size();
        if (count != 1) {
            report.error(Tag.BatonConsumesItem, m.element(), "@Consumes method " + m.name() + "() must take exactly"
                    + " one parameter, the item each worker got from the queue; it takes " + count
                    + (count == 0 ? ": add one, e.g. '" + m.name() + "(String item)'" : ""));
        }
        if (ref.isParameter()) {
            report.error(Tag.BatonConsumesType, m.element(), ref.annotation(), ref.value(), "@Consumes(\""
                    + ref.name() + "\"): '" + ref.name() + "' is the method's parameter, the item; @Consumes names"
                    + " the field holding the queue" + fitting(template, null, elements.getTypeElement(QUEUE),
                            " (", ")"));
            return;
        }
        if (!checkRef(template, m, ref, "@Consumes", QUEUE, Tag.BatonConsumesType, QUEUE_TYPES, report)) {
            return;
        }
        TypeElement queue = elements.getTypeElement(QUEUE);
        TypeMirror element = queueElementType(ref.type(), queue);
        if (element == null) {
            report.error(Tag.BatonConsumesType, m.element(), ref.annotation(), ref.value(), "@Consumes(\""
                    + ref.name() + "\"): field '" + ref.name() + "' has the raw type " + simple(ref.type())
                    + "; give it its element type, e.g. Queue<String>, so that Baton can check the item parameter");
            return;
        }
        if (count != 1) {
            return;
        }
        VariableElement param = m.element().getParameters().get(0);
        if (element.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((WildcardType) element).getExtendsBound();
            element = bound != null ? bound : elements.getTypeElement("java.lang.Object").asType();
        }
        if (!types.isAssignable(element, param.asType())) {
            report.error(Tag.BatonConsumesItem, param, "@Consumes(\"" + ref.name() + "\"): the queue holds "
                    + simple(element) + ", which cannot be assigned to the parameter " + simple(param.asType()) + " "
                    + param.getSimpleName() + "; declare the parameter as " + simple(element)
                    + " (or a supertype of it)");
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

    /** "; did you mean 'lock'?", else the names of the fitting type, else "". */
    private String suggestion(TemplateClass template, TemplateMethod m, String name, TypeElement required,
            String what) {
        List<String> all = new ArrayList<>();
        for (VariableElement p : m.element().getParameters()) {
            all.add(p.getSimpleName().toString());
        }
        for (VariableElement f : reachableFields(template)) {
            all.add(f.getSimpleName().toString());
        }
        String closest = Suggestions.closest(name, all);
        if (closest != null) {
            return "; did you mean '" + closest + "'?";
        }
        return fitting(template, m, required, "; " + capitalize(what.split(" \\(")[0]) + " in scope: ", "");
    }

    /** The parameters and reachable fields of the required type, listed, or "" if none. */
    private String fitting(TemplateClass template, TemplateMethod m, TypeElement required, String prefix,
            String suffix) {
        if (required == null) {
            return "";
        }
        TypeMirror erased = types.erasure(required.asType());
        List<String> names = new ArrayList<>();
        if (m != null) {
            for (VariableElement p : m.element().getParameters()) {
                if (types.isAssignable(p.asType(), erased)) {
                    names.add("'" + p.getSimpleName() + "'");
                }
            }
        }
        for (VariableElement f : reachableFields(template)) {
            TypeMirror t = types.asMemberOf((DeclaredType) template.element().asType(), f);
            if (types.isAssignable(t, erased)) {
                names.add("'" + f.getSimpleName() + "'");
            }
        }
        return names.isEmpty() ? "" : prefix + String.join(", ", names) + suffix;
    }

    private List<VariableElement> reachableFields(TemplateClass template) {
        List<VariableElement> out = new ArrayList<>();
        for (VariableElement f : ElementFilter.fieldsIn(elements.getAllMembers(template.element()))) {
            if (unreachable(template, f) == null) {
                out.add(f);
            }
        }
        return out;
    }

    private static String capitalize(String s) {
        String t = s.startsWith("a ") ? s.substring(2) : s.startsWith("an ") ? s.substring(3) : s;
        return t.endsWith("s") ? t : t + "s";
    }

    private static String article(TypeMirror t) {
        if (t.getKind() != TypeKind.DECLARED) {
            return "";
        }
        return "AEIOU".indexOf(simple(t).charAt(0)) >= 0 ? "an " : "a ";
    }

    /** A type as users write it, without package names: {@code Queue<String>}. */
    static String simple(TypeMirror t) {
        return t.toString().replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }
}
