package dev.baton.processor.lowering;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import com.palantir.javapoet.TypeName;
import dev.baton.processor.diagnostics.Tag;
import dev.baton.processor.lowering.Ir.Code;
import dev.baton.processor.lowering.Ir.Label;
import dev.baton.processor.diagnostics.Report;
import dev.baton.processor.diagnostics.Tag;
import dev.baton.processor.model.BodyInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * Takes apart an expression that contains awaits (docs/design.md, lowering rule 12), the way Roslyn's
 * {@code AwaitExpressionSpiller} and regenerator's {@code explodeExpression} do: the operands
 * Java evaluates before an await are evaluated first, in order, into temporaries (machine
 * fields named with {@code $}, so they survive the suspension), each await ends a state, and
 * what remains is one piece of code, evaluated in the last state, that reads the temporaries
 * and the await's result. {@code &&}, {@code ||} and {@code ?:} become jumps, so only the side
 * Java would evaluate is evaluated; a compound assignment reads its variable before the right
 * side (JLS 15.26.2).
 *
 * <p>Operands that need no temporary: literals and constants, {@code this} and {@code super},
 * type names, lambdas, final fields, and locals the rest of the expression does not assign.
 * Temporaries are pooled by type within a method and released (reference ones set to null)
 * when the statement that used them ends.
 */
final class Spiller {
    private final Emitter emitter;
    private final Report report;
    private final Element method;
    /** Lowers a switch expression whose cases await (see {@link SwitchLowering}): its value's code. */
    private final Function<SwitchExpressionTree, Code> switches;
    private final BodyInfo info;
    private final TypeWriter types;
    private final Map<String, Deque<Temp>> free = new HashMap<>();
    private final List<Temp> live = new ArrayList<>();
    private final List<Temp> pendingClears = new ArrayList<>();
    /** The codes that only read a temporary: already stable, never spilled again. */
    private final Set<Code> stableCodes = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The codes that need no parentheses as an operand: await results and temporaries. */
    private final Set<Code> primaryCodes = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The full expression being taken apart: what "the rest of the expression" means. */
    private Tree root;

    /** A temporary: a machine field holding an operand across a suspension. */
    record Temp(String field, String type, boolean reference) {}

    /** Thrown (after reporting) when an expression cannot be lowered; the statement is abandoned. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    Spiller(Emitter emitter, BodyInfo info, TypeWriter types, Report report, Element method,
            Function<SwitchExpressionTree, Code> switches) {
        this.emitter = emitter;
        this.info = info;
        this.types = types;
        this.report = report;
        this.method = method;
        this.switches = switches;
        emitter.clearsFrom(this::takeClears);
    }

    // ---- statements' view ----

    /** Starts a full expression (a statement's): returns a mark for {@link #release}. */
    int begin(Tree fullExpression) {
        if (root == null) {
            root = fullExpression;
        }
        return live.size();
    }

    /**
     * Ends what {@link #begin} started: the temporaries taken since {@code mark} go back to the
     * pool. Reference ones are set to null, so a suspended machine keeps no garbage alive, by
     * the next line the lowering emits, unless that line reuses them.
     */
    void release(int mark) {
        List<Temp> done = live.subList(mark, live.size());
        for (Temp t : done) {
            if (t.reference()) {
                pendingClears.add(t);
            }
            free.computeIfAbsent(t.type(), k -> new ArrayDeque<>()).push(t);
        }
        done.clear();
        if (mark == 0) {
            root = null;
        }
    }

    /** The line clearing released reference temporaries not reused since, or null; forgets them. */
    Code takeClears() {
        if (pendingClears.isEmpty()) {
            return null;
        }
        Code clear = new Code();
        for (Temp t : pendingClears) {
            clear.add(clear.parts.isEmpty() ? "" : " ", emitter.m(), ".", t.field(), " = null;");
        }
        pendingClears.clear();
        return clear;
    }

    /** Forgets the expressions under way after an error (nothing of this method is emitted). */
    void abandon() {
        live.clear();
        pendingClears.clear();
        root = null;
    }

    /** Whether reference temporaries taken since {@code mark} are still held. */
    boolean holdsReferences(int mark) {
        for (Temp t : live.subList(mark, live.size())) {
            if (t.reference()) {
                return true;
            }
        }
        return false;
    }

