package dev.baton.processor.validation;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.baton.processor.diagnostics.Report;
import dev.baton.processor.diagnostics.Tag;
import dev.baton.processor.model.BodyInfo;
import dev.baton.processor.model.RuntimeNames;
import dev.baton.processor.model.Annotations;
import dev.baton.processor.model.TemplateClass;
import dev.baton.processor.model.TemplateMethod;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The rules about what a coroutine body may contain:
 * <ul>
 *   <li>{@link Tag#BatonAwaitInLambda}, {@link Tag#BatonAwaitInSynchronized}: no await inside
 *       a lambda, a local or anonymous class, or a synchronized block;
 *   <li>{@link Tag#BatonReturn}: every {@code return} of the coroutine is
 *       {@code return done(...)};
 *   <li>{@link Tag#BatonInaccessible}: nothing the generated subclass cannot reach (private
 *       members of the template's classes);
 *   <li>{@link Tag#BatonSuperCall}: no {@code super.m()}, {@code super::m},
 *       {@code X.super.m()} or {@code super.f} that would mean something else in
 *       {@code Baton_X}, no {@code super.m()} of a coroutine method inherited from another
 *       template (it would run untransformed), and no {@code I.super.m()} of an interface;
 *   <li>{@link Tag#BatonAwaitThrows}: {@code await(x, X.class)} names its exception with a
 *       class literal;
 *   <li>{@link Tag#BatonUnawaited} (a warning): no statement makes a coroutine and drops it.
 * </ul>
 */
public final class BodyValidator {
    private static final String LAMBDA = "a lambda";
    private static final String CLASS = "a local or anonymous class";
    private static final String SYNCHRONIZED = "synchronized";

    private final Elements elements;

    public BodyValidator(Elements elements) {
        this.elements = elements;
    }

    /** Checks the body of {@code method}, adding what is wrong to {@code report}. */
    public void validate(TemplateClass template, TemplateMethod method, BodyInfo info, Report report) {
        TypeElement type = template.element();
        TypeElement outermost = outermost(type);
        Element where = method.element();
        new TreeScanner<Void, String>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree mi, String inside) {
                if (info.isAwait(mi) && inside != null) {
                    awaitInside(mi, inside);
                }
                if (info.isAwait(mi) && mi.getArguments().size() == 2 && !isClassLiteral(mi.getArguments().get(1))) {
                    report.error(Tag.BatonAwaitThrows, where, unit(mi), mi, "the second argument of await names"
                            + " the checked exception it may throw with a class literal, as in 'await(f,"
                            + " IOException.class)'; '" + info.text(mi.getArguments().get(1)) + "' is not one (the"
                            + " compiled coroutine awaits the first argument only, so it never evaluates the second)");
                }
                checkSuper(mi.getMethodSelect(), inside, "(...)");
                return super.visitMethodInvocation(mi, inside);
            }

            private void awaitInside(MethodInvocationTree mi, String inside) {
                if (inside.equals(SYNCHRONIZED)) {
                    report.error(Tag.BatonAwaitInSynchronized, where, unit(mi), mi, "await cannot stand inside a"
                            + " synchronized block: the coroutine would suspend while holding the monitor, and resume"
                            + " in another step of the loop; use a Lock with @Guarded or 'await(lock.acquire())'"
                            + " instead");
                } else {
                    report.error(Tag.BatonAwaitInLambda, where, unit(mi), mi, "await cannot stand inside " + inside
                            + ": only the coroutine's own body is compiled into a state machine, so it would run"
                            + " untransformed and throw; await in " + method.name() + "()'s body, or make the code"
                            + " an @Async method and await it");
                }
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree mr, String inside) {
                if (mr.getQualifierExpression() instanceof IdentifierTree id && id.getName().contentEquals("super")
                        && !CLASS.equals(inside)) {
                    Element called = info.element(mr);
                    if (called instanceof ExecutableElement target && overriddenInTemplate(type, target)) {
                        superError(mr, "super::" + target.getSimpleName(), target);
                    }
                }
                checkAccess(mr, info.element(mr), mr.getName().toString());
                return super.visitMemberReference(mr, inside);
            }

            /** {@code super.m(...)}, {@code X.super.m(...)}, {@code I.super.m(...)} as a method select. */
            private void checkSuper(ExpressionTree select, String inside, String suffix) {
                if (!(select instanceof MemberSelectTree ms) || CLASS.equals(inside)) {
                    return;
                }
                ExpressionTree q = ms.getExpression();
                boolean plain = q instanceof IdentifierTree id && id.getName().contentEquals("super");
                boolean qualified = q instanceof MemberSelectTree qs && qs.getIdentifier().contentEquals("super");
                if (!plain && !qualified) {
                    return;
                }
                Element called = info.element(ms);
                String written = (plain ? "super" : ((MemberSelectTree) q).getExpression() + ".super") + "."
                        + ms.getIdentifier() + suffix;
                if (qualified) {
                    Element qualifier = info.element(((MemberSelectTree) q).getExpression());
                    if (qualifier instanceof TypeElement i && i.getKind().isInterface()) {
                        report.error(Tag.BatonSuperCall, where, unit(ms), ms, "'" + written + "' calls " + i.getSimpleName()
                                + "'s default method, which only a class that implements " + i.getSimpleName()
                                + " directly may do; " + template.generatedName() + " extends " + type.getSimpleName()
                                + " instead, so call it from a helper method of " + type.getSimpleName() + ", e.g. '"
                                + ms.getIdentifier() + "Of" + i.getSimpleName() + "() { return " + written + "; }'");
                        return;
                    }
                }
                if (called instanceof ExecutableElement target && Annotations.isCoroutine(target)
                        && !target.getEnclosingElement().equals(type)) {
                    // the generated class only overrides a coroutine method: super reaches the template's text
                    report.error(Tag.BatonSuperCall, where, unit(ms), ms, "'" + written + "' would run "
                            + target.getEnclosingElement().getSimpleName() + "'s coroutine method "
                            + target.getSimpleName() + "() untransformed, as its template wrote it, and it would"
                            + " throw; await " + target.getSimpleName() + "(...) itself, or move the part to share into"
                            + " another @Async method of " + target.getEnclosingElement().getSimpleName()
                            + " that both call");
                } else if (called instanceof ExecutableElement target && overriddenInTemplate(type, target)) {
                    superError(ms, written, target);
                } else if (called instanceof VariableElement field && hiddenInTemplate(type, field)) {
                    report.error(Tag.BatonSuperCall, where, unit(ms), ms, "'" + written + "' means the field of "
                            + field.getEnclosingElement().getSimpleName() + " here, but in "
                            + template.generatedName() + ", which runs this body, it would mean "
                            + type.getSimpleName() + "'s field '" + field.getSimpleName() + "' that hides it; rename"
                            + " one of the two fields");
                }
            }

            private void superError(Tree tree, String written, ExecutableElement target) {
                report.error(Tag.BatonSuperCall, where, unit(tree), tree, "'" + written + "' means "
                        + target.getEnclosingElement().getSimpleName() + "'s method here, but "
                        + template.generatedName() + ", which runs this body, extends " + type.getSimpleName()
                        + ", which overrides " + target.getSimpleName() + "(), so the call would reach "
                        + type.getSimpleName() + "'s version; call a differently named helper method of "
                        + type.getSimpleName() + " that calls super instead");
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree ms, String inside) {
                checkAccess(ms, info.element(ms), ms.getIdentifier().toString());
                if (!(info.path(ms).getParentPath().getLeaf() instanceof MethodInvocationTree mi
                        && mi.getMethodSelect() == ms)) {
                    checkSuper(ms, inside, "");
                }
                return super.visitMemberSelect(ms, inside);
            }

            @Override
            public Void visitReturn(ReturnTree r, String inside) {
                if (!LAMBDA.equals(inside) && !CLASS.equals(inside)) {
                    ExpressionTree e = r.getExpression();
                    if (e == null || !info.isDone(e)) {
                        report.error(Tag.BatonReturn, where, unit(r), r, "a coroutine returns with 'return done(value);'"
                                + " or 'return done();' (Baton's done), not 'return " + (e == null ? "" : info.text(e))
                                + ";'" + (e != null ? "; to return another coroutine's result, write 'return done(await("
                                        + info.text(e) + "));'" : ""));
                    }
                }
                return super.visitReturn(r, inside);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree l, String inside) {
                return super.visitLambdaExpression(l, CLASS.equals(inside) ? inside : LAMBDA);
            }

            @Override
            public Void visitClass(ClassTree c, String inside) {
                if (inside == null || SYNCHRONIZED.equals(inside)) {
                    checkLocalClassAcrossAwait(c);
                }
                return super.visitClass(c, CLASS);
            }

            /**
             * The body is split at each await, and a local class declared before one is out of
             * scope after it; uses of it after an await are reported (its declaration could capture
             * locals of the state it is declared in, so it cannot simply be moved).
             */
            private void checkLocalClassAcrossAwait(ClassTree c) {
                Tree parent = info.path(c).getParentPath().getLeaf();
                List<? extends StatementTree> statements = parent instanceof BlockTree b ? b.getStatements()
                        : parent instanceof CaseTree k ? k.getStatements() : null;
                if (statements == null) {
                    return;
                }
                long firstAwait = Long.MAX_VALUE;
                List<? extends StatementTree> rest = statements.subList(statements.indexOf(c) + 1, statements.size());
                for (StatementTree s : rest) {
                    firstAwait = Math.min(firstAwait, firstAwaitStart(s));
                }
                if (firstAwait == Long.MAX_VALUE) {
                    return;
                }
                long after = firstAwait;
                Tree[] use = {null};
                TreeScanner<Void, Void> uses = new TreeScanner<>() {
                    @Override
                    public Void visitIdentifier(IdentifierTree id, Void unused) {
                        if (use[0] == null && id.getName().contentEquals(c.getSimpleName()) && info.start(id) > after) {
                            use[0] = id;
                        }
                        return null;
                    }
                };
                for (StatementTree s : rest) {
                    uses.scan(s, null);
                }
                if (use[0] != null) {
                    report.error(Tag.BatonUnsupported, where, unit(use[0]), use[0], "local class " + c.getSimpleName()
                            + " is used after an await, but Baton splits the body at each await and a local class"
                            + " declared before one is out of scope after it; declare " + c.getSimpleName()
                            + " as a static nested class of " + type.getSimpleName() + ", or declare it after the"
                            + " await");
                }
            }

            private long firstAwaitStart(Tree tree) {
                long[] first = {Long.MAX_VALUE};
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitMethodInvocation(MethodInvocationTree mi, Void unused) {
                        if (info.isAwait(mi)) {
                            first[0] = Math.min(first[0], info.start(mi));
                        }
                        return super.visitMethodInvocation(mi, unused);
                    }

                    @Override
                    public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
                        return null;
                    }

                    @Override
                    public Void visitClass(ClassTree k, Void unused) {
                        return null;
                    }
                }.scan(tree, null);
                return first[0];
            }

            @Override
            public Void visitSynchronized(SynchronizedTree s, String inside) {
                scan(s.getExpression(), inside);
                return scan(s.getBlock(), inside == null ? SYNCHRONIZED : inside);
            }

            @Override
            public Void visitNewClass(NewClassTree n, String inside) {
                checkAccess(n, info.element(n), "new " + n.getIdentifier() + "(...)");
                return super.visitNewClass(n, inside);
            }

            @Override
            public Void visitIdentifier(IdentifierTree id, String inside) {
                checkAccess(id, info.element(id), id.getName().toString());
                return null;
            }

            private void checkAccess(Tree tree, Element e, String name) {
                if (e == null || !e.getModifiers().contains(Modifier.PRIVATE) || isLocalOrMember(e)
                        || !outermost.equals(outermost(e))) {
                    return;
                }
                report.error(Tag.BatonInaccessible, where, unit(tree), tree, "'" + name + "' is private, so "
                        + template.generatedName() + ", which runs this body, cannot reach it; make it"
                        + " package-private");
            }

            private boolean isLocalOrMember(Element e) {
                ElementKind k = e.getKind();
                if (k == ElementKind.LOCAL_VARIABLE || k == ElementKind.PARAMETER || k == ElementKind.EXCEPTION_PARAMETER
                        || k == ElementKind.RESOURCE_VARIABLE || k.name().equals("BINDING_VARIABLE")) {
                    return true;
                }
                // private members of classes declared inside the body itself are fine
                for (Element p = e.getEnclosingElement(); p != null; p = p.getEnclosingElement()) {
                    if (p instanceof ExecutableElement) {
                        return true;
                    }
                }
                return false;
            }

            /**
             * {@code work("x");}: a coroutine made and dropped never runs (asyncio: "never awaited");
             * nor does a runtime operation such as {@code sleep(1);} or {@code queue.put(x);}, cold
             * awaitables that asyncio's coroutines are.
             */
            @Override
            public Void visitExpressionStatement(ExpressionStatementTree s, String inside) {
                ExpressionTree e = s.getExpression();
                if ((e instanceof MethodInvocationTree || e instanceof NewClassTree) && isCoroutine(info.type(e))) {
                    report.warning(Tag.BatonUnawaited, where, unit(s), s, info.text(e) + " creates a coroutine that"
                            + " never runs: await(...) it, spawn(...) it, or keep it in a variable");
                } else if (e instanceof MethodInvocationTree call && isRuntimeOperation(call)) {
                    report.warning(Tag.BatonUnawaited, where, unit(s), s, info.text(e) + " does nothing until it is"
                            + " awaited: await(...) it, or keep it in a variable");
                }
                return super.visitExpressionStatement(s, inside);
            }

            /** A method of Baton's runtime returning a plain Awaitable: cold, as all of them are. */
            private boolean isRuntimeOperation(MethodInvocationTree call) {
                if (!(info.type(call) instanceof DeclaredType d)
                        || !((TypeElement) d.asElement()).getQualifiedName().contentEquals(RuntimeNames.AWAITABLE)) {
                    return false;
                }
                Element method = info.element(call.getMethodSelect());
                return method != null && method.getEnclosingElement() instanceof TypeElement owner
                        && elements.getPackageOf(owner).getQualifiedName().contentEquals(RuntimeNames.PACKAGE);
            }

            private com.sun.source.tree.CompilationUnitTree unit(Tree t) {
                return info.path(t).getCompilationUnit();
            }
        }.scan(method.tree().getBody(), null);
    }

    private boolean overriddenInTemplate(TypeElement type, ExecutableElement target) {
        for (ExecutableElement own : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (own.getSimpleName().equals(target.getSimpleName()) && elements.overrides(own, target, type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hiddenInTemplate(TypeElement type, VariableElement field) {
        if (field.getEnclosingElement().equals(type)) {
            return false;
        }
        for (VariableElement own : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (own.getSimpleName().equals(field.getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    private static TypeElement outermost(Element e) {
        TypeElement out = null;
        for (Element p = e; p != null; p = p.getEnclosingElement()) {
            if (p instanceof TypeElement t) {
                out = t;
            }
        }
        return out;
    }

    private static boolean isClassLiteral(ExpressionTree e) {
        return e instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("class");
    }

    /** Whether {@code type} is Baton's {@code Coroutine} or a subclass of it. */
    private static boolean isCoroutine(TypeMirror type) {
        for (TypeMirror t = type; t instanceof DeclaredType d; ) {
            TypeElement e = (TypeElement) d.asElement();
            if (e.getQualifiedName().contentEquals(RuntimeNames.COROUTINE)) {
                return true;
            }
            t = e.getSuperclass();
        }
        return false;
    }
}
