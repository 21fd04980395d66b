package dev.baton.processor.lowering;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.baton.processor.model.BodyInfo;
import dev.baton.processor.model.NamedRef;
import dev.baton.processor.model.TemplateMethod;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;

/**
 * Whether a coroutine body can be shared: lowered into a static form that names the
 * template's instance explicitly ({@code $m.$self}), so that the generated subclass of
 * another template that extends this one, maybe in another package or compiled later, can
 * run it on its own instance. What needs {@code this} to be a {@code Baton_X} cannot be:
 * {@code super} calls (they name the superclass of {@code X} as seen from {@code Baton_X}),
 * creating an inner class of the template without an explicit outer instance, and using a
 * protected member that {@code X} inherits from another package.
 */
final class Sharing {
    private Sharing() {}

    private static Element packageOf(Element e) {
        while (e != null && e.getKind() != ElementKind.PACKAGE) {
            e = e.getEnclosingElement();
        }
        return e;
    }

    /**
     * Whether {@code e} is a protected instance member of a class in another package than
     * {@code template}'s: reachable through {@code this} but not through a reference typed as
     * the template (JLS 6.6.2.1).
     */
    private static boolean isProtectedElsewhere(Element e, TypeElement template) {
        return e != null && (e.getKind() == ElementKind.FIELD || e.getKind() == ElementKind.METHOD)
                && e.getModifiers().contains(Modifier.PROTECTED) && !e.getModifiers().contains(Modifier.STATIC)
                && !packageOf(e).equals(packageOf(template));
    }

    /** Why {@code m}'s body (in {@code info}) cannot be shared, or null when it can. */
    static String obstacle(BodyInfo info, TemplateMethod m, TypeElement template) {
        ExecutableElement method = m.element();
        for (TypeParameterElement own : method.getTypeParameters()) {
            for (TypeParameterElement outer : template.getTypeParameters()) {
                if (own.getSimpleName().equals(outer.getSimpleName())) {
                    return "its type parameter " + own.getSimpleName() + " hides " + template.getSimpleName() + "'s";
                }
            }
        }
        List<NamedRef> named = new ArrayList<>(m.guards());
        if (m.event() != null) {
            named.add(m.event());
        }
        for (NamedRef r : named) {
            if (!r.isParameter() && isProtectedElsewhere(r.target(), template)) {
                return "its annotation names " + r.name() + ", a protected field of "
                        + r.target().getEnclosingElement().getSimpleName() + " from another package";
            }
        }
        String[] found = {null};
        new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                return found[0] != null ? null : super.scan(tree, unused);
            }

            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                if (id.getName().contentEquals("super")) {
                    found[0] = "it calls a method through 'super'";
                } else {
                    checkProtected(info.element(id));
                }
                return null;
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree ms, Void unused) {
                if (ms.getIdentifier().contentEquals("super")) {
                    found[0] = "it calls a method through '" + ms + "'";
                    return null;
                }
                if (ms.getExpression() instanceof IdentifierTree id && id.getName().contentEquals("this")
                        || ms.getExpression() instanceof MemberSelectTree q && q.getIdentifier().contentEquals("this")) {
                    checkProtected(info.element(ms));
                }
                return super.visitMemberSelect(ms, unused);
            }

            private void checkProtected(Element e) {
                if (isProtectedElsewhere(e, template)) {
                    found[0] = "it uses " + e.getSimpleName() + (e.getKind() == ElementKind.METHOD ? "()" : "")
                            + ", a protected member of " + e.getEnclosingElement().getSimpleName()
                            + " from another package";
                }
            }

            @Override
            public Void visitNewClass(NewClassTree nc, Void unused) {
                Tree type = nc.getIdentifier();
                if (type instanceof ParameterizedTypeTree p) {
                    type = p.getType();
                }
                Element created = info.element(type);
                if (nc.getEnclosingExpression() == null && created instanceof TypeElement t
                        && t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)
                        && t.getEnclosingElement().getKind().isClass()) {
                    found[0] = "it creates the inner class " + t.getSimpleName() + " of " + template.getSimpleName()
                            + "'s instance";
                    return null;
                }
                return super.visitNewClass(nc, unused);
            }
        }.scan(info.methodPath.getLeaf(), null);
        return found[0];
    }
}