    // ---- expressions ----

    /**
     * The code of {@code e}'s value, to be evaluated in the current state after whatever this
     * call emitted (states for awaits, assignments of temporaries, jumps).
     */
    Code value(ExpressionTree e) {
        if (!info.containsAwait(e)) {
            return Code.of(new Ir.UserTree(e, Map.of()));
        }
        switch (e.getKind()) {
            case PARENTHESIZED:
                return Code.of("(", value(((ParenthesizedTree) e).getExpression()), ")");
            case METHOD_INVOCATION: {
                MethodInvocationTree mi = (MethodInvocationTree) e;
                if (info.isAwait(mi)) {
                    return awaitResult(mi, null, false, false);
                }
                List<ExpressionTree> children = new ArrayList<>();
                if (mi.getMethodSelect() instanceof MemberSelectTree ms && isValue(ms.getExpression())) {
                    children.add(ms.getExpression());
                }
                children.addAll(mi.getArguments());
                return inOrder(e, children);
            }
            case NEW_CLASS: {
                NewClassTree nc = (NewClassTree) e;
                if (nc.getClassBody() != null && info.containsAwait(nc.getClassBody())) {
                    throw refuse(Tag.BatonAwaitInLambda, nc.getClassBody(), "await cannot stand inside an anonymous"
                            + " class: it would suspend a different method than the coroutine");
                }
                initializeFirst(nc);
                List<ExpressionTree> children = new ArrayList<>();
                if (nc.getEnclosingExpression() != null) {
                    children.add(nc.getEnclosingExpression());
                }
                children.addAll(nc.getArguments());
                return inOrder(e, children);
            }
            case MEMBER_SELECT:
                return inOrder(e, List.of(((MemberSelectTree) e).getExpression()));
            case MEMBER_REFERENCE:
                return inOrder(e, List.of(((MemberReferenceTree) e).getQualifierExpression()));
            case ARRAY_ACCESS: {
                ArrayAccessTree a = (ArrayAccessTree) e;
                return inOrder(e, List.of(a.getExpression(), a.getIndex()));
            }
            case NEW_ARRAY: {
                NewArrayTree na = (NewArrayTree) e;
                List<ExpressionTree> children = new ArrayList<>(na.getDimensions());
                if (na.getInitializers() != null) {
                    children.addAll(na.getInitializers());
                }
                return inOrder(e, children);
            }
            case TYPE_CAST:
                return inOrder(e, List.of(((TypeCastTree) e).getExpression()));
            case INSTANCE_OF:
                return inOrder(e, List.of(((InstanceOfTree) e).getExpression()));
            case UNARY_PLUS: case UNARY_MINUS: case BITWISE_COMPLEMENT: case LOGICAL_COMPLEMENT:
                return inOrder(e, List.of(((UnaryTree) e).getExpression()));
            case PREFIX_INCREMENT: case PREFIX_DECREMENT: case POSTFIX_INCREMENT: case POSTFIX_DECREMENT:
                return inOrder(e, variableParts(((UnaryTree) e).getExpression()));
            case CONDITIONAL_AND: case CONDITIONAL_OR:
                return shortCircuit((BinaryTree) e);
            case CONDITIONAL_EXPRESSION:
                return conditional((ConditionalExpressionTree) e);
            case ASSIGNMENT: {
                AssignmentTree a = (AssignmentTree) e;
                List<ExpressionTree> children = new ArrayList<>(variableParts(a.getVariable()));
                ExpressionTree right = a.getExpression();
                if (info.isAwait(right)) {
                    // v = await(x): the variable's parts, then the await, then v = (T) $value
                    Map<Tree, Code> replacements = new IdentityHashMap<>();
                    for (ExpressionTree part : children) {
                        replacements.put(part, spilled(part, value(part)));
                    }
                    replacements.put(right, awaitResult((MethodInvocationTree) right, info.type(a.getVariable()),
                            true, false));
                    return Code.of(new Ir.UserTree(e, replacements));
                }
                children.add(right);
                return inOrder(e, children);
            }
            case SWITCH_EXPRESSION: {
                SwitchExpressionTree s = (SwitchExpressionTree) e;
                if (info.containsAwait(s.getExpression()) && !casesContainAwait(s)) {
                    return inOrder(e, List.of(s.getExpression()));
                }
                return switches.apply(s);
            }
            default:
                if (e instanceof CompoundAssignmentTree ca) {
                    return compound(ca);
                }
                if (e instanceof BinaryTree b) {
                    return inOrder(e, List.of(b.getLeftOperand(), b.getRightOperand()));
                }
                throw refuse(Tag.BatonAwaitPosition, e, "await cannot stand inside " + article(describe(e))
                        + "; assign the awaited value to a local first ('T v = await(x);') and use v");
        }
    }

