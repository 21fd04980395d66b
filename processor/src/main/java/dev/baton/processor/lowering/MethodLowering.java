package dev.baton.processor.lowering;

import com.sun.source.tree.BlockTree;
import com.sun.source.util.Trees;
import com.palantir.javapoet.TypeName;
import dev.baton.processor.diagnostics.Report;
import dev.baton.processor.lowering.Ir.Code;
import dev.baton.processor.model.BodyInfo;
import dev.baton.processor.model.NamedRef;
import dev.baton.processor.model.TemplateClass;
import dev.baton.processor.model.TemplateMethod;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Lowers one annotated method: its envelope (AwaitsEvent, then Guarded, outermost first)
 * and its body, into a {@link LoweredMethod}.
 */
public final class MethodLowering {
    private final Trees trees;
    private final Elements elements;
    private final TypeWriter writer;

    public MethodLowering(Trees trees, Elements elements, Types types) {
        this.trees = trees;
        this.elements = elements;
        this.writer = new TypeWriter(types, elements);
    }

    /** Lowers {@code method} of {@code template}; problems go to {@code report}. */
    public LoweredMethod lower(TemplateClass template, TemplateMethod method, Report report) {
        BodyInfo info = new BodyInfo(trees, method.path());
        Names names = new Names(info.identifiers);
        String notShared = Sharing.obstacle(info, method, template.element());
        String receiver = notShared == null ? names.machine + "." + LoweredMethod.SELF : null;
        Lowerer lowerer = new Lowerer(info, names, writer, report, method.element());
        Emitter emitter = lowerer.emitter;
        BlockTree body = method.tree().getBody();
        if (method.event() != null) {
            emitter.awaitCode(Code.of(ref(method.event(), receiver), ".waitSet()"),
                    "@AwaitsEvent(\"" + method.event().name() + "\")");
        }
        int errors = report.entries().size();
        guards(lowerer, method.guards(), 0, receiver, () -> lowerer.explode(body));
        Listing listing = emitter.finish();
        if (report.entries().size() > errors && report.hasErrors()) {
            return null; // the class gets its minimal Baton_X; nothing lowered is emitted
        }
        return new Renderer(listing, info, names, report, writer, scope(template, receiver), method.element())
                .render(notShared);
    }

    /** An annotation's name in code: the parameter, or the field (through a shared body's receiver). */
    private static Ir.Part ref(NamedRef ref, String receiver) {
        if (ref.isParameter()) {
            return new Ir.LocalRef(ref.target());
        }
        boolean instanceField = ref.target() != null && !ref.target().getModifiers().contains(Modifier.STATIC);
        return new Ir.Text(receiver != null && instanceField ? receiver + "." + ref.name() : ref.name());
    }

    /** {@code async with g_i:} around the rest: acquire, then try { rest } finally { release }. */
    private void guards(Lowerer lowerer, List<NamedRef> guards, int i, String receiver, Runnable body) {
        if (i == guards.size()) {
            body.run();
            return;
        }
        NamedRef g = guards.get(i);
        Emitter emitter = lowerer.emitter;
        String field = emitter.synthetic("$guard" + i, TypeName.get(g.type()), true);
        String m = emitter.m();
        emitter.add(Code.of(m, ".", field, " = ", ref(g, receiver), ";"));
        emitter.awaitCode(Code.of(m, ".", field, ".acquire()"), "@Guarded(\"" + g.name() + "\")");
        lowerer.tries.lowerTry(() -> guards(lowerer, guards, i + 1, receiver, body), List.of(),
                e -> emitter.add(Code.of(m, ".", field, ".release();")));
    }

    private Renderer.Scope scope(TemplateClass template, String receiver) {
        TypeElement type = template.element();
        List<? extends Element> members = elements.getAllMembers(type);
        return new Renderer.Scope() {
            @Override
            public String receiver() {
                return receiver;
            }

            @Override
            public boolean isMember(TypeElement c, Element e) {
                return elements.getAllMembers(c).contains(e);
            }

            @Override
            public String qualify(Element e, String name) {
                Element owner = e.getEnclosingElement();
                if (!(owner instanceof TypeElement t) || owner.equals(type) || members.contains(e)) {
                    return null;
                }
                if (e.getKind() == ElementKind.CONSTRUCTOR || !encloses(t, type)) {
                    return null;
                }
                return t.getQualifiedName() + "." + name;
            }

            @Override
            public boolean isTemplate(Element e) {
                return type.equals(e);
            }

            @Override
            public String generatedName() {
                return template.generatedName();
            }
        };
    }

    private static boolean encloses(TypeElement outer, TypeElement inner) {
        for (Element e = inner.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
            if (e.equals(outer)) {
                return true;
            }
        }
        return false;
    }
}
