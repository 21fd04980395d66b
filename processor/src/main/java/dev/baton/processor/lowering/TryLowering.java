package dev.baton.processor.lowering;

import dev.baton.processor.model.BodyInfo;
import com.palantir.javapoet.ClassName;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import dev.baton.processor.lowering.Ir.Code;
import dev.baton.processor.lowering.Ir.Label;
import dev.baton.processor.lowering.Ir.TryEntry;
import dev.baton.processor.lowering.Ir.TryPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.VariableElement;

/**
 * Lowers try statements whose parts await (and the synthetic ones of try-with-resources and
 * {@code @Guarded}): each becomes an entry of the exception table, a range of protected states
 * with its catch handlers' states and its finally's; whatever enters the finally writes the
 * completion record, and the end of the finally replays it (docs/design.md, lowering rules 9
 * to 11).
 */
final class TryLowering {
    private final Lowerer lowerer;
    private final BodyInfo info;
    private final Emitter emitter;
    private final Names names;

    TryLowering(Lowerer lowerer) {
        this.lowerer = lowerer;
        this.info = lowerer.info;
        this.emitter = lowerer.emitter;
        this.names = lowerer.names;
    }

    /** A catch clause of a lowered try: the type names it matches, how it declares its parameter, its body. */
    record CatchClause(List<Ir.Part> types, Runnable body) {}

    void explodeTry(TryTree t) {
        emitter.comment(t);
        List<CatchClause> catches = new ArrayList<>();
        for (CatchTree c : t.getCatches()) {
            VariableTree param = c.getParameter();
            List<Ir.Part> typeParts = new ArrayList<>();
            Tree type = param.getType();
            if (type instanceof com.sun.source.tree.UnionTypeTree u) {
                for (Tree alt : u.getTypeAlternatives()) {
                    typeParts.add(new Ir.UserTree(alt, Map.of()));
                }
            } else {
                typeParts.add(new Ir.UserTree(type, Map.of()));
            }
            catches.add(new CatchClause(typeParts, () -> {
                String castTo = lowerer.types.writable(lowerer.types.catchType(info.type(param)));
                // the caught field is a Throwable: casting it to Throwable is -Xlint:cast's redundant cast
                lowerer.declare(param, castTo.equals("java.lang.Throwable") ? Code.of(emitter.m(), ".", emitter.caught())
                        : Code.of("(", castTo, ") ", emitter.m(), ".", emitter.caught()));
                emitter.add(Code.of(emitter.m(), ".", emitter.caught(), " = null;"));
                lowerer.explode(c.getBlock());
            }));
        }
        BlockTree fin = t.getFinallyBlock();
        Runnable body = t.getResources().isEmpty() ? () -> lowerer.explode(t.getBlock())
                : () -> resources(t, t.getResources(), 0);
        if (t.getResources().isEmpty() || !catches.isEmpty() || fin != null) {
            lowerTry(body, catches, fin == null ? null : e -> lowerer.explode(fin));
        } else {
            body.run();
        }
    }

    /**
     * Try-with-resources (JLS 14.20.3.1): each resource is initialized, then the rest runs in a
     * try whose finally closes it (if not null); a close that fails while an exception is
     * propagating is added to it as suppressed. Cancellation is an exception like any other.
     */
    private void resources(TryTree t, List<? extends Tree> resources, int i) {
        if (i == resources.size()) {
            lowerer.explode(t.getBlock());
            return;
        }
        Tree resource = resources.get(i);
        Object ref;
        if (resource instanceof VariableTree v) {
            lowerer.explode(v);
            ref = new Ir.LocalRef((VariableElement) info.element(v));
        } else {
            String field = emitter.synthetic("$resource" + emitter.nextSyntheticNumber(),
                    ClassName.get(AutoCloseable.class), true);
            try {
                int mark = lowerer.spiller.begin((ExpressionTree) resource);
                Code value = lowerer.spiller.value((ExpressionTree) resource);
                emitter.add(Code.of(emitter.m(), ".", field, " = ", value, ";"));
                lowerer.spiller.release(mark);
            } catch (Spiller.Refused refused) {
                emitter.close();
            }
            ref = emitter.m() + "." + field;
        }
        if (!emitter.open()) {
            return;
        }
        lowerTry(() -> resources(t, resources, i + 1), List.of(), e -> {
            Ir.RecordRef kind = Emitter.kind(e);
            Ir.RecordRef primary = Emitter.value(e);
            String suppressed = names.fresh("$suppressed");
            emitter.add(Code.of("if (", ref, " != null) { if (", kind, " == ", Emitter.THROW, ") { try { ", ref,
                    ".close(); } catch (java.lang.Throwable ", suppressed, ") { ((java.lang.Throwable) ", primary,
                    ").addSuppressed(", suppressed, "); } } else { ", ref, ".close(); } }"));
        });
    }