    private boolean casesContainAwait(SwitchExpressionTree s) {
        for (var c : s.getCases()) {
            if (info.containsAwait(c)) {
                return true;
            }
        }
        return false;
    }

    /** An await whose result is not used: evaluates the awaitable, suspends unless it is complete. */
    void awaitOnly(MethodInvocationTree call) {
        Code awaitable = value(BodyInfo.awaitArgument(call));
        emitter.awaitCode(awaitable, info.comment(call));
    }

    /**
     * The await itself: evaluates the awaitable, suspends unless it is complete, and yields the
     * result cast to the await's type in the resume state. {@code target} is the declared type
     * of what it initializes, the fallback when the await's own type cannot be written;
     * {@code bare} leaves out the outer parentheses (for the right side of an assignment);
     * {@code untypedOk} lets an unwritable type go uncast (where any Object will do).
     */
    Code awaitResult(MethodInvocationTree call, TypeMirror target, boolean bare, boolean untypedOk) {
        awaitOnly(call);
        TypeMirror type = info.type(call);
        String cast = types.castType(type, target);
        if (cast == null && target == null && !untypedOk) {
            TypeMirror d = type == null ? null : types.denotable(type);
            if (d == null || types.writable(d) == null) {
                throw refuse(Tag.BatonVarType, call, "the type of '" + info.text(call) + "' (" + type + ") cannot be"
                        + " written in generated code; assign it to a local of an explicit type first");
            }
        }
        if (cast == null) {
            Code c = Code.of(emitter.names.value);
            primaryCodes.add(c);
            return c;
        }
        if (bare) {
            return Code.of("(", cast, ") ", emitter.names.value);
        }
        Code c = Code.of("((", cast, ") ", emitter.names.value, ")");
        primaryCodes.add(c);
        return c;
    }

    /**
     * The general case: {@code children} are the subexpressions of {@code e} that Java
     * evaluates before applying {@code e}'s own operation, in evaluation order. Those before
     * the last one that awaits are evaluated into temporaries (unless stable); the last one that
     * awaits is taken apart; the ones after it stay where they are.
     */
    private Code inOrder(ExpressionTree e, List<ExpressionTree> children) {
        int last = -1;
        for (int i = 0; i < children.size(); i++) {
            if (info.containsAwait(children.get(i))) {
                last = i;
            }
        }
        if (last < 0) {
            throw new IllegalStateException("no await among the operands of " + e.getKind());
        }
        Map<Tree, Code> replacements = new IdentityHashMap<>();
        for (int i = 0; i <= last; i++) {
            ExpressionTree child = children.get(i);
            // a pattern variable of an operand evaluated into a temporary has no scope beyond
            // that operand (only &&, || and ?: carry one to their right, see shortCircuit)
            Code code = value(child);
            if (i < last) {
                code = spilled(child, code);
            }
            if (code.parts.size() != 1 || !(code.parts.get(0) instanceof Ir.UserTree u) || u.tree() != child
                    || !u.replacements().isEmpty()) {
                replacements.put(child, code);
            }
        }
        return Code.of(new Ir.UserTree(e, replacements));
    }

