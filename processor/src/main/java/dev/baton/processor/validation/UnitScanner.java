package dev.baton.processor.validation;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.baton.processor.diagnostics.Report;
import dev.baton.processor.diagnostics.Tag;
import dev.baton.processor.model.Annotations;
import dev.baton.processor.model.RuntimeNames;
import dev.baton.processor.model.TemplateReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/**
 * Scans whole compilation units, beyond the template classes, for three misuses that
 * javac's annotation discovery does not show the processor:
 * <ul>
 *   <li>{@link Tag#BatonAwaitOutsideCoroutine} (error): {@code await(...)} in a method,
 *       constructor or initializer that is not a coroutine, where it would throw at run time;
 *   <li>{@link Tag#BatonTemplateClass} (error): a coroutine method of a local or anonymous
 *       class, which {@code RoundEnvironment} never reports and Baton cannot subclass;
 *   <li>{@link Tag#BatonDirectInstantiation} (warning): {@code new X(...)} of a template
 *       class, whose coroutine methods then run untransformed.
 * </ul>
 * Candidates are found by syntax first (a call named {@code await}, a method with an
 * annotation named like Baton's, a {@code new} of a template's simple name), and only those
 * are resolved with {@link Trees#getElement}, so unrelated classes are not attributed.
 */
public final class UnitScanner {
    private static final Set<String> ANNOTATION_NAMES = Set.of("Async", "Guarded", "AwaitsEvent", "Consumes", "List");

    private final Trees trees;

    public UnitScanner(Trees trees) {
        this.trees = trees;
    }

    /**
     * Scans {@code unit}; {@code templates} maps the simple names of the template classes known
     * so far to their qualified names (for the direct-instantiation warning).
     */
    public void scan(CompilationUnitTree unit, Map<String, Set<String>> templates, Report report) {
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree m, Void unused) {
                if (hasBatonLikeAnnotation(m) && trees.getElement(getCurrentPath()) instanceof ExecutableElement e
                        && Annotations.isCoroutine(e)) {
                    if (isInLocalClass(e)) {
                        report.error(Tag.BatonTemplateClass, e, unit, m, "coroutine method " + e.getSimpleName()
                                + "() is declared in a local or anonymous class, which Baton cannot subclass (and"
                                + " javac does not show it to annotation processors); move it into a top-level or"
                                + " static nested class");
                    }
                    // a coroutine's own body is checked by BodyValidator
                    scan(m.getModifiers(), null);
                    return null;
                }
                return super.visitMethod(m, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree mi, Void unused) {
                if (isNamedAwait(mi) && trees.getElement(getCurrentPath()) instanceof ExecutableElement e
                        && e.getEnclosingElement() instanceof TypeElement owner
                        && owner.getQualifiedName().contentEquals(RuntimeNames.BATON)) {
                    report.error(Tag.BatonAwaitOutsideCoroutine, owner, unit, mi, outside(getCurrentPath()));
                }
                return super.visitMethodInvocation(mi, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree n, Void unused) {
                String simple = simpleName(n.getIdentifier());
                Set<String> candidates = simple == null ? null : templates.get(simple);
                if (candidates != null) {
                    TypeElement created = createdType(getCurrentPath(), n);
                    if (created != null && candidates.contains(created.getQualifiedName().toString())) {
                        report.warning(Tag.BatonDirectInstantiation, created, unit, n, directInstantiation(n, created,
                                unit));
                    }
                }
                return super.visitNewClass(n, unused);
            }
        }.scan(unit, null);
    }

