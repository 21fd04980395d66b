package dev.baton.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.baton.processor.lowering.BodyInfo;
import dev.baton.processor.model.TemplateClass;
import dev.baton.processor.model.TemplateMethod;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The rules about what a coroutine body may contain: no await inside a lambda, a local or
 * anonymous class, or a synchronized block; nothing the generated subclass cannot reach
 * (private members); no {@code super.m()} that would mean something else in the subclass.
 */
public final class BodyValidator {
    private final Elements elements;

    public BodyValidator(Elements elements) {
        this.elements = elements;
    }

    /** Checks the body of {@code method}, adding what is wrong to {@code report}. */
    public void validate(TemplateClass template, TemplateMethod method, BodyInfo info, Report report) {
        TypeElement type = template.element();
        TypeElement outermost = outermost(type);
        new TreeScanner<Void, String>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree mi, String inside) {
                if (info.isAwait(mi) && inside != null) {
                    Tag tag = inside.equals("synchronized") ? Tag.BatonAwaitInSynchronized : Tag.BatonAwaitInLambda;
                    report.error(tag, method.element(), info.path(mi).getCompilationUnit(), mi,
                            "await cannot stand inside " + inside + ": it would suspend "
                                    + (inside.equals("synchronized")
                                            ? "while holding the monitor; use a Lock with @Guarded or"
                                                    + " 'await(lock.acquire())' instead"
                                            : "a different method than the coroutine; await in the coroutine's own body,"
                                                    + " or make the callee an @Async method and await it"));
                }
                if (mi.getMethodSelect() instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree id
                        && id.getName().contentEquals("super") && inside == null) {
                    Element called = info.element(mi);
                    if (called instanceof ExecutableElement target && overriddenInTemplate(type, target)) {
                        report.error(Tag.BatonSuperCall, method.element(), info.path(mi).getCompilationUnit(), mi,
                                "'super." + target.getSimpleName() + "(...)' means the superclass's method here, but "
                                        + template.generatedName() + " extends " + type.getSimpleName()
                                        + ", which overrides it, so the call would reach "
                                        + type.getSimpleName() + "'s version; call a differently named helper"
                                        + " method of " + type.getSimpleName() + " that calls super instead");
                    }
                }
                return super.visitMethodInvocation(mi, inside);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree l, String inside) {
                return super.visitLambdaExpression(l, "a lambda");
            }

            @Override
            public Void visitClass(ClassTree c, String inside) {
                return super.visitClass(c, "a local or anonymous class");
            }

            @Override
            public Void visitSynchronized(SynchronizedTree s, String inside) {
                scan(s.getExpression(), inside);
                return scan(s.getBlock(), inside == null ? "synchronized" : inside);
            }

            @Override
            public Void visitIdentifier(IdentifierTree id, String inside) {
                checkAccess(id, info.element(id), id.getName().toString());
                return null;
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree ms, String inside) {
                checkAccess(ms, info.element(ms), ms.getIdentifier().toString());
                return super.visitMemberSelect(ms, inside);
            }

            private void checkAccess(Tree tree, Element e, String name) {
                if (e == null || !e.getModifiers().contains(Modifier.PRIVATE) || isLocalOrMember(e)
                        || !outermost.equals(outermost(e))) {
                    return;
                }
                report.error(Tag.BatonInaccessible, method.element(), info.path(tree).getCompilationUnit(), tree,
                        "'" + name + "' is private, so " + template.generatedName() + ", which runs this body, cannot"
                                + " reach it; make it package-private");
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

    private static TypeElement outermost(Element e) {
        TypeElement out = null;
        for (Element p = e; p != null; p = p.getEnclosingElement()) {
            if (p instanceof TypeElement t) {
                out = t;
            }
        }
        return out;
    }
}