    /**
     * {@code code} (the value of {@code child}) as it may be read after later operands ran:
     * converted as Java converts it when it evaluates it (a conversion may throw or print, so
     * it cannot wait for the await to its right), and a bound method reference's receiver
     * checked for null (JLS 15.13.3).
     */
    private Code spilled(ExpressionTree child, Code code) {
        TypeMirror converted = conversion(child);
        if (converted != null) {
            TypeMirror type = info.type(child);
            boolean string = !converted.getKind().isPrimitive();
            return assignTemp(child, converted, !string ? code
                    : Code.of("java.lang.String.valueOf(", type.getKind() == TypeKind.ARRAY ? "(java.lang.Object) " : "",
                            code, ")"));
        }
        if (strip(child) instanceof MemberReferenceTree ref && !info.containsAwait(child) && isStable(child)
                && isValue(ref.getQualifierExpression()) && !isThis(ref.getQualifierExpression())
                && !(ref.getQualifierExpression() instanceof IdentifierTree id && id.getName().contentEquals("super"))
                && info.constant(ref.getQualifierExpression()) == null) {
            ExpressionTree q = ref.getQualifierExpression();
            Code receiver = assignTemp(q, info.type(q), Code.of("java.util.Objects.requireNonNull(", value(q), ")"));
            return Code.of(new Ir.UserTree(child, Map.of(q, receiver)));
        }
        if (stableCodes.contains(code) || (!info.containsAwait(child) && isStable(child))) {
            return code;
        }
        return assignTemp(child, info.type(child), code);
    }

    /**
     * The type Java converts the operand {@code child} to as it evaluates it, when the conversion
     * may be told from a later one: the primitive of an unboxing (it throws on null), String for
     * the string conversion of an object (its {@code toString()} may do anything). Null when the
     * operand is used as it is, or its conversion has no effect (a primitive, a String, a box
     * converted to a string).
     */
    private TypeMirror conversion(ExpressionTree child) {
        TypeMirror type = info.type(child);
        if (type == null || type.getKind().isPrimitive() || type.getKind() == TypeKind.NULL
                || type.getKind() == TypeKind.VOID || type.getKind() == TypeKind.ERROR) {
            return null;
        }
        TypeMirror unboxed = types.unboxed(type);
        Tree parent = info.path(child).getParentPath().getLeaf();
        if (parent instanceof BinaryTree b) {
            switch (b.getKind()) {
                case CONDITIONAL_AND, CONDITIONAL_OR:
                    return unboxed;
                case PLUS:
                    if (isString(info.type(b))) {
                        return unboxed != null || isString(type) ? null : types.stringType();
                    }
                    return unboxed;
                case EQUAL_TO, NOT_EQUAL_TO: {
                    ExpressionTree other = b.getLeftOperand() == child ? b.getRightOperand() : b.getLeftOperand();
                    TypeMirror o = info.type(other);
                    return o != null && o.getKind().isPrimitive() ? unboxed : null;
                }
                default:
                    return unboxed;
            }
        }
        if (unboxed == null) {
            return null;
        }
        if (parent instanceof MethodInvocationTree || parent instanceof NewClassTree) {
            List<? extends ExpressionTree> args = parent instanceof MethodInvocationTree mi ? mi.getArguments()
                    : ((NewClassTree) parent).getArguments();
            int index = indexOf(args, child);
            return index >= 0 && info.element(parent) instanceof javax.lang.model.element.ExecutableElement m
                    && parameterIsPrimitive(m, index) ? unboxed : null;
        }
        if (parent instanceof ArrayAccessTree a) {
            return a.getIndex() == child ? unboxed : null;
        }
        if (parent instanceof NewArrayTree na) {
            if (indexOf(na.getDimensions(), child) >= 0) {
                return unboxed;
            }
            TypeMirror array = info.type(na);
            return array instanceof ArrayType at && at.getComponentType().getKind().isPrimitive() ? unboxed : null;
        }
        return null;
    }

