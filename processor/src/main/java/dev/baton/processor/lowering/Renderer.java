package dev.baton.processor.lowering;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.palantir.javapoet.TypeName;
import dev.baton.processor.diagnostics.Report;
import dev.baton.processor.diagnostics.Tag;
import dev.baton.processor.lowering.Ir.Case;
import dev.baton.processor.lowering.Ir.Code;
import dev.baton.processor.lowering.Ir.TryEntry;
import dev.baton.processor.model.BodyInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * Turns the lowered cases into Java text: decides which locals are hoisted (those used in
 * more than one state, all parameters, and pattern variables whose scope the lowering split),
 * names their fields, rewrites references to them, and writes the dispatch loop with its
 * exception table. A hoisted pattern variable keeps its binding in the generated code, and
 * the match also stores the value in the field: {@code (E instanceof T t && ($m.t = t) != null)}.
 */
final class Renderer {
    private final Listing lowered;
    private final TypeWriter types;
    private final BodyInfo info;
    private final Names names;
    private final Scope scope;
    private final Report report;
    private final ExecutableElement method;
    private final Map<VariableElement, String> fieldNames = new LinkedHashMap<>();
    private final Map<VariableElement, String> fieldTypes = new LinkedHashMap<>();
    private final Map<VariableElement, Ir.Decl> declarations = new LinkedHashMap<>();
    /** The pattern variables met, with the tree that declares each (they have no {@link Ir.Decl}). */
    private final Map<VariableElement, VariableTree> bindings = new LinkedHashMap<>();
    /** The locals some name refers to (not only declared). */
    private final Set<VariableElement> referenced = new HashSet<>();
    private final Set<String> fieldNamesTaken = new HashSet<>();
    /**
     * The hoisted pattern variables whose match the line being written holds so far. The line
     * keeps the template's structure around them, so a lambda or class of the line that names
     * one is in the binding's scope there too: it captures the binding itself, as the field is
     * only stored by the match, after the line's prefix (where captured copies are made) ran.
     */
    private final Set<VariableElement> boundInLine = new HashSet<>();
    /** The names of the completion records' kinds and values, by slot (see {@link TryEntry#recordSlot}). */
    private final List<String> recordKinds = new ArrayList<>();
    private final List<String> recordValues = new ArrayList<>();
    /** The names of the captured copies made before each rendered tree: the same when rendered again. */
    private final Map<Tree, Map<VariableElement, String>> captureNames = new java.util.IdentityHashMap<>();
    /** Whether the dispatch loop is split into methods (then every completion record is in fields). */
    private boolean split;
    /**
     * The hoisted locals the line being written both assigns and captures (in a lambda, local or
     * anonymous class), with the name of the plain local that shadows each in the line: the
     * assignment also stores the value in it, {@code $m.v = v$captured = 5}, and captures read
     * it, so a capture sees the value assigned to its left, not the field's value before the line.
     */
    private final Map<VariableElement, String> shadowInLine = new LinkedHashMap<>();

    /**
     * The estimated bytecode size (see {@link BytecodeEstimate}) up to which a body stays one
     * resume method: below HotSpot's 8,000-byte HugeMethodLimit, as the estimate runs high.
     */
    static final int METHOD_BUDGET = 7_000;
    /** The estimated size of each method of a split dispatch loop. */
    static final int GROUP_BUDGET = 4_000;

    Renderer(Listing lowered, BodyInfo info, Names names, Report report, TypeWriter types, Scope scope,
            ExecutableElement method) {
        this.lowered = lowered;
        this.info = info;
        this.names = names;
        this.report = report;
        this.types = types;
        this.scope = scope;
        this.method = method;
    }

    // ---- hoisting ----