    /**
     * The warning for {@code new X(...)} or {@code new X(...) {...}}: its suggestion must compile
     * without another diagnostic. An empty body only made the abstract template instantiable,
     * which {@code Baton_X} is: the suggestion drops it. A subclass of {@code Baton_X} in
     * {@code X}'s own file is {@link Tag#BatonGeneratedSubclass}: the suggestion says to move it.
     */
    private String directInstantiation(NewClassTree n, TypeElement created, CompilationUnitTree unit) {
        String generated = TemplateReader.generatedName(created);
        boolean body = n.getClassBody() != null;
        // (an anonymous class declares no constructor: a constructor among its members is javac's)
        boolean members = body && n.getClassBody().getMembers().stream()
                .anyMatch(m -> !(m instanceof MethodTree c && c.getName().contentEquals("<init>")));
        TreePath template = trees.getPath(created);
        boolean ownFile = template != null && template.getCompilationUnit() == unit;
        String what = "'new " + n.getIdentifier() + "(...)" + (body ? " {...}" : "") + "' "
                + (body ? "subclasses" : "instantiates") + " the template " + created.getSimpleName()
                + " itself, whose coroutine methods run untransformed (no guards, and the first await throws); ";
        if (!members) {
            return what + "use the generated class instead: 'new " + generated + "(...)'";
        }
        if (ownFile) {
            return what + "subclass the generated class instead, in a file of its own (javac checks this file,"
                    + " which " + generated + " is generated from, before " + generated + " exists): 'new "
                    + generated + "(...) {...}'";
        }
        return what + "subclass the generated class instead: 'new " + generated + "(...) {...}'";
    }