    private static int indexOf(List<? extends ExpressionTree> list, ExpressionTree e) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == e) {
                return i;
            }
        }
        return -1;
    }

    /** Whether argument {@code index} of a call of {@code m} is passed to a primitive parameter. */
    private static boolean parameterIsPrimitive(javax.lang.model.element.ExecutableElement m, int index) {
        List<? extends VariableElement> params = m.getParameters();
        if (params.isEmpty()) {
            return false;
        }
        TypeMirror p = params.get(Math.min(index, params.size() - 1)).asType();
        if (m.isVarArgs() && index >= params.size() - 1 && p instanceof ArrayType at) {
            p = at.getComponentType(); // a variable-arity call's element; an array passed as is is no box
        }
        return p.getKind().isPrimitive();
    }

    private static boolean isString(TypeMirror t) {
        return t != null && t.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().contentEquals("java.lang.String");
    }

    /**
     * {@code new C(...)} with an await among its operands: Java initializes C before it evaluates
     * them (JLS 12.4.1, 15.9.4), so C is initialized first, here, where its initialization may
     * show (a static initializer or a static field set by code, in a class of this compilation; any
     * class only known from its class file). The JDK's classes, the template and its superclasses
     * (initialized already) and qualified inner creations are left as they are.
     */
    private void initializeFirst(NewClassTree nc) {
        Element ctor = info.element(nc);
        if (nc.getEnclosingExpression() != null || ctor == null || !(ctor.getEnclosingElement() instanceof TypeElement c)) {
            return;
        }
        if (c.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS) {
            c = c.getSuperclass() instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
        }
        if (c == null || !initializationMayShow(c)) {
            return;
        }
        Tree name = nc.getIdentifier();
        if (name instanceof com.sun.source.tree.ParameterizedTypeTree p) {
            name = p.getType();
        }
        if (name instanceof com.sun.source.tree.AnnotatedTypeTree a) {
            name = a.getUnderlyingType();
        }
        emitter.add(Code.of("java.lang.invoke.MethodHandles.lookup().ensureInitialized(", new Ir.UserTree(name, Map.of()),
                ".class);"));
    }

    private boolean initializationMayShow(TypeElement c) {
        Set<Element> initialized = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element t = method.getEnclosingElement(); t instanceof TypeElement te;
                t = te.getSuperclass() instanceof DeclaredType d ? d.asElement() : null) {
            initialized.add(t);
        }
        for (TypeElement k = c; k != null; k = k.getSuperclass() instanceof DeclaredType d ? (TypeElement) d.asElement() : null) {
            String name = k.getQualifiedName().toString();
            if (initialized.contains(k) || name.startsWith("java.") || name.startsWith("javax.")) {
                return false;
            }
            if (!k.getModifiers().contains(Modifier.PUBLIC) && !samePackage(k)) {
                return false; // not a class the machine's lookup may initialize (nor name)
            }
            Tree tree = info.trees.getTree(k);
            if (!(tree instanceof com.sun.source.tree.ClassTree ct) || k.getKind() == ElementKind.ENUM) {
                return true;
            }
            for (Tree member : ct.getMembers()) {
                if (member instanceof com.sun.source.tree.BlockTree b && b.isStatic()) {
                    return true;
                }
                if (member instanceof com.sun.source.tree.VariableTree v && v.getInitializer() != null
                        && v.getModifiers().getFlags().contains(Modifier.STATIC) && staticFieldIsComputed(k, v)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean staticFieldIsComputed(TypeElement k, com.sun.source.tree.VariableTree v) {
        for (Element e : k.getEnclosedElements()) {
            if (e instanceof VariableElement f && f.getSimpleName().contentEquals(v.getName())) {
                return f.getConstantValue() == null;
            }
        }
        return true;
    }

    private boolean samePackage(TypeElement k) {
        Element a = k;
        while (!(a instanceof PackageElement)) {
            a = a.getEnclosingElement();
        }
        Element b = method;
        while (!(b instanceof PackageElement)) {
            b = b.getEnclosingElement();
        }
        return ((PackageElement) a).getQualifiedName().contentEquals(((PackageElement) b).getQualifiedName());
    }

    /** Assigns {@code code} to a new temporary of {@code type}; returns the code reading it. */
    private Code assignTemp(ExpressionTree tree, TypeMirror type, Code code) {
        Temp t = temp(tree, type);
        Code init = code;
        if (tree instanceof NewArrayTree na && na.getType() == null && na.getInitializers() != null) {
            init = Code.of("new ", t.type(), " ", code); // a bare {...} initializer needs its type
        }
        emitter.add(Code.of(emitter.m(), ".", t.field(), " = ", init, ";"));
        return read(t);
    }

    private Code read(Temp t) {
        Code c = Code.of(emitter.m(), ".", t.field());
        stableCodes.add(c);
        primaryCodes.add(c);
        return c;
    }

    /** A free temporary of the type of {@code tree}, or a new one. */
    Temp temp(Tree tree, TypeMirror type) {
        TypeMirror t = denotable(type);
        String text = t == null ? null : types.writable(t);
        if (text == null || text.startsWith("?")) {
            throw refuse(Tag.BatonVarType, tree, "the value of '" + info.text(tree) + "' must be kept while an await"
                    + " to its right runs, but its type (" + type + ") cannot be written in generated code;"
                    + " assign it to a local of an explicit type first");
        }
        Deque<Temp> pool = free.get(text);
        Temp temp = pool == null || pool.isEmpty() ? null : pool.pop();
        if (temp != null) {
            pendingClears.remove(temp); // about to be overwritten
        } else {
            boolean reference = !t.getKind().isPrimitive();
            temp = new Temp(emitter.synthetic("$" + baseName(t), TypeName.get(t), reference), text, reference);
        }
        live.add(temp);
        return temp;
    }

    private static String baseName(TypeMirror t) {
        switch (t.getKind()) {
            case ARRAY:
                return baseName(((ArrayType) t).getComponentType()) + "Array";
            case DECLARED:
                return ((DeclaredType) t).asElement().getSimpleName().toString();
            case TYPEVAR:
                return ((TypeVariable) t).asElement().getSimpleName().toString();
            default:
                return t.getKind().isPrimitive() ? t.getKind().name().toLowerCase(java.util.Locale.ROOT) : "tmp";
        }
    }

    /** A type a temporary can have: captures widened to their bound, null for the null type's Object. */
    private TypeMirror denotable(TypeMirror t) {
        if (t == null || t.getKind() == TypeKind.ERROR || t.getKind() == TypeKind.NONE
                || t.getKind() == TypeKind.VOID) {
            return null;
        }
        if (t.getKind() == TypeKind.NULL) {
            return types.objectType();
        }
        return types.denotable(t);
    }

    // ---- what needs no temporary ----

    /** Whether {@code e} names a value (not a type or a package). */
    boolean isValue(ExpressionTree e) {
        Element el = info.element(e);
        return !(el instanceof TypeElement || el instanceof PackageElement);
    }

    /**
     * Whether evaluating {@code e} later gives the same value and the same side effects (none)
     * as evaluating it now, whatever the rest of the expression does.
     */
    private boolean isStable(ExpressionTree e) {
        switch (e.getKind()) {
            case PARENTHESIZED:
                return isStable(((ParenthesizedTree) e).getExpression());
            case LAMBDA_EXPRESSION:
                return true;
            case MEMBER_REFERENCE: {
                ExpressionTree q = ((MemberReferenceTree) e).getQualifierExpression();
                return !isValue(q) || isStable(q);
            }
            case IDENTIFIER: {
                if (info.constant(e) != null) {
                    return true;
                }
                Element el = info.element(e);
                String name = ((IdentifierTree) e).getName().toString();
                if (name.equals("this") || name.equals("super") || !isValue(e)) {
                    return true;
                }
                if (BodyInfo.isLocal(el)) {
                    return !assignedIn(root, (VariableElement) el);
                }
                return isFinalField(el);
            }
            case MEMBER_SELECT: {
                MemberSelectTree ms = (MemberSelectTree) e;
                String name = ms.getIdentifier().toString();
                if (info.constant(e) != null || name.equals("this") || name.equals("super") || name.equals("class")
                        || !isValue(e)) {
                    return true;
                }
                Element el = info.element(e);
                return isFinalField(el) && (!isValue(ms.getExpression()) || isStable(ms.getExpression()))
                        && (el.getModifiers().contains(Modifier.STATIC) || isThis(ms.getExpression()));
            }
            default:
                return e instanceof com.sun.source.tree.LiteralTree;
        }
    }

    private static boolean isThis(ExpressionTree e) {
        return e instanceof IdentifierTree id && id.getName().contentEquals("this")
                || e instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("this");
    }

    private static boolean isFinalField(Element e) {
        return e instanceof VariableElement && e.getKind() == ElementKind.FIELD
                && e.getModifiers().contains(Modifier.FINAL);
    }

    /** Whether anything in {@code scope} assigns (or increments) the local {@code v}. */
    private boolean assignedIn(Tree scope, VariableElement v) {
        if (scope == null) {
            return true;
        }
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree a, Void unused) {
                check(a.getVariable());
                return super.visitAssignment(a, unused);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree a, Void unused) {
                check(a.getVariable());
                return super.visitCompoundAssignment(a, unused);
            }

            @Override
            public Void visitUnary(UnaryTree u, Void unused) {
                switch (u.getKind()) {
                    case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> check(u.getExpression());
                    default -> {}
                }
                return super.visitUnary(u, unused);
            }

            private void check(ExpressionTree target) {
                ExpressionTree t = strip(target);
                if (t instanceof IdentifierTree && v.equals(info.element(t))) {
                    found[0] = true;
                }
            }
        }.scan(scope, null);
        return found[0];
    }

    static ExpressionTree strip(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        return e;
    }

    /**
     * The subexpressions evaluated to find the variable an assignment or increment writes
     * (JLS 15.26): none for a name, the object for a field access, the array and the index for
     * an array element.
     */
    private List<ExpressionTree> variableParts(ExpressionTree variable) {
        ExpressionTree v = strip(variable);
        if (v instanceof MemberSelectTree ms && isValue(ms.getExpression())) {
            return List.of(ms.getExpression());
        }
        if (v instanceof ArrayAccessTree a) {
            return List.of(a.getExpression(), a.getIndex());
        }
        return List.of();
    }

    // ---- the operators that choose what to evaluate ----

    /** {@code a && b}, {@code a || b} with an await in b: b runs only when Java would run it. */
    private Code shortCircuit(BinaryTree e) {
        ExpressionTree right = e.getRightOperand();
        if (!info.containsAwait(right)) {
            return inOrder(e, List.of(e.getLeftOperand(), right));
        }
        // the left side's pattern variables are in scope on the right, evaluated in other lines
        // (and states): they live in machine fields, stored where the pattern matches
        bindings(e.getLeftOperand()).forEach(emitter::splitBinding);
        Code left = value(e.getLeftOperand());
        Temp t = temp(e, info.type(e));
        String field = emitter.m() + "." + t.field();
        emitter.add(Code.of(field, " = ", left, ";"));
        Label end = new Label();
        Code test = Code.of(e.getKind() == Tree.Kind.CONDITIONAL_AND ? "if (!" : "if (", field, ") { ");
        test.parts.addAll(emitter.jumpCode(end, emitter.tryContext()).parts);
        test.add(" }");
        emitter.add(test);
        Code r = value(right);
        emitter.add(Code.of(field, " = ", r, ";"));
        emitter.mark(end, info.comment(e));
        return read(t);
    }

    /** {@code c ? a : b} with an await in a or b: only the chosen branch runs. */
    private Code conditional(ConditionalExpressionTree e) {
        ExpressionTree yes = e.getTrueExpression();
        ExpressionTree no = e.getFalseExpression();
        if (!info.containsAwait(yes) && !info.containsAwait(no)) {
            return inOrder(e, List.of(e.getCondition()));
        }
        // the condition's pattern variables: the true branch follows in the same case, in the scope
        // of 'if (!(cond)) jump', the false branch in another state (so they are hoisted)
        Code cond = value(strip(e.getCondition()));
        Temp t = temp(e, info.type(e));
        String field = emitter.m() + "." + t.field();
        Label otherwise = new Label();
        Label end = new Label();
        Code test = Code.of("if (!", Lowerer.parenthesized(cond), ") { ");
        test.parts.addAll(emitter.jumpCode(otherwise, emitter.tryContext()).parts);
        test.add(" }");
        emitter.add(test);
        emitter.add(Code.of(field, " = ", value(yes), ";"));
        emitter.jump(end);
        emitter.mark(otherwise, info.comment(e));
        emitter.add(Code.of(field, " = ", value(no), ";"));
        emitter.mark(end, info.comment(e));
        return read(t);
    }

    /**
     * {@code v op= x} with an await in x (JLS 15.26.2): the variable's parts are evaluated and
     * its value read and saved (for an array element, after the null and bounds checks) before
     * x runs; then {@code v = (T) (saved op x)}.
     */
    private Code compound(CompoundAssignmentTree e) {
        ExpressionTree variable = e.getVariable();
        if (!info.containsAwait(e.getExpression())) {
            List<ExpressionTree> children = new ArrayList<>(variableParts(variable));
            children.add(e.getExpression());
            return inOrder(e, children);
        }
        Map<Tree, Code> parts = new IdentityHashMap<>();
        for (ExpressionTree part : variableParts(variable)) {
            parts.put(part, spilled(part, value(part)));
        }
        Code target = Code.of(new Ir.UserTree(variable, parts));
        TypeMirror type = info.type(variable);
        // a box is unboxed as it is read (JLS 15.26.2), before x runs: a null throws there
        TypeMirror unboxed = type.getKind().isPrimitive() ? null : types.unboxed(type);
        Code saved = assignTemp(variable, unboxed != null ? unboxed : type, target);
        Code x = value(e.getExpression());
        String cast = compoundCast(e.getKind(), type, info.type(e.getExpression()));
        Code operand = primaryCodes.contains(x) ? x : Code.of("(", x, ")");
        Code operation = Code.of(saved, " ", operator(e.getKind()), " ", operand);
        return cast.isEmpty() ? Code.of(target, " = ", operation) : Code.of(target, " = ", cast, "(", operation, ")");
    }

    /**
     * The narrowing cast of a compound assignment, {@code (T)} of JLS 15.26.2, where the
     * operation's promoted type is not already the variable's (primitive or unboxed) type.
     */
    private String compoundCast(Tree.Kind kind, TypeMirror variable, TypeMirror operand) {
        TypeMirror p = variable.getKind().isPrimitive() ? variable : types.unboxed(variable);
        if (p == null || p.getKind() == TypeKind.BOOLEAN) {
            return ""; // String +=, or a boolean operator
        }
        TypeMirror q = operand == null || operand.getKind().isPrimitive() ? operand : types.unboxed(operand);
        TypeKind result;
        boolean shift = kind == Tree.Kind.LEFT_SHIFT_ASSIGNMENT || kind == Tree.Kind.RIGHT_SHIFT_ASSIGNMENT
                || kind == Tree.Kind.UNSIGNED_RIGHT_SHIFT_ASSIGNMENT;
        TypeKind a = p.getKind();
        TypeKind b = shift || q == null ? TypeKind.INT : q.getKind();
        if (a == TypeKind.DOUBLE || b == TypeKind.DOUBLE) {
            result = TypeKind.DOUBLE;
        } else if (a == TypeKind.FLOAT || b == TypeKind.FLOAT) {
            result = TypeKind.FLOAT;
        } else if (a == TypeKind.LONG || (!shift && b == TypeKind.LONG)) {
            result = TypeKind.LONG;
        } else {
            result = TypeKind.INT;
        }
        return result == a ? "" : "(" + types.writable(p) + ") ";
    }

    private static String operator(Tree.Kind kind) {
        return switch (kind) {
            case PLUS_ASSIGNMENT -> "+";
            case MINUS_ASSIGNMENT -> "-";
            case MULTIPLY_ASSIGNMENT -> "*";
            case DIVIDE_ASSIGNMENT -> "/";
            case REMAINDER_ASSIGNMENT -> "%";
            case LEFT_SHIFT_ASSIGNMENT -> "<<";
            case RIGHT_SHIFT_ASSIGNMENT -> ">>";
            case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> ">>>";
            case AND_ASSIGNMENT -> "&";
            case OR_ASSIGNMENT -> "|";
            case XOR_ASSIGNMENT -> "^";
            default -> throw new IllegalStateException(kind.toString());
        };
    }

    // ---- pattern variables ----

    /** The pattern variables {@code tree} declares (outside lambdas, classes and switch bodies). */
    List<VariableElement> bindings(Tree tree) {
        List<VariableElement> found = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(com.sun.source.tree.VariableTree v, Void unused) {
                if (info.element(v) instanceof VariableElement e) {
                    found.add(e);
                }
                return super.visitVariable(v, unused);
            }

            @Override
            public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree l, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(com.sun.source.tree.ClassTree c, Void unused) {
                return null;
            }

            @Override
            public Void visitSwitchExpression(SwitchExpressionTree sw, Void unused) {
                return scan(sw.getExpression(), null); // locals of its cases are its own
            }
        }.scan(tree, null);
        return found;
    }

    // ---- errors ----

    Refused refuse(Tag tag, Tree tree, String message) {
        report.error(tag, method, info.unit, tree, message);
        return new Refused();
    }

    private static String describe(Tree t) {
        return t.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String article(String s) {
        return ("aeiou".indexOf(s.charAt(0)) >= 0 ? "an " : "a ") + s;
    }
}
