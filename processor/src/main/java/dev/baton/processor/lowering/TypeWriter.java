package dev.baton.processor.lowering;

import dev.baton.processor.model.RuntimeNames;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.UnionType;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes types as fully qualified source text, so generated code never depends on what the
 * user imported, and says when a type cannot be written (captures, intersections, anonymous
 * and local classes).
 */
public final class TypeWriter {
    static final String STATE_MACHINE = RuntimeNames.STATE_MACHINE;
    static final String SUSPENDED = STATE_MACHINE + ".SUSPENDED";

    private final Types types;
    private final Elements elements;

    public TypeWriter(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
    }

    /** Source text for {@code t}, or null if it cannot be written. */
    public String writable(TypeMirror t) {
        if (t == null) {
            return null;
        }
        switch (t.getKind()) {
            case BOOLEAN: case BYTE: case SHORT: case INT: case LONG: case CHAR: case FLOAT: case DOUBLE:
                return t.getKind().name().toLowerCase(java.util.Locale.ROOT);
            case ARRAY: {
                String c = writable(((ArrayType) t).getComponentType());
                return c == null ? null : c + "[]";
            }
            case DECLARED: {
                DeclaredType d = (DeclaredType) t;
                TypeElement e = (TypeElement) d.asElement();
                if (e.getNestingKind() == NestingKind.LOCAL || e.getNestingKind() == NestingKind.ANONYMOUS) {
                    return null;
                }
                StringBuilder out = new StringBuilder(e.getQualifiedName());
                if (!d.getTypeArguments().isEmpty()) {
                    out.append('<');
                    String sep = "";
                    for (TypeMirror a : d.getTypeArguments()) {
                        String w = writable(a);
                        if (w == null) {
                            return null;
                        }
                        out.append(sep).append(w);
                        sep = ", ";
                    }
                    out.append('>');
                }
                return out.toString();
            }
            case WILDCARD: {
                WildcardType w = (WildcardType) t;
                if (w.getExtendsBound() != null) {
                    String b = writable(w.getExtendsBound());
                    return b == null ? null : "? extends " + b;
                }
                if (w.getSuperBound() != null) {
                    String b = writable(w.getSuperBound());
                    return b == null ? null : "? super " + b;
                }
                return "?";
            }
            case TYPEVAR:
                return isCaptured(t) ? null : ((TypeVariable) t).asElement().getSimpleName().toString();
            default:
                return null;
        }
    }

    /**
     * The first local class {@code t} mentions (itself, an array's component, a type argument
     * or a wildcard's bound), or null: a type written in the template that still cannot be
     * written in generated code.
     */
    TypeElement localClassIn(TypeMirror t) {
        if (t == null) {
            return null;
        }
        switch (t.getKind()) {
            case ARRAY:
                return localClassIn(((ArrayType) t).getComponentType());
            case DECLARED: {
                DeclaredType d = (DeclaredType) t;
                TypeElement e = (TypeElement) d.asElement();
                if (e.getNestingKind() == NestingKind.LOCAL) {
                    return e;
                }
                for (TypeMirror a : d.getTypeArguments()) {
                    TypeElement local = localClassIn(a);
                    if (local != null) {
                        return local;
                    }
                }
                return null;
            }
            case WILDCARD: {
                WildcardType w = (WildcardType) t;
                TypeElement local = localClassIn(w.getExtendsBound());
                return local != null ? local : localClassIn(w.getSuperBound());
            }
            default:
                return null;
        }
    }

    private static boolean isCaptured(TypeMirror t) {
        return t.toString().startsWith("capture#");
    }

    /** A writable supertype of {@code t}: t itself, or for a captured variable its bound. */
    TypeMirror denotable(TypeMirror t) {
        if (t != null && t.getKind() == TypeKind.TYPEVAR && isCaptured(t)) {
            return denotable(((TypeVariable) t).getUpperBound());
        }
        if (t != null && t.getKind() == TypeKind.INTERSECTION) {
            return null;
        }
        return t;
    }

    /**
     * The cast that turns an await's {@code Object} result into what the template's await
     * call had (then assignment converts as in the template), or null when none is needed.
     */
    String castType(TypeMirror awaited, TypeMirror target) {
        String a = writable(denotable(awaited));
        if (a == null && target != null) {
            a = target.getKind().isPrimitive() ? boxed(target) : writable(target);
        }
        if (a == null || a.equals("java.lang.Object")) {
            return null;
        }
        return a.startsWith("?") ? null : a;
    }

    /** The primitive type a boxed type unboxes to, or null if {@code t} is no box. */
    TypeMirror unboxed(TypeMirror t) {
        try {
            return types.unboxedType(t);
        } catch (IllegalArgumentException notABox) {
            return null;
        }
    }

    /** {@code java.lang.Object}. */
    TypeMirror objectType() {
        return elements.getTypeElement("java.lang.Object").asType();
    }

    /** {@code java.lang.String}. */
    TypeMirror stringType() {
        return elements.getTypeElement("java.lang.String").asType();
    }

    private String boxed(TypeMirror primitive) {
        return types.boxedClass((javax.lang.model.type.PrimitiveType) primitive).getQualifiedName().toString();
    }

    /** The element type an enhanced for over {@code iterable} yields, as a cast target, or null. */
    String iterableElement(TypeMirror iterable, TypeMirror variable) {
        TypeElement it = elements.getTypeElement("java.lang.Iterable");
        TypeMirror e = typeArgumentOf(iterable, it);
        String w = writable(denotable(e));
        if (w == null || w.startsWith("?")) {
            w = variable.getKind().isPrimitive() ? boxed(variable) : writable(variable);
        }
        return w == null || w.equals("java.lang.Object") ? null : w;
    }

    /** The type argument of the supertype of {@code t} declared by {@code generic}, or null. */
    TypeMirror typeArgumentOf(TypeMirror t, TypeElement generic) {
        Deque<TypeMirror> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(t);
        while (!queue.isEmpty()) {
            TypeMirror x = queue.poll();
            if (x.getKind() == TypeKind.TYPEVAR) {
                queue.add(((TypeVariable) x).getUpperBound());
                continue;
            }
            if (!seen.add(x.toString())) {
                continue;
            }
            if (x.getKind() == TypeKind.DECLARED && ((DeclaredType) x).asElement().equals(generic)) {
                List<? extends TypeMirror> args = ((DeclaredType) x).getTypeArguments();
                if (args.isEmpty()) {
                    return null;
                }
                TypeMirror a = args.get(0);
                if (a.getKind() == TypeKind.WILDCARD) {
                    WildcardType w = (WildcardType) a;
                    return w.getExtendsBound();
                }
                return a;
            }
            queue.addAll(types.directSupertypes(x));
        }
        return null;
    }

    /** The type a catch parameter can be stored as: for a multi-catch, the alternatives' closest common supertype. */
    TypeMirror catchType(TypeMirror t) {
        if (t == null || t.getKind() != TypeKind.UNION) {
            return t;
        }
        List<? extends TypeMirror> alternatives = ((UnionType) t).getAlternatives();
        Deque<TypeMirror> queue = new ArrayDeque<>(List.of(alternatives.get(0)));
        while (!queue.isEmpty()) {
            TypeMirror candidate = queue.poll();
            boolean all = true;
            for (TypeMirror alt : alternatives) {
                all &= types.isSubtype(alt, candidate);
            }
            if (all) {
                return candidate;
            }
            queue.addAll(types.directSupertypes(candidate));
        }
        return elements.getTypeElement("java.lang.Throwable").asType();
    }
}