    private static boolean hasBatonLikeAnnotation(MethodTree m) {
        for (AnnotationTree a : m.getModifiers().getAnnotations()) {
            String name = simpleName(a.getAnnotationType());
            if (name != null && ANNOTATION_NAMES.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNamedAwait(MethodInvocationTree mi) {
        if (mi.getArguments().size() != 1 && mi.getArguments().size() != 2) {
            return false; // await(x), or await(x, X.class)
        }
        ExpressionTree s = mi.getMethodSelect();
        return s instanceof IdentifierTree id ? id.getName().contentEquals("await")
                : s instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("await");
    }

    /** The last identifier of a type as written ({@code Foo} of {@code a.b.Foo<T>}), or null. */
    private static String simpleName(Tree type) {
        if (type instanceof ParameterizedTypeTree p) {
            type = p.getType();
        }
        if (type instanceof IdentifierTree id) {
            return id.getName().toString();
        }
        if (type instanceof MemberSelectTree ms) {
            return ms.getIdentifier().toString();
        }
        return null;
    }

    /** The class a {@code new} creates (the superclass, for an anonymous class), or null. */
    private TypeElement createdType(TreePath path, NewClassTree n) {
        Element ctor = trees.getElement(path);
        if (ctor == null || !(ctor.getEnclosingElement() instanceof TypeElement t)) {
            return null;
        }
        if (t.getNestingKind() == NestingKind.ANONYMOUS) {
            if (t.getSuperclass().getKind() == TypeKind.DECLARED
                    && ((DeclaredType) t.getSuperclass()).asElement() instanceof TypeElement s
                    && !s.getQualifiedName().contentEquals("java.lang.Object")) {
                return s;
            }
            return null;
        }
        return t;
    }

    private static boolean isInLocalClass(Element e) {
        for (Element p = e.getEnclosingElement(); p instanceof TypeElement t; p = p.getEnclosingElement()) {
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return true;
            }
        }
        return false;
    }

    /**
     * How to fix an await in {@code method} of {@code owner}, which is not a coroutine; followed
     * literally, the fix compiles without another Baton diagnostic. A static method cannot be a
     * coroutine: its awaiting code moves into a new instance method, which the static method (the
     * program's {@code main}, typically) runs on a new event loop. When {@code owner} is no template
     * yet, the fix says what else it needs to become one, or, when it cannot be one, where to move
     * the code instead.
     */
    private static String methodFix(ExecutableElement method, TypeElement owner) {
        String name = method.getSimpleName().toString();
        String annotate = "annotated with @Async that returns Coroutine<T>";
        if (!TemplateReadiness.canBeTemplate(owner)) {
            String what = owner.getSimpleName().length() == 0 ? "this one is anonymous"
                    : owner.getSimpleName() + " is " + switch (owner.getKind()) {
                        case CLASS -> "a local class";
                        case INTERFACE -> "an interface";
                        case ENUM -> "an enum";
                        case RECORD -> "a record";
                        default -> "no class";
                    };
            return "coroutine methods belong to a top-level or static nested class (" + what + "): move the"
                    + " awaiting code into an instance method of such a class, " + annotate
                    + (method.getModifiers().contains(Modifier.STATIC) ? ", and have " + name + "() run it with"
                            + " EventLoop.run(...)" : "");
        }
        boolean template = TemplateReadiness.isTemplate(owner);
        String generated = TemplateReader.generatedName(owner);
        if (method.getModifiers().contains(Modifier.STATIC)) {
            String run = TemplateReadiness.freshMethodName(owner, name);
            String fix = "a static method cannot be a coroutine: move the awaiting code into an instance method of "
                    + owner.getSimpleName() + " " + annotate + " (say " + run + "()), and have " + name + "() call"
                    + " EventLoop.run(new " + generated + TemplateReadiness.constructorArguments(owner) + "." + run
                    + "())";
            if (template) {
                return fix;
            }
            List<String> classFixes = TemplateReadiness.fixes(owner, true);
            return fix + " (Baton then generates " + generated + (classFixes.isEmpty() ? "" : "; "
                    + String.join(", ", classFixes)) + ")";
        }
        List<String> drop = new ArrayList<>();
        for (Modifier bad : List.of(Modifier.PRIVATE, Modifier.FINAL, Modifier.SYNCHRONIZED)) {
            if (method.getModifiers().contains(bad)) {
                drop.add("'" + bad + "'");
            }
        }
        String fix = "annotate " + name + "() with @Async (or @Guarded, @AwaitsEvent, @Consumes)"
                + (drop.isEmpty() ? "" : ", drop " + String.join(" and ", drop) + ",") + " and make it return"
                + " Coroutine<T>";
        List<String> classFixes = template ? List.of() : TemplateReadiness.fixes(owner, false);
        return classFixes.isEmpty() ? fix : fix + " (Baton then generates " + generated + " as a subclass of "
                + owner.getSimpleName() + ": " + String.join(", ", classFixes) + ")";
    }

    /** What is wrong with an await at {@code path}, and how to fix it. */
    private String outside(TreePath path) {
        boolean inLambda = false;
        for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
            Tree t = p.getLeaf();
            if (t instanceof LambdaExpressionTree) {
                inLambda = true;
            } else if (t instanceof MethodTree m) {
                Element e = trees.getElement(p);
                String owner = e == null ? "" : e.getEnclosingElement().getSimpleName().toString();
                String method = owner.isEmpty() ? m.getName() + "() of an anonymous class" : owner + "." + m.getName()
                        + "()";
                if (m.getReturnType() == null) {
                    return "await outside a coroutine: it stands in a constructor of " + owner + ", which Baton does"
                            + " not compile, so it would throw at run time; constructors cannot be coroutines: move"
                            + " the await into an @Async method and await or spawn that";
                }
                String fix = inLambda
                        ? "a lambda is never compiled into a state machine: await in a coroutine's own body, or make"
                                + " the lambda's work an @Async method and await it"
                        : e instanceof ExecutableElement ee && ee.getEnclosingElement() instanceof TypeElement te
                                ? methodFix(ee, te)
                                : "annotate " + m.getName() + "() with @Async (or @Guarded, @AwaitsEvent,"
                                        + " @Consumes) and make it return Coroutine<T>";
                return "await outside a coroutine: it stands in " + (inLambda ? "a lambda in " : "") + method
                        + ", which is not annotated, so Baton does not compile it and the await would throw at run"
                        + " time; " + fix;
            } else if (t instanceof ClassTree c) {
                return "await outside a coroutine: it stands in " + (inLambda ? "a lambda in " : "")
                        + "an initializer of " + (c.getSimpleName().length() == 0 ? "an anonymous class"
                                : c.getSimpleName()) + ", which Baton does not compile, so it would throw at run"
                        + " time; move the await into a method annotated with @Async that returns Coroutine<T>";
            }
        }
        return "await outside a coroutine: it would throw at run time; await only in the body of a method"
                + " annotated with @Async that returns Coroutine<T>";
    }
}