    /**
     * Decides the hoisted locals: every parameter, every local used in more than one state, and
     * every pattern variable declared in a line of its own and used in later ones.
     */
    LoweredMethod render(String notShared) {
        TypeWriter writer = types;
        Map<VariableElement, Set<Integer>> uses = new LinkedHashMap<>();
        for (Case c : lowered.cases()) {
            for (Code code : c.lines) {
                collectUses(code, c.label.state, uses);
            }
        }
        for (Listing.Synthetic s : lowered.synthetics()) {
            fieldNamesTaken.add(s.name());
        }
        for (TryEntry e : lowered.tryEntries()) {
            while (e.hasFinally() && recordKinds.size() <= e.recordSlot) {
                recordKinds.add(names.fresh("$finally" + recordKinds.size()));
                recordValues.add(names.fresh("$finallyValue" + recordValues.size()));
            }
        }
        fieldNamesTaken.addAll(recordKinds);
        fieldNamesTaken.addAll(recordValues);
        fieldNamesTaken.add("$state");
        fieldNamesTaken.add(LoweredMethod.SELF);
        List<LoweredMethod.Field> fields = new ArrayList<>();
        for (VariableElement p : method.getParameters()) {
            String name = fieldName(p.getSimpleName().toString());
            fieldNames.put(p, name);
            fieldTypes.put(p, writer.writable(p.asType()));
            fields.add(new LoweredMethod.Field(name, TypeName.get(p.asType()), !p.asType().getKind().isPrimitive(),
                    "parameter"));
        }
        List<VariableElement> hoisted = new ArrayList<>();
        for (Map.Entry<VariableElement, Set<Integer>> u : uses.entrySet()) {
            VariableElement local = u.getKey();
            boolean split = lowered.splitBindings().contains(local) && referenced.contains(local);
            if ((u.getValue().size() > 1 || split) && !fieldNames.containsKey(local)) {
                hoisted.add(local);
            }
        }
        hoisted.sort(Comparator.comparingInt(this::declarationPosition));
        for (VariableElement local : hoisted) {
            Ir.Decl decl = declarations.get(local);
            VariableTree declaration = decl != null ? decl.tree() : bindings.get(local);
            if (declaration == null) {
                report.error(Tag.BatonUnsupported, method, info.unit, declarationTree(local),
                        "'" + local.getSimpleName() + "' lives across an await but is declared where Baton"
                                + " cannot move it into the state machine; copy it into a local declared as a"
                                + " statement first");
                continue;
            }
            String kind = decl != null ? "local" : "pattern variable";
            javax.lang.model.type.TypeMirror mirror = writer.catchType(local.asType());
            String type = writer.writable(mirror);
            if (type == null) {
                javax.lang.model.element.TypeElement localClass = writer.localClassIn(local.asType());
                String why = localClass == null
                        ? "(" + local.asType() + ") cannot be written; declare it with an explicit type"
                        : "mentions the local class " + localClass.getSimpleName() + ", which a field cannot name;"
                                + " declare " + localClass.getSimpleName() + " as a static nested class of "
                                + method.getEnclosingElement().getSimpleName();
                report.error(Tag.BatonVarType, method, info.unit, declaration, kind + " '" + local.getSimpleName()
                        + "' lives across an await, so it becomes a field of the state machine, but its type "
                        + why);
                continue;
            }
            String name = fieldName(local.getSimpleName().toString());
            fieldNames.put(local, name);
            fieldTypes.put(local, type);
            fields.add(new LoweredMethod.Field(name, TypeName.get(mirror), !local.asType().getKind().isPrimitive(),
                    kind + ", " + info.comment(declaration).replaceFirst(":\\s.*", "")));
        }
        for (Listing.Synthetic s : lowered.synthetics()) {
            fields.add(new LoweredMethod.Field(s.name(), s.type(), s.reference(), null));
        }
        LoweredMethod.Body body = dispatch();
        for (int slot : recordSlots(true)) {
            fields.add(new LoweredMethod.Field(recordKinds.get(slot), TypeName.INT, false, null));
            fields.add(new LoweredMethod.Field(recordValues.get(slot), com.palantir.javapoet.ClassName.OBJECT, true, null));
        }
        return new LoweredMethod(fields, method.getParameters().size(), body, names.machine, names.value,
                names.failure, names.thrown, notShared, stateLines(), sourceFile());
    }

    /**
     * The template line of each state, for task dumps and stack traces: the line of the await
     * it resumes from (where a machine in that state is suspended), else the line of its first
     * statement, else the previous state's.
     */
    private int[] stateLines() {
        int[] lines = new int[lowered.cases().size()];
        int previous = (int) info.line(info.methodPath.getLeaf());
        for (Case c : lowered.cases()) {
            int line = c.awaitLine;
            for (int i = 0; line <= 0 && i < c.lines.size(); i++) {
                line = c.lines.get(i).line;
            }
            lines[c.label.state] = line > 0 ? line : previous;
            previous = lines[c.label.state];
        }
        return lines;
    }