    /**
     * Lowers a try statement (or a synthetic one, for guards): the try body's states are
     * protected by the catches (in order) and the finally; the catches' by the finally.
     * Whatever enters the finally writes the completion record first; the end of the finally
     * replays it. If the finally turns out to have no suspension point, the resume method runs
     * without returning from the write to the read, and the record may be a pair of its locals
     * instead of machine fields (see {@link TryEntry#recordIsLocal}).
     */
    void lowerTry(Runnable body, List<CatchClause> catches, java.util.function.Consumer<TryEntry> finallyBody) {
        TryEntry e = emitter.newTry(finallyBody != null);
        Label after = new Label();
        emitter.setTryContext(e);
        e.part = TryPart.TRY;
        emitter.mark(e.tryStart, null);
        body.run();
        leaveTryPart(e, after);
        if (!catches.isEmpty()) {
            if (finallyBody == null) {
                emitter.setTryContext(e.parent);
            } else {
                e.part = TryPart.CATCH;
            }
            for (CatchClause c : catches) {
                Label handler = new Label();
                if (e.catchStart == null) {
                    e.catchStart = handler;
                }
                e.catches.add(new Ir.Catch(c.types(), handler));
                emitter.close();
                emitter.mark(handler, null);
                c.body().run();
                leaveTryPart(e, after);
            }
        }
        emitter.setTryContext(e.parent);
        if (finallyBody != null) {
            emitter.close();
            emitter.mark(e.finallyStart, null);
            int before = emitter.suspensions();
            finallyBody.accept(e);
            e.recordIsLocal = emitter.suspensions() == before;
            if (emitter.open()) {
                replay(e);
            }
            emitter.endFinally(e);
        }
        emitter.mark(after, null);
    }

    private void leaveTryPart(TryEntry e, Label after) {
        if (!emitter.open()) {
            return;
        }
        if (e.hasFinally()) {
            emitter.add(Code.of(Emitter.kind(e), " = ", Emitter.NORMAL, "; ", emitter.m(), ".$state = ",
                    e.finallyStart, "; continue ", names.loop, ";"));
            emitter.close();
        } else {
            TryEntry saved = emitter.tryContext();
            emitter.setTryContext(e.parent);
            emitter.jump(after);
            emitter.setTryContext(saved);
        }
    }

    /**
     * After a finally completes: replays the completion record (throw, return, jump), else falls
     * through. The record gives up its value before replaying it, so a machine whose record is
     * in a field does not keep it alive (for a record in locals, the store is dead and free).
     */
    private void replay(TryEntry e) {
        Ir.RecordRef kind = Emitter.kind(e);
        Ir.RecordRef value = Emitter.value(e);
        emitter.add(Code.of("if (", kind, " == ", Emitter.THROW, ") { java.lang.Throwable ", names.rethrow,
                " = (java.lang.Throwable) ", value, "; ", value, " = null; throw ", names.rethrow, "; }"));
        Code ret = Code.of("if (", kind, " == ", Emitter.RETURN, ") { java.lang.Object ", names.rethrow, " = ", value,
                "; ", value, " = null; ");
        ret.parts.addAll(emitter.returnCode(names.rethrow).parts);
        ret.add(" }");
        emitter.add(ret);
        for (Ir.Exit x : e.exits) {
            Code c = Code.of("if (", kind, " == ", x.code(), ") { ");
            c.parts.addAll(emitter.jumpCode(x.target(), x.targetContext()).parts);
            c.add(" }");
            emitter.add(c);
        }
    }
}
