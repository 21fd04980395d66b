package dev.baton.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a template class into a {@link TemplateClass}; judges nothing (validation does). */
public final class TemplateReader {

    private final Elements elements;
    private final Types types;
    private final Trees trees;

    public TemplateReader(Elements elements, Types types, Trees trees) {
        this.elements = elements;
        this.types = types;
        this.trees = trees;
    }

    /** Reads {@code type}, whose coroutine methods are {@code methods} (any order). */
    public TemplateClass read(TypeElement type, List<ExecutableElement> methods) {
        TreePath classPath = trees == null ? null : trees.getPath(type);
        CompilationUnitTree unit = classPath == null ? null : classPath.getCompilationUnit();
        List<String> imports = new ArrayList<>();
        if (unit != null) {
            for (ImportTree i : unit.getImports()) {
                imports.add("import " + (i.isStatic() ? "static " : "") + i.getQualifiedIdentifier() + ";");
            }
        }
        List<ExecutableElement> constructors = new ArrayList<>();
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (!c.getModifiers().contains(Modifier.PRIVATE)) {
                constructors.add(c);
            }
        }
        List<TemplateMethod> models = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (methods.contains(m)) {
                models.add(readMethod(type, m));
            }
        }
        return new TemplateClass(type, packageOf(type), generatedName(type), unit, imports, constructors, models);
    }

    private TemplateMethod readMethod(TypeElement type, ExecutableElement method) {
        TreePath path = trees == null ? null : trees.getPath(method);
        MethodTree tree = path == null ? null : (MethodTree) path.getLeaf();
        List<NamedRef> guards = new ArrayList<>();
        for (AnnotationMirror g : Annotations.guards(method)) {
            guards.add(resolve(type, method, g));
        }
        AnnotationMirror ev = Annotations.find(method, Annotations.AWAITS_EVENT);
        AnnotationMirror co = Annotations.find(method, Annotations.CONSUMES);
        int workers = 0;
        if (co != null) {
            AnnotationValue w = Annotations.explicitValue(co, "workers");
            workers = w == null ? 1 : (Integer) w.getValue();
        }
        return new TemplateMethod(method, tree, path, resultType(method), guards,
                ev == null ? null : resolve(type, method, ev), co == null ? null : resolve(type, method, co), workers);
    }

    /** {@code T} of a {@code Coroutine<T>} return type, or null if the method returns something else. */
    private TypeMirror resultType(ExecutableElement method) {
        TypeMirror r = method.getReturnType();
        if (r.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType d = (DeclaredType) r;
        if (!((TypeElement) d.asElement()).getQualifiedName().contentEquals(RuntimeNames.COROUTINE)) {
            return null;
        }
        if (d.getTypeArguments().isEmpty()) {
            return elements.getTypeElement("java.lang.Object").asType();
        }
        TypeMirror arg = d.getTypeArguments().get(0);
        if (arg.getKind() == TypeKind.WILDCARD) {
            WildcardType w = (WildcardType) arg;
            TypeMirror bound = w.getExtendsBound() != null ? w.getExtendsBound() : w.getSuperBound();
            return bound != null ? bound : elements.getTypeElement("java.lang.Object").asType();
        }
        return arg;
    }

    /** Resolves an annotation's name: a parameter first, then a field of the class or a superclass. */
    private NamedRef resolve(TypeElement type, ExecutableElement method, AnnotationMirror annotation) {
        AnnotationValue value = Annotations.explicitValue(annotation, "value");
        String name = value == null ? "" : String.valueOf(value.getValue());
        for (VariableElement p : method.getParameters()) {
            if (p.getSimpleName().contentEquals(name)) {
                return new NamedRef(name, p, p.asType(), annotation, value);
            }
        }
        for (VariableElement f : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
            if (f.getSimpleName().contentEquals(name)) {
                TypeMirror t = types.asMemberOf((DeclaredType) type.asType(), f);
                return new NamedRef(name, f, t, annotation, value);
            }
        }
        // not inherited: a private field of a superclass, or a package-private one of another
        // package; found all the same, so that validation can say why it cannot be used
        for (TypeMirror s = type.getSuperclass(); s.getKind() == TypeKind.DECLARED;
                s = ((TypeElement) ((DeclaredType) s).asElement()).getSuperclass()) {
            for (VariableElement f : ElementFilter.fieldsIn(((DeclaredType) s).asElement().getEnclosedElements())) {
                if (f.getSimpleName().contentEquals(name)) {
                    return new NamedRef(name, f, f.asType(), annotation, value);
                }
            }
        }
        return new NamedRef(name, null, null, annotation, value);
    }

    /** {@code Baton_Outer_Inner} for {@code Outer.Inner}. */
    public static String generatedName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element e = type.getEnclosingElement(); e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
            if (e instanceof TypeElement t) {
                name.insert(0, t.getSimpleName() + "_");
            }
        }
        return "Baton_" + name;
    }

    static String packageOf(Element e) {
        while (e != null && !(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
    }
}