    private String sourceFile() {
        String name = info.unit.getSourceFile().getName();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private String fieldName(String base) {
        String name = base;
        for (int i = 1; !fieldNamesTaken.add(name); i++) {
            name = base + "$" + i;
        }
        return name;
    }

    private int declarationPosition(VariableElement e) {
        Ir.Decl d = declarations.get(e);
        VariableTree t = d != null ? d.tree() : bindings.get(e);
        return t == null ? Integer.MAX_VALUE : info.start(t);
    }

    private Tree declarationTree(VariableElement e) {
        Tree t = info.trees.getTree(e);
        return t != null ? t : info.methodPath.getLeaf();
    }

    private void collectUses(Ir.Part part, int state, Map<VariableElement, Set<Integer>> uses) {
        if (part instanceof Code code) {
            for (Ir.Part p : code.parts) {
                collectUses(p, state, uses);
            }
        } else if (part instanceof Ir.UserTree u) {
            collectTreeUses(u.tree(), u.replacements(), state, uses);
        } else if (part instanceof Ir.Decl d) {
            declarations.put(d.element(), d);
            uses.computeIfAbsent(d.element(), k -> new HashSet<>()).add(state);
            if (d.init() != null) {
                collectUses(d.init(), state, uses);
            } else if (d.tree().getInitializer() != null) {
                collectTreeUses(d.tree().getInitializer(), Map.of(), state, uses);
            }
        } else if (part instanceof Ir.LocalRef r) {
            uses.computeIfAbsent(r.element(), k -> new HashSet<>()).add(state);
            referenced.add(r.element());
        }
    }

    private void collectTreeUses(Tree root, Map<Tree, Code> replacements, int state,
            Map<VariableElement, Set<Integer>> uses) {
        new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree t, Void unused) {
                if (t != null && replacements.containsKey(t)) {
                    collectUses(replacements.get(t), state, uses);
                    return null;
                }
                return super.scan(t, unused);
            }

            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                Element e = info.element(id);
                if (BodyInfo.isLocal(e)) {
                    uses.computeIfAbsent((VariableElement) e, k -> new HashSet<>()).add(state);
                    referenced.add((VariableElement) e);
                }
                return null;
            }

            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                // a variable declared inside an expression (a pattern's binding) lives where declared
                Element e = info.element(v);
                if (BodyInfo.isLocal(e)) {
                    uses.computeIfAbsent((VariableElement) e, k -> new HashSet<>()).add(state);
                    if (isBinding(e)) {
                        bindings.put((VariableElement) e, v);
                    }
                }
                return super.visitVariable(v, unused);
            }
        }.scan(root, null);
    }

    private static boolean isBinding(Element e) {
        return e.getKind().name().equals("BINDING_VARIABLE");
    }

    // ---- text ----

    /**
     * The resume method's body: one flat dispatch loop, or, when that would exceed
     * {@link #METHOD_BUDGET}, a loop that dispatches to methods each holding a group of
     * consecutive states (and the exception table cut the same way).
     */
    private LoweredMethod.Body dispatch() {
        List<String> texts = renderCases();
        String table = exceptionTable(lowered.tryEntries(), "continue " + names.loop + ";");
        int size = BytecodeEstimate.of(table);
        for (String t : texts) {
            size += BytecodeEstimate.of(t);
        }
        if (size <= METHOD_BUDGET) {
            return new LoweredMethod.Body(singleLoop(texts, table), List.of());
        }
        split = true; // the completion records move to fields: render again
        return splitLoop(renderCases());
    }

    /** Each case's text, its {@code case} line unindented. */
    private List<String> renderCases() {
        List<String> texts = new ArrayList<>();
        for (Case c : lowered.cases()) {
            StringBuilder out = new StringBuilder();
            out.append("case ").append(c.label.state).append(": {");
            String comment = c.comment != null ? c.comment : c.awaitComment;
            if (comment != null) {
                out.append(" // ").append(comment);
            }
            out.append('\n');
            for (Code code : c.lines) {
                List<String> prefix = new ArrayList<>();
                boundInLine.clear();
                shadows(code, prefix);
                String line = SourceLines.mark(renderCode(code, prefix), code.line, false, true);
                for (String p : prefix) {
                    indent(out, SourceLines.mark(p, code.line, false, true), 1);
                }
                if (!line.isBlank()) {
                    indent(out, line, 1);
                }
            }
            out.append("}");
            texts.add(out.toString());
        }
        return texts;
    }

    private String singleLoop(List<String> cases, String table) {
        StringBuilder out = new StringBuilder();
        String m = names.machine;
        for (int slot : recordSlots(false)) {
            // a completion record of finallies that cannot suspend: set and replayed in one call
            out.append("int ").append(recordKinds.get(slot)).append(" = ").append(Emitter.NORMAL).append(";\n");
            out.append("java.lang.Object ").append(recordValues.get(slot)).append(" = null;\n");
        }
        out.append(names.loop).append(": for (;;) {\n");
        out.append("    try {\n");
        appendFailure(out);
        out.append("        switch (").append(m).append(".$state) {\n");
        for (String c : cases) {
            indent(out, c, 3);
        }
        out.append("            default:\n");
        out.append("                throw new java.lang.IllegalStateException(\"bad state \" + ").append(m)
                .append(".$state);\n");
        out.append("        }\n");
        out.append("    } catch (java.lang.Throwable ").append(names.thrown).append(") {\n");
        out.append(table);
        appendUncaught(out);
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }

    /** The resume call throws the failure it was resumed with, at the await it resumes. */
    private void appendFailure(StringBuilder out) {
        out.append("        if (").append(names.failure).append(" != null) {\n");
        out.append("            java.lang.Throwable ").append(names.rethrow).append(" = ").append(names.failure).append(";\n");
        out.append("            ").append(names.failure).append(" = null;\n");
        out.append("            throw ").append(names.rethrow).append(";\n");
        out.append("        }\n");
    }

    private void appendUncaught(StringBuilder out) {
        out.append("        ").append(names.machine).append(".$complete(null);\n");
        out.append("        throw ").append(names.thrown).append(";\n");
    }

    /**
     * The split form: consecutive cases grouped into methods of at most {@link #GROUP_BUDGET}
     * (a case that resumes an await stays with the await, which hands it {@code $value}). A
     * group runs its states in a loop of its own and returns {@code OTHER_GROUP} when the body
     * goes on in a state of another group; the resume method picks the group of the state by
     * a binary search. Every state's locals are declared in its case, and whatever crosses
     * states is in the machine's fields, so the groups share nothing else.
     */
    private LoweredMethod.Body splitLoop(List<String> cases) {
        List<LoweredMethod.Helper> helpers = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int i = 0;
        while (i < cases.size()) {
            int first = i;
            int size = 0;
            StringBuilder group = new StringBuilder();
            group.append(names.loop).append(": for (;;) {\n");
            group.append("    switch (").append(names.machine).append(".$state) {\n");
            do {
                String text = cases.get(i);
                size += BytecodeEstimate.of(text);
                i++;
                boolean last = i == cases.size() || (!lowered.cases().get(i).resumesAwait
                        && size + BytecodeEstimate.of(cases.get(i)) > GROUP_BUDGET);
                if (last && lowered.cases().get(i - 1).fallsThrough) {
                    // the next state is in another method: say so before falling out of this one
                    text = text.substring(0, text.length() - 1) + "    " + names.machine + ".$state = " + i
                            + ";\n}";
                }
                indent(group, text, 2);
                if (last) {
                    break;
                }
            } while (true);
            group.append("        default:\n");
            group.append("            return ").append(TypeWriter.STATE_MACHINE).append(".OTHER_GROUP;\n");
            group.append("    }\n");
            group.append("}\n");
            starts.add(first);
            helpers.add(new LoweredMethod.Helper(LoweredMethod.HelperKind.STATES, Integer.toString(first),
                    "States " + first + " to " + (i - 1), group.toString()));
        }
        List<String> tables = new ArrayList<>();
        List<TryEntry> entries = innermostFirst(lowered.tryEntries());
        int at = 0;
        while (at < entries.size()) {
            List<TryEntry> chunk = new ArrayList<>();
            int size = 0;
            while (at < entries.size()) {
                int s = BytecodeEstimate.of(exceptionTable(List.of(entries.get(at)), "return true;"));
                if (!chunk.isEmpty() && size + s > GROUP_BUDGET) {
                    break;
                }
                chunk.add(entries.get(at++));
                size += s;
            }
            String name = "catch" + tables.size();
            tables.add(name);
            helpers.add(new LoweredMethod.Helper(LoweredMethod.HelperKind.CATCH, name,
                    "Part " + (tables.size()) + " of the exception table", exceptionTable(chunk, "return true;")
                            .replaceAll("(?m)^        ", "") + "return false;\n"));
        }
        StringBuilder out = new StringBuilder();
        out.append(names.loop).append(": for (;;) {\n");
        out.append("    try {\n");
        appendFailure(out);
        out.append("        int ").append(names.state).append(" = ").append(names.machine).append(".$state;\n");
        appendSearch(out, starts, 0, starts.size(), 2);
        out.append("        if (").append(names.value).append(" != ").append(TypeWriter.STATE_MACHINE)
                .append(".OTHER_GROUP) {\n");
        out.append("            return ").append(names.value).append(";\n");
        out.append("        }\n");
        out.append("    } catch (java.lang.Throwable ").append(names.thrown).append(") {\n");
        if (!tables.isEmpty()) {
            out.append("        if (");
            String sep = "";
            for (String t : tables) {
                out.append(sep).append(LoweredMethod.RESUME).append("$").append(t).append("(").append(names.machine)
                        .append(", ").append(names.thrown).append(")");
                sep = "\n                || ";
            }
            out.append(") {\n");
            out.append("            continue ").append(names.loop).append(";\n");
            out.append("        }\n");
        }
        appendUncaught(out);
        out.append("    }\n");
        out.append("}\n");
        return new LoweredMethod.Body(out.toString(), helpers);
    }

    /** Calls the group of states {@code [starts[from], starts[to])} that holds {@code $s}: a binary search. */
    private void appendSearch(StringBuilder out, List<Integer> starts, int from, int to, int level) {
        String pad = "    ".repeat(level);
        if (to - from == 1) {
            String call = names.value + " = " + LoweredMethod.RESUME + "$" + starts.get(from) + "(" + names.machine
                    + ", " + names.value + ");";
            if (to == starts.size()) {
                out.append(pad).append("if (").append(names.state).append(" >= ").append(lowered.cases().size())
                        .append(") {\n");
                out.append(pad).append("    throw new java.lang.IllegalStateException(\"bad state \" + ")
                        .append(names.state).append(");\n");
                out.append(pad).append("}\n");
            }
            out.append(pad).append(call).append('\n');
            return;
        }
        int mid = (from + to) / 2;
        out.append(pad).append("if (").append(names.state).append(" < ").append(starts.get(mid)).append(") {\n");
        appendSearch(out, starts, from, mid, level + 1);
        out.append(pad).append("} else {\n");
        appendSearch(out, starts, mid, to, level + 1);
        out.append(pad).append("}\n");
    }

    private static void indent(StringBuilder out, String text, int levels) {
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                out.append("    ".repeat(levels)).append(line);
            }
            out.append('\n');
        }
    }

    private static List<TryEntry> innermostFirst(List<TryEntry> entries) {
        List<TryEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((TryEntry e) -> e.tryStart.state).reversed());
        return sorted;
    }

    /**
     * The catch side of the loop: the try table of {@code entries}, innermost first; a handled
     * exception sets the state of its handler and ends with {@code handled}.
     */
    private String exceptionTable(List<TryEntry> all, String handled) {
        List<TryEntry> entries = innermostFirst(all);
        if (entries.isEmpty()) {
            return "";
        }
        String m = names.machine;
        String t = names.thrown;
        String s = names.state;
        StringBuilder out = new StringBuilder();
        out.append("        int ").append(s).append(" = ").append(m).append(".$state;\n");
        for (TryEntry e : entries) {
            int from = e.tryStart.state;
            int to = (e.catchStart != null ? e.catchStart : e.finallyStart).state;
            out.append("        if (").append(s).append(" >= ").append(from).append(" && ").append(s).append(" < ")
                    .append(to).append(") {\n");
            for (Ir.Catch c : e.catches) {
                out.append("            if (");
                String sep = "";
                for (Ir.Part type : c.types()) {
                    out.append(sep).append(t).append(" instanceof ").append(renderPart(type, new ArrayList<>()));
                    sep = " || ";
                }
                out.append(") {\n");
                out.append("                ").append(m).append(".").append(lowered.caughtField()).append(" = ")
                        .append(t).append(";\n");
                out.append("                ").append(m).append(".$state = ").append(c.handler().state)
                        .append(";\n");
                out.append("                ").append(handled).append("\n");
                out.append("            }\n");
            }
            if (e.hasFinally()) {
                appendToFinally(out, e, "            ", handled);
            }
            out.append("        }\n");
            if (e.hasFinally() && e.catchStart != null) {
                out.append("        if (").append(s).append(" >= ").append(to).append(" && ").append(s)
                        .append(" < ").append(e.finallyStart.state).append(") {\n");
                appendToFinally(out, e, "            ", handled);
                out.append("        }\n");
            }
        }
        return out.toString();
    }

    private void appendToFinally(StringBuilder out, TryEntry e, String indent, String handled) {
        String m = names.machine;
        out.append(indent).append(renderRecord(new Ir.RecordRef(e, false))).append(" = ").append(Emitter.THROW)
                .append(";\n");
        out.append(indent).append(renderRecord(new Ir.RecordRef(e, true))).append(" = ").append(names.thrown)
                .append(";\n");
        out.append(indent).append(m).append(".$state = ").append(e.finallyStart.state).append(";\n");
        out.append(indent).append(handled).append("\n");
    }

    /**
     * Finds the hoisted locals {@code code} assigns (outside lambdas and classes) and captures,
     * and declares a shadow local for each in {@code prefix}. Such a local is effectively final in
     * the template and definitely unassigned before the line, so its shadow, assigned where it is
     * assigned, is too, and is definitely assigned where the template captures it.
     */
    private void shadows(Code code, List<String> prefix) {
        shadowInLine.clear();
        Set<VariableElement> assigned = new HashSet<>();
        Set<VariableElement> captured = new HashSet<>();
        scanLine(code, assigned, captured);
        assigned.retainAll(captured);
        List<VariableElement> sorted = new ArrayList<>(assigned);
        sorted.sort(Comparator.comparingInt(this::declarationPosition));
        for (VariableElement v : sorted) {
            String name = names.fresh(fieldNames.get(v) + "$captured");
            shadowInLine.put(v, name);
            prefix.add(fieldTypes.get(v) + " " + name + ";");
        }
    }

    private void scanLine(Object part, Set<VariableElement> assigned, Set<VariableElement> captured) {
        if (part instanceof Code c) {
            for (Object p : c.parts) {
                scanLine(p, assigned, captured);
            }
        } else if (part instanceof Ir.Decl d) {
            if (d.init() != null) {
                scanLine(d.init(), assigned, captured);
            } else if (d.tree().getInitializer() != null) {
                scanLine(new Ir.UserTree(d.tree().getInitializer(), Map.of()), assigned, captured);
            }
        } else if (part instanceof Ir.UserTree u) {
            new TreeScanner<Void, Integer>() {
                @Override
                public Void scan(Tree t, Integer depth) {
                    if (t != null && u.replacements().containsKey(t)) {
                        scanLine(u.replacements().get(t), assigned, captured);
                        return null;
                    }
                    return super.scan(t, depth);
                }

                @Override
                public Void visitAssignment(com.sun.source.tree.AssignmentTree a, Integer depth) {
                    if (depth == 0 && info.element(Spiller.strip(a.getVariable())) instanceof VariableElement v
                            && Spiller.strip(a.getVariable()) instanceof IdentifierTree && fieldNames.containsKey(v)) {
                        assigned.add(v);
                    }
                    return super.visitAssignment(a, depth);
                }

                @Override
                public Void visitIdentifier(IdentifierTree id, Integer depth) {
                    if (depth > 0 && info.element(id) instanceof VariableElement v && fieldNames.containsKey(v)) {
                        captured.add(v);
                    }
                    return null;
                }

                @Override
                public Void visitLambdaExpression(LambdaExpressionTree l, Integer depth) {
                    return super.visitLambdaExpression(l, depth + 1);
                }

                @Override
                public Void visitClass(ClassTree c, Integer depth) {
                    return super.visitClass(c, depth + 1);
                }
            }.scan(u.tree(), 0);
        }
    }

    private String renderCode(Code code, List<String> prefix) {
        StringBuilder out = new StringBuilder();
        for (Ir.Part p : code.parts) {
            out.append(renderPart(p, prefix));
        }
        return out.toString();
    }

    private String renderPart(Ir.Part p, List<String> prefix) {
        if (p instanceof Ir.Text t) {
            return t.text();
        }
        if (p instanceof Ir.Label l) {
            if (!l.marked()) {
                throw new IllegalStateException("jump to a label that was never marked");
            }
            return Integer.toString(l.state);
        }
        if (p instanceof Code c) {
            return renderCode(c, prefix);
        }
        if (p instanceof Ir.UserTree u) {
            return renderTree(u.tree(), u.replacements(), prefix);
        }
        if (p instanceof Ir.LocalRef r) {
            String f = fieldNames.get(r.element());
            return f != null ? names.machine + "." + f : r.element().getSimpleName().toString();
        }
        if (p instanceof Ir.Decl d) {
            return renderDecl(d, prefix);
        }
        if (p instanceof Ir.RecordRef r) {
            return renderRecord(r);
        }
        Ir.Clear c = (Ir.Clear) p;
        StringBuilder out = new StringBuilder();
        for (VariableElement e : c.locals()) {
            String f = fieldNames.get(e);
            if (f != null && !e.asType().getKind().isPrimitive()) {
                out.append(out.length() == 0 ? "" : " ").append(names.machine).append('.').append(f)
                        .append(" = null;");
            }
        }
        return out.toString();
    }

    /** A completion record's kind or value: a local of the resume method, or a field of the machine. */
    private String renderRecord(Ir.RecordRef r) {
        int slot = r.entry().recordSlot;
        String name = r.value() ? recordValues.get(slot) : recordKinds.get(slot);
        return inFields(r.entry()) ? names.machine + "." + name : name;
    }

    /** Whether {@code e}'s completion record is a pair of machine fields (else locals of the resume method). */
    private boolean inFields(TryEntry e) {
        return split || !e.recordIsLocal;
    }

    /** The record slots kept in fields ({@code fields} true) or in locals of the resume method. */
    private List<Integer> recordSlots(boolean fields) {
        java.util.TreeSet<Integer> slots = new java.util.TreeSet<>();
        for (TryEntry e : lowered.tryEntries()) {
            if (e.hasFinally() && inFields(e) == fields) {
                slots.add(e.recordSlot);
            }
        }
        return new ArrayList<>(slots);
    }

    private String renderDecl(Ir.Decl d, List<String> prefix) {
        String init = d.init() != null ? renderCode(d.init(), prefix)
                : d.tree().getInitializer() != null ? renderTree(d.tree().getInitializer(), Map.of(), prefix) : null;
        String field = fieldNames.get(d.element());
        if (field != null) {
            if (init != null && d.tree().getInitializer() instanceof com.sun.source.tree.NewArrayTree na
                    && na.getType() == null && na.getInitializers() != null) {
                init = "new " + fieldTypes.get(d.element()) + " " + init; // 'int[] a = {1}' as an assignment
            }
            return init == null ? "" : names.machine + "." + field + " = " + init + ";";
        }
        VariableTree v = d.tree();
        String type;
        Tree typeTree = v.getType();
        if (typeTree == null || !info.written(typeTree)) {
            type = "var";
        } else if (typeTree.getKind() == Tree.Kind.UNION_TYPE || info.end(typeTree) > nameEnd(v)) {
            type = types.writable(types.catchType(d.element().asType()));
        } else {
            type = renderTree(typeTree, Map.of(), prefix);
        }
        boolean isFinal = v.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.FINAL);
        return (isFinal ? "final " : "") + type + " " + v.getName() + (init == null ? "" : " = " + init) + ";";
    }

    private int nameEnd(VariableTree v) {
        // the name follows the type: a type tree ending after the name is C-style ("int a[]")
        String text = info.source.subSequence(info.start(v), Math.max(info.start(v), info.end(v))).toString();
        int at = text.indexOf(v.getName().toString(), info.end(v.getType()) - info.start(v));
        return at < 0 ? Integer.MAX_VALUE : info.start(v) + at + v.getName().length();
    }

    /** The source of {@code root} with hoisted locals, jumps and returns rewritten. */
    String renderTree(Tree root, Map<Tree, Code> replacements, List<String> prefix) {
        int start = info.start(root);
        int end = info.end(root);
        if (start < 0 || end < start) {
            // javac keeps end positions whenever a processor runs; a tree without one is Baton's bug
            throw new IllegalStateException("no source position for " + root.getKind());
        }
        List<int[]> spans = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Map<VariableElement, String> captures = new LinkedHashMap<>();
        Set<VariableElement> boundHere = boundInLine;
        List<javax.lang.model.element.TypeElement> classes = new ArrayList<>(); // declared in the body, innermost first
        new TreeScanner<Void, Integer>() {
            @Override
            public Void scan(Tree t, Integer depth) {
                if (t == null) {
                    return null;
                }
                if (replacements.containsKey(t)) {
                    spans.add(new int[] {info.start(t), info.end(t)});
                    texts.add(renderCode(replacements.get(t), prefix));
                    return null;
                }
                return super.scan(t, depth);
            }

            @Override
            public Void visitIdentifier(IdentifierTree id, Integer depth) {
                Element e = info.element(id);
                String replacement = null;
                String field = e instanceof VariableElement v ? fieldNames.get(v) : null;
                if (field != null) {
                    if (depth > 0 && boundHere.contains(e)) {
                        replacement = id.getName().toString();
                    } else if (depth > 0 && shadowInLine.containsKey(e)) {
                        replacement = shadowInLine.get(e);
                    } else if (depth > 0) {
                        VariableElement v = (VariableElement) e;
                        replacement = captures.computeIfAbsent(v, k -> captureNames
                                .computeIfAbsent(root, r -> new LinkedHashMap<>())
                                .computeIfAbsent(k, x -> names.fresh(field + "$captured")));
                    } else {
                        replacement = names.machine + "." + field;
                    }
                } else if (e != null) {
                    replacement = scope.receiver() != null ? throughReceiver(e, id.getName().toString(), classes) : null;
                    if (replacement == null) {
                        replacement = scope.qualify(e, id.getName().toString());
                    }
                }
                if (replacement != null && info.written(id)) {
                    spans.add(new int[] {info.start(id), info.end(id)});
                    texts.add(replacement);
                }
                return null;
            }

            /** {@code v = x} where the line shadows v: {@code $m.v = v$captured = x}. */
            @Override
            public Void visitAssignment(com.sun.source.tree.AssignmentTree a, Integer depth) {
                String shadow = depth == 0 && Spiller.strip(a.getVariable()) instanceof IdentifierTree id
                        ? shadowInLine.get(info.element(id)) : null;
                if (shadow == null || replacements.containsKey(a.getVariable())) {
                    return super.visitAssignment(a, depth);
                }
                VariableElement v = (VariableElement) info.element(Spiller.strip(a.getVariable()));
                spans.add(new int[] {info.start(a.getVariable()), info.end(a.getVariable())});
                texts.add(names.machine + "." + fieldNames.get(v) + " = " + shadow);
                return scan(a.getExpression(), depth);
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree ms, Integer depth) {
                if (scope.receiver() != null && ms.getIdentifier().contentEquals("this")
                        && scope.isTemplate(info.element(ms.getExpression()))) {
                    spans.add(new int[] {info.start(ms), info.end(ms)});
                    texts.add(scope.receiver()); // X.this is the instance the machine runs on
                    return null;
                }
                if ((ms.getIdentifier().contentEquals("this") || ms.getIdentifier().contentEquals("super"))
                        && scope.isTemplate(info.element(ms.getExpression()))) {
                    // X.super.m() means super.m() of X; BodyValidator rejects it where X overrides m
                    spans.add(new int[] {info.start(ms), info.end(ms)});
                    texts.add(scope.generatedName() + "." + ms.getIdentifier());
                    return null;
                }
                return scan(ms.getExpression(), depth);
            }

            /**
             * {@code E instanceof T t} with {@code t} hoisted: the match also stores the value in
             * t's field, {@code (E instanceof T t && ($m.t = t) != null)}; the added test is true
             * (a match is never null), so the value, the order and the scopes are Java's.
             */
            @Override
            public Void visitInstanceOf(InstanceOfTree i, Integer depth) {
                VariableTree binding = i.getPattern() instanceof BindingPatternTree b ? b.getVariable() : null;
                Element e = binding == null ? null : info.element(binding);
                String field = e instanceof VariableElement v ? fieldNames.get(v) : null;
                if (field == null) {
                    return super.visitInstanceOf(i, depth);
                }
                boolean parenthesized = i != root
                        && info.path(i).getParentPath().getLeaf().getKind() == Tree.Kind.PARENTHESIZED;
                spans.add(new int[] {info.start(i), info.start(i)});
                texts.add(parenthesized ? "" : "(");
                super.visitInstanceOf(i, depth);
                if (depth == 0) {
                    boundHere.add((VariableElement) e);
                }
                spans.add(new int[] {info.end(i), info.end(i)});
                texts.add(" && (" + names.machine + "." + field + " = " + binding.getName() + ") != null"
                        + (parenthesized ? "" : ")"));
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree l, Integer depth) {
                return super.visitLambdaExpression(l, depth + 1);
            }

            @Override
            public Void visitClass(ClassTree c, Integer depth) {
                classes.add(0, (javax.lang.model.element.TypeElement) info.trees.getElement(info.path(c)));
                try {
                    return super.visitClass(c, depth + 1);
                } finally {
                    classes.remove(0);
                }
            }
        }.scan(root, 0);
        for (Map.Entry<VariableElement, String> c : captures.entrySet()) {
            prefix.add("final " + fieldTypes.get(c.getKey()) + " " + c.getValue() + " = " + names.machine + "."
                    + fieldNames.get(c.getKey()) + ";");
        }
        StringBuilder out = new StringBuilder();
        int at = start;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> spans.get(i)[0]));
        for (int i : order) {
            int[] span = spans.get(i);
            if (span[0] < at) {
                continue; // nested in a span already replaced
            }
            out.append(info.source, at, span[0]).append(texts.get(i));
            at = span[1];
        }
        out.append(info.source, at, end);
        return SourceLines.mark(dedent(out.toString(), indentation(start)), (int) info.line(root), true, false);
    }

    /**
     * A shared body ({@link Scope#receiver()}) names the template's instance explicitly:
     * {@code this}, and an instance field or method named without a receiver, go through the
     * receiver, unless a class declared in the body (one of {@code classes}) owns the name.
     * Null when the name is left as written.
     */
    private String throughReceiver(Element e, String name, List<javax.lang.model.element.TypeElement> classes) {
        if (name.equals("this")) {
            return classes.isEmpty() ? scope.receiver() : null;
        }
        if ((e.getKind() != ElementKind.FIELD && e.getKind() != ElementKind.METHOD)
                || e.getModifiers().contains(Modifier.STATIC)) {
            return null;
        }
        for (javax.lang.model.element.TypeElement c : classes) {
            if (scope.isMember(c, e)) {
                return null;
            }
        }
        return scope.receiver() + "." + name;
    }

    /** How far the line holding {@code position} is indented: continuation lines lose that much. */
    private int indentation(int position) {
        int at = (int) info.unit.getLineMap().getStartPosition(info.unit.getLineMap().getLineNumber(position));
        int n = 0;
        while (at + n < position && info.source.charAt(at + n) == ' ') {
            n++;
        }
        return n;
    }

    private static String dedent(String text, int column) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            int cut = 0;
            while (cut < column && cut < l.length() && l.charAt(cut) == ' ') {
                cut++;
            }
            out.append('\n').append(l.substring(cut));
        }
        return out.toString();
    }

    /** What names in the body mean outside the template: how to qualify members of enclosing classes. */
    interface Scope {
        /** The qualified replacement for a name resolving to {@code e}, or null to keep it. */
        String qualify(Element e, String name);

        boolean isTemplate(Element e);

        String generatedName();

        /**
         * How a shared body (one a generated subclass of another template may run, see
         * {@code ClassEmitter}) names the template's instance, e.g. {@code $m.$self}; null when
         * the body runs as an instance method of {@code Baton_X}, where {@code this} is it.
         */
        String receiver();

        /** Whether {@code e} is a member of {@code type}, declared or inherited. */
        boolean isMember(javax.lang.model.element.TypeElement type, Element e);
    }
}
