package dev.baton.processor.validation;

import dev.baton.processor.model.Annotations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * What a class lacks to become a template: a fix suggestion that makes a class a template
 * ("annotate go() with @Async") must also say what would otherwise be the next error
 * ({@code [BatonTemplateClass]}: final, no constructor the generated subclass can call, ...).
 * The conditions are {@link TemplateValidator#validateClass}'s, decided in one place: {@link Lacks}.
 */
final class TemplateReadiness {
    private TemplateReadiness() {}

    /** Whether {@code type} declares a coroutine method, so that Baton generates its subclass. */
    static boolean isTemplate(TypeElement type) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream().anyMatch(Annotations::isCoroutine);
    }

    /** Whether {@code type} is a class that can be a template at all (not an interface, enum, local class...). */
    static boolean canBeTemplate(TypeElement type) {
        return type.getKind() == ElementKind.CLASS && (type.getNestingKind() == NestingKind.TOP_LEVEL
                || type.getNestingKind() == NestingKind.MEMBER);
    }

    /**
     * What keeps {@code type}, a top-level or member class, from being a template; the one place
     * these conditions are decided, for {@link TemplateValidator#validateClass}'s errors and for
     * the fixes of a class that is no template yet.
     *
     * @param isFinal the class is final
     * @param privateClass the class, or the innermost class enclosing it, that is private; or null
     * @param inner the class is an inner (non-static member) class
     * @param noConstructor every constructor of the class is private
     */
    record Lacks(boolean isFinal, TypeElement privateClass, boolean inner, boolean noConstructor) {
        static Lacks of(TypeElement type) {
            TypeElement privateClass = null;
            for (Element e = type; e instanceof TypeElement t && privateClass == null; e = e.getEnclosingElement()) {
                if (t.getModifiers().contains(Modifier.PRIVATE)) {
                    privateClass = t;
                }
            }
            return new Lacks(type.getModifiers().contains(Modifier.FINAL), privateClass,
                    type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                            && type.getEnclosingElement().getKind().isClass(),
                    ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                            .allMatch(c -> c.getModifiers().contains(Modifier.PRIVATE)));
        }
    }

    /**
     * The changes {@code type} (a class that {@link #canBeTemplate can be a template}) needs before
     * its generated subclass compiles, in the words of a fix; {@code abstractToo} also asks for
     * 'abstract', so that nobody instantiates the template itself by mistake.
     */
    static List<String> fixes(TypeElement type, boolean abstractToo) {
        String name = type.getSimpleName().toString();
        Lacks lacks = Lacks.of(type);
        List<String> fixes = new ArrayList<>();
        if (lacks.isFinal()) {
            fixes.add(abstractToo ? "declare " + name + " abstract instead of final" : "remove 'final' from " + name);
        } else if (abstractToo && !type.getModifiers().contains(Modifier.ABSTRACT)) {
            fixes.add("declare " + name + " abstract");
        }
        if (lacks.privateClass() != null) {
            fixes.add("make " + lacks.privateClass().getSimpleName() + " package-private");
        }
        if (lacks.inner()) {
            fixes.add("declare " + name + " static");
        }
        if (lacks.noConstructor()) {
            fixes.add("give " + name + " a constructor that is not private");
        }
        return fixes;
    }

    /** The arguments to write in {@code new Baton_X(...)}: {@code ()} if {@code type} has a no-argument constructor. */
    static String constructorArguments(TypeElement type) {
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (c.getParameters().isEmpty()) {
                return "()";
            }
        }
        return "(...)";
    }

    /**
     * A name for a new instance method of {@code type} that no method of it, its superclasses
     * or its interfaces has: {@code run}, else {@code run} + {@code hint}, else numbered.
     */
    static String freshMethodName(TypeElement type, String hint) {
        Set<String> taken = new HashSet<>();
        collectMethodNames(type, taken, new HashSet<>());
        List<String> candidates = List.of("run", "run" + Character.toUpperCase(hint.charAt(0)) + hint.substring(1));
        for (String c : candidates) {
            if (!taken.contains(c)) {
                return c;
            }
        }
        for (int i = 2; ; i++) {
            if (!taken.contains("run" + i)) {
                return "run" + i;
            }
        }
    }

    private static void collectMethodNames(TypeElement type, Set<String> names, Set<TypeElement> seen) {
        if (!seen.add(type)) {
            return;
        }
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            names.add(m.getSimpleName().toString());
        }
        List<TypeMirror> supers = new ArrayList<>(type.getInterfaces());
        supers.add(type.getSuperclass());
        for (TypeMirror s : supers) {
            if (s instanceof DeclaredType d && d.asElement() instanceof TypeElement t) {
                collectMethodNames(t, names, seen);
            }
        }
    }
}
