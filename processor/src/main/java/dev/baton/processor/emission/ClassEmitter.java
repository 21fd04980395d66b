package dev.baton.processor.emission;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.baton.processor.lowering.LoweredMethod;
import dev.baton.processor.lowering.SourceLines;
import dev.baton.processor.model.InheritedCoroutines;
import dev.baton.processor.model.RuntimeNames;
import dev.baton.processor.model.TemplateClass;
import dev.baton.processor.model.TemplateMethod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Writes {@code Baton_X}: the subclass of the template with mirrored constructors, one
 * override per coroutine method returning a fresh state machine, the lowered bodies as
 * resume methods of the subclass, and each machine as a small nested class holding the
 * hoisted locals. A shared body (see {@link LoweredMethod#notShared()}) has a static resume
 * method and machine that hold the template's instance in {@code $self}, and a public static
 * factory {@code name$shared(X $self, params)} with which the generated class of a template
 * extending {@code X}, even one compiled later from a jar, runs it on its own instance; that
 * class overrides each coroutine method it inherits with a call to the factory. A body that
 * cannot be shared stays an instance method of {@code Baton_X}, its machine an inner class.
 *
 * <p>The one place that stamps generated files: {@code @Generated} (no timestamp), the
 * originating element, the template's imports, and fully qualified names for everything the
 * processor adds, so nothing collides with what the user imported.
 */
public final class ClassEmitter {
    static final ClassName STATE_MACHINE = ClassName.bestGuess(RuntimeNames.STATE_MACHINE);
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName CONSUMERS = ClassName.bestGuess(RuntimeNames.CONSUMERS);
    static final ClassName CONSUMER_LOOP = ClassName.bestGuess(RuntimeNames.CONSUMER_LOOP);
    static final ClassName TASK = ClassName.bestGuess(RuntimeNames.TASK);
    static final ClassName BATON = ClassName.bestGuess(RuntimeNames.BATON);
    static final ClassName SOURCE_MAP = ClassName.bestGuess(RuntimeNames.SOURCE_MAP);
    static final ClassName SOURCE_MAP_COROUTINE = SOURCE_MAP.nestedClass("Coroutine");
    /** Stands for the line table in the first layout of the file; the table replaces it. */
    private static final String LINES_PLACEHOLDER = "$BATON_LINES$";
    public static final String PROCESSOR = "dev.baton.processor.BatonProcessor";
    private static final String SELF_PARAMETER = "$self";

    private final Elements elements;
    private final boolean generatedAnnotation;
    /** The lowered bodies of the class being written, kept out of JavaPoet. */
    private BodySplicer bodies = new BodySplicer();

    public ClassEmitter(Elements elements, boolean generatedAnnotation) {
        this.elements = elements;
        this.generatedAnnotation = generatedAnnotation;
    }

    /** The complete source of {@code Baton_X}; {@code lowered} null means the minimal class of a failed template. */
    public String emit(TemplateClass template, Map<TemplateMethod, LoweredMethod> lowered, boolean extendable) {
        return emit(template, lowered, extendable, List.of());
    }

    /**
     * As {@link #emit(TemplateClass, Map, boolean)}, with overrides that run the
     * {@code inherited} coroutine methods through their shared forms.
     */
    public String emit(TemplateClass template, Map<TemplateMethod, LoweredMethod> lowered, boolean extendable,
            List<InheritedCoroutines.Inherited> inherited) {
        bodies = new BodySplicer();
        TypeSpec.Builder type = header(template, extendable);
        if (extendable) {
            for (ExecutableElement c : template.constructors()) {
                type.addMethod(constructor(c));
            }
        }
        boolean consumers = false;
        String sourceHolder = null;
        List<String> coroutineLines = new ArrayList<>();
        String sourceFile = null;
        if (lowered != null) {
            Set<String> used = new LinkedHashSet<>();
            Set<String> factories = new LinkedHashSet<>(); // overloads share a name
            for (Element e : elements.getAllMembers(template.element())) {
                used.add(e.getSimpleName().toString());
            }
            sourceHolder = unique(used, "$Source");
            for (TemplateMethod m : template.methods()) {
                LoweredMethod l = lowered.get(m);
                String machine = unique(used, capitalize(m.name()) + "$Machine");
                String resume = uniqueResume(used, m.name() + "$resume", l);
                addMachine(type, template, m, l, machine, resume, used, factories, sourceHolder,
                        coroutineLines.size());
                StringBuilder states = new StringBuilder(m.name());
                for (int line : l.stateLines()) {
                    states.append(' ').append(line);
                }
                coroutineLines.add(states.toString());
                sourceFile = l.sourceFile();
                consumers |= m.consumes() != null;
            }
            for (InheritedCoroutines.Inherited i : inherited) {
                type.addMethod(inheritedOverride(i));
                consumers |= i.consumes();
            }
            if (consumers) {
                type.addSuperinterface(CONSUMERS);
                type.addMethod(startConsumers(template, inherited));
            }
        }
        if (lowered == null && extendable) {
            addStandIns(type, template);
        }
        if (extendable && isStillAbstract(template, lowered, inherited)) {
            type.addModifiers(Modifier.ABSTRACT);
        }
        if (sourceHolder == null || coroutineLines.isEmpty()) {
            return write(template, type);
        }
        // the table is the last member, so that laying it out moves no line it maps
        type.addType(sourceHolder(template, sourceHolder, sourceFile, coroutineLines));
        return withLineTable(write(template, type));
    }

    /**
     * {@code $Source}: the {@link #SOURCE_MAP} of the file, a constant of a nested class so that
     * it is built on first use (a stack trace or a dump), never when the class loads.
     */
    private TypeSpec sourceHolder(TemplateClass template, String name, String sourceFile, List<String> coroutines) {
        String binary = elements.getBinaryName(template.element()).toString();
        String generated = (template.packageName().isEmpty() ? "" : template.packageName() + ".")
                + template.generatedName();
        CodeBlock.Builder init = CodeBlock.builder().add("new $T(\n$>$>$S, $S, $S,\nnew String[] {$S}", SOURCE_MAP,
                binary, sourceFile, generated, LINES_PLACEHOLDER);
        for (String c : coroutines) {
            init.add(",\n$S", c);
        }
        init.add(")$<$<");
        return TypeSpec.classBuilder(name)
                .addJavadoc("Where the lines of this file come from in {@code $L}: for stack traces and task dumps.\n",
                        sourceFile)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(SOURCE_MAP, "MAP", Modifier.STATIC, Modifier.FINAL)
                        .initializer(init.build()).build())
                .build();
    }

    /**
     * Reads the marks the lowering left at the end of generated lines (see {@link SourceLines}),
     * takes them out, and writes the table they make in place of the placeholder: triples of
     * generated line, template line and coroutine index, in chunks that each fit a constant.
     */
    private static String withLineTable(String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder out = new StringBuilder(source.length());
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int open = line.indexOf(SourceLines.OPEN);
            if (open >= 0) {
                String mark = line.substring(open + 1, line.indexOf(SourceLines.CLOSE, open));
                int colon = mark.indexOf(':');
                if (chunk.length() > 8000) {
                    chunks.add(chunk.toString());
                    chunk.setLength(0);
                }
                chunk.append(chunk.length() == 0 ? "" : " ").append(i + 1).append(' ')
                        .append(mark, colon + 1, mark.length()).append(' ').append(mark, 0, colon);
                line = line.replaceAll("\u0001[^\u0002]*\u0002", "");
                if (line.isBlank()) {
                    line = "";
                }
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        chunks.add(chunk.toString());
        StringBuilder table = new StringBuilder();
        for (String c : chunks) {
            table.append(table.length() == 0 ? "" : "\", \"").append(c);
        }
        String text = out.toString();
        int at = text.lastIndexOf(LINES_PLACEHOLDER);
        return text.substring(0, at) + table + text.substring(at + LINES_PLACEHOLDER.length());
    }

    /** Tags the marks of {@code text} with the coroutine they belong to: {@code index:line}. */
    private static String withCoroutine(String text, int index) {
        return text.replace(String.valueOf(SourceLines.OPEN), SourceLines.OPEN + Integer.toString(index) + ":");
    }

    private TypeSpec.Builder header(TemplateClass template, boolean extendable) {
        TypeElement x = template.element();
        TypeSpec.Builder type = TypeSpec.classBuilder(template.generatedName()).addOriginatingElement(x);
        if (generatedAnnotation) {
            type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
        }
        if (x.getModifiers().contains(Modifier.PUBLIC)) {
            type.addModifiers(Modifier.PUBLIC);
        }
        type.addJavadoc("The coroutines of {@link $L}, compiled into state machines by Baton.\n",
                x.getQualifiedName());
        if (!extendable) {
            return type;
        }
        List<TypeVariableName> vars = new ArrayList<>();
        for (TypeParameterElement p : x.getTypeParameters()) {
            vars.add(TypeVariableName.get(p));
        }
        type.addTypeVariables(vars);
        ClassName raw = ClassName.get(x);
        type.superclass(vars.isEmpty() ? raw : ParameterizedTypeName.get(raw, vars.toArray(new TypeName[0])));
        return type;
    }

    private MethodSpec constructor(ExecutableElement c) {
        MethodSpec.Builder b = MethodSpec.constructorBuilder();
        for (Modifier mod : c.getModifiers()) {
            if (mod == Modifier.PUBLIC || mod == Modifier.PROTECTED) {
                b.addModifiers(mod);
            }
        }
        for (TypeParameterElement p : c.getTypeParameters()) {
            b.addTypeVariable(TypeVariableName.get(p));
        }
        List<String> args = new ArrayList<>();
        for (VariableElement p : c.getParameters()) {
            b.addParameter(ParameterSpec.builder(TypeName.get(p.asType()), p.getSimpleName().toString()).build());
            args.add(p.getSimpleName().toString());
        }
        b.varargs(c.isVarArgs());
        if (c.getAnnotation(SafeVarargs.class) != null) {
            // passing the array straight to a constructor that declared itself safe is safe
            b.addAnnotation(SafeVarargs.class).addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "varargs").build());
        }
        for (TypeMirror t : c.getThrownTypes()) {
            b.addException(TypeName.get(t));
        }
        b.addStatement("super($L)", String.join(", ", args));
        return b.build();
    }

    private void addMachine(TypeSpec.Builder type, TemplateClass template, TemplateMethod m, LoweredMethod l,
            String machineName, String resumeName, Set<String> used, Set<String> factories, String sourceHolder,
            int coroutineIndex) {
        ExecutableElement e = m.element();
        boolean shared = l.notShared() == null;
        // a shared machine is a static class: it takes the template's type variables too
        List<TypeVariableName> vars = new ArrayList<>();
        if (shared) {
            for (TypeParameterElement p : template.element().getTypeParameters()) {
                vars.add(TypeVariableName.get(p));
            }
        }
        for (TypeParameterElement p : e.getTypeParameters()) {
            vars.add(TypeVariableName.get(p));
        }
        ClassName machineRaw = ClassName.get(template.packageName(), template.generatedName(), machineName);
        TypeName machineType = vars.isEmpty() ? machineRaw
                : ParameterizedTypeName.get(machineRaw, vars.toArray(new TypeName[0]));
        TypeName self = selfType(template);
        String diamond = vars.isEmpty() ? "" : "<>";

        // the override: a fresh machine per call
        MethodSpec.Builder override = MethodSpec.methodBuilder(m.name()).addAnnotation(Override.class);
        for (Modifier mod : e.getModifiers()) {
            if (mod == Modifier.PUBLIC || mod == Modifier.PROTECTED) {
                override.addModifiers(mod);
            }
        }
        for (TypeParameterElement p : e.getTypeParameters()) {
            override.addTypeVariable(TypeVariableName.get(p));
        }
        override.returns(TypeName.get(e.getReturnType()));
        List<String> args = new ArrayList<>();
        for (VariableElement p : e.getParameters()) {
            override.addParameter(TypeName.get(p.asType()), p.getSimpleName().toString());
            args.add(p.getSimpleName().toString());
        }
        override.varargs(e.isVarArgs());
        List<String> machineArgs = new ArrayList<>(args);
        if (shared) {
            machineArgs.add(0, "this");
        }
        override.addStatement("return new $N$L($L)", machineName, diamond, String.join(", ", machineArgs));
        type.addMethod(override.build());

        // for a template extending this one: the same machine on its instance
        String factory = m.name() + InheritedCoroutines.SHARED_SUFFIX;
        if (shared && (factories.contains(factory) || used.add(factory) && factories.add(factory))) {
            MethodSpec.Builder b = MethodSpec.methodBuilder(factory)
                    .addJavadoc("{@code $L} on {@code $N}: for the generated subclass of a template that\n"
                            + "extends {@code $L} and inherits {@code $L}.\n\n", signature(e), SELF_PARAMETER,
                            template.element().getSimpleName(), m.name())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addTypeVariables(vars)
                    .returns(TypeName.get(e.getReturnType()))
                    .addParameter(self, SELF_PARAMETER);
            // complete for doclint: a public method of a public Baton_X is in the user's Javadoc
            for (TypeVariableName v : vars) {
                b.addJavadoc("@param <$L> the type variable of the same name\n", v.name());
            }
            b.addJavadoc("@param $N the instance to run the body on\n", SELF_PARAMETER);
            for (VariableElement p : e.getParameters()) {
                b.addParameter(TypeName.get(p.asType()), p.getSimpleName().toString());
                b.addJavadoc("@param $L the parameter of the same name\n", p.getSimpleName());
            }
            b.addJavadoc("@return the coroutine, not started\n");
            b.varargs(e.isVarArgs());
            List<String> factoryArgs = new ArrayList<>(args);
            factoryArgs.add(0, SELF_PARAMETER);
            b.addStatement("return new $N$L($L)", machineName, diamond, String.join(", ", factoryArgs));
            type.addMethod(b.build());
        }

        // the body, lowered, as a method of Baton_X
        MethodSpec.Builder resume = MethodSpec.methodBuilder(resumeName)
                .addJavadoc("{@code $L}, lowered: one flat dispatch loop over the states of $N.\n",
                        signature(e), machineName)
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                        .addMember("value", "{$S, $S}", "unchecked", "fallthrough").build())
                .addModifiers(Modifier.PRIVATE)
                .addTypeVariables(vars)
                .returns(Object.class)
                .addParameter(machineType, l.machineName())
                .addParameter(Object.class, l.valueName())
                .addParameter(Throwable.class, l.failureName())
                .addException(Throwable.class)
                .addCode(CodeBlock.of("$L", bodies.hold(withCoroutine(l.resumeBody(resumeName), coroutineIndex))));
        if (shared) {
            resume.addModifiers(Modifier.STATIC);
        }
        type.addMethod(resume.build());
        for (LoweredMethod.Helper h : l.body().helpers()) {
            type.addMethod(helper(h, resumeName, vars, machineType, l, shared, coroutineIndex));
        }

        // the machine
        TypeName result = TypeName.get(m.resultType()).box();
        TypeSpec.Builder machine = TypeSpec.classBuilder(machineName)
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addTypeVariables(vars)
                .superclass(ParameterizedTypeName.get(STATE_MACHINE, result));
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        if (shared) {
            machine.addModifiers(Modifier.STATIC);
            machine.addField(FieldSpec.builder(self, LoweredMethod.SELF, Modifier.FINAL)
                    .addJavadoc("The template's instance the body runs on.\n").build());
            ctor.addParameter(self, LoweredMethod.SELF);
            ctor.addStatement("this.$N = $N", LoweredMethod.SELF, LoweredMethod.SELF);
        }
        MethodSpec.Builder complete = MethodSpec.methodBuilder("$complete")
                .addJavadoc("Clears the references the machine holds and returns {@code result}.\n")
                .returns(Object.class)
                .addParameter(Object.class, "result");
        List<LoweredMethod.Field> fields = l.fields();
        for (int i = 0; i < fields.size(); i++) {
            LoweredMethod.Field f = fields.get(i);
            FieldSpec.Builder fb = FieldSpec.builder(f.type(), f.name());
            if (f.comment() != null) {
                fb.addJavadoc("$L\n", f.comment());
            }
            machine.addField(fb.build());
            if (i < l.parameterCount()) {
                ctor.addParameter(f.type(), f.name());
                ctor.addStatement("this.$N = $N", f.name(), f.name());
            }
            if (f.reference()) {
                complete.addStatement("this.$N = null", f.name());
            }
        }
        complete.addStatement("return result");
        machine.addMethod(ctor.build());
        machine.addMethod(MethodSpec.methodBuilder("$resume")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(Object.class)
                .addParameter(Object.class, "value")
                .addParameter(Throwable.class, "failure")
                .addException(Throwable.class)
                .addStatement("return $L(this, value, failure)",
                        shared ? template.generatedName() + "." + resumeName : resumeName)
                .build());
        machine.addMethod(complete.build());
        machine.addMethod(MethodSpec.methodBuilder("$source")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(SOURCE_MAP_COROUTINE)
                .addStatement("return $N.MAP.coroutine($L)", sourceHolder, coroutineIndex)
                .build());
        type.addType(machine.build());
    }

    /** A method of a resume method split to stay under HotSpot's HugeMethodLimit. */
    private MethodSpec helper(LoweredMethod.Helper h, String resumeName, List<TypeVariableName> vars,
            TypeName machineType, LoweredMethod l, boolean shared, int coroutineIndex) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(LoweredMethod.helperName(resumeName, h))
                .addModifiers(Modifier.PRIVATE)
                .addTypeVariables(vars)
                .addParameter(machineType, l.machineName());
        if (shared) {
            b.addModifiers(Modifier.STATIC);
        }
        if (h.kind() == LoweredMethod.HelperKind.STATES) {
            b.addJavadoc("$L of {@link #$L}: one group of its dispatch loop, which calls it.\n", h.summary(),
                    resumeName)
                    .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                            .addMember("value", "{$S, $S}", "unchecked", "fallthrough").build())
                    .returns(Object.class)
                    .addParameter(Object.class, l.valueName())
                    .addException(Throwable.class);
        } else {
            b.addJavadoc("$L of {@link #$L}: true when it routed {@code thrown} to a handler's state.\n",
                    h.summary(), resumeName)
                    .returns(TypeName.BOOLEAN)
                    .addParameter(Throwable.class, l.thrownName());
        }
        return b.addCode(CodeBlock.of("$L", bodies.hold(withCoroutine(h.body(), coroutineIndex)))).build();
    }

    /** A name for the resume method whose own name and helpers' names are all free. */
    private static String uniqueResume(Set<String> used, String base, LoweredMethod l) {
        for (int i = 1;; i++) {
            String name = i == 1 ? base : base + i;
            boolean free = !used.contains(name);
            for (LoweredMethod.Helper h : l.body().helpers()) {
                free &= !used.contains(LoweredMethod.helperName(name, h));
            }
            if (free) {
                used.add(name);
                for (LoweredMethod.Helper h : l.body().helpers()) {
                    used.add(LoweredMethod.helperName(name, h));
                }
                return name;
            }
        }
    }

    /**
     * An inherited coroutine method of another template, run on this instance by its shared
     * form: {@code return Baton_Base.greet$shared(this, who);}.
     */
    private static MethodSpec inheritedOverride(InheritedCoroutines.Inherited i) {
        ExecutableElement e = i.method();
        MethodSpec.Builder b = MethodSpec.methodBuilder(e.getSimpleName().toString())
                .addAnnotation(Override.class);
        for (Modifier mod : e.getModifiers()) {
            if (mod == Modifier.PUBLIC || mod == Modifier.PROTECTED) {
                b.addModifiers(mod);
            }
        }
        for (TypeParameterElement p : e.getTypeParameters()) {
            b.addTypeVariable(TypeVariableName.get(p));
        }
        b.returns(TypeName.get(i.asMember().getReturnType()));
        List<String> args = new ArrayList<>();
        args.add("this");
        for (int k = 0; k < e.getParameters().size(); k++) {
            String name = e.getParameters().get(k).getSimpleName().toString();
            b.addParameter(TypeName.get(i.asMember().getParameterTypes().get(k)), name);
            args.add(name);
        }
        b.varargs(e.isVarArgs());
        int dot = i.generated().lastIndexOf('.');
        ClassName generated = ClassName.get(dot < 0 ? "" : i.generated().substring(0, dot),
                i.generated().substring(dot + 1));
        b.addComment("inherited from $L: its body as $L lowered it", i.owner().getQualifiedName(), i.generated());
        b.addStatement("return $T.$N($L)", generated, e.getSimpleName() + InheritedCoroutines.SHARED_SUFFIX,
                String.join(", ", args));
        return b.build();
    }

    /** {@code X}, or {@code X<T...>} with the template's type variables. */
    private static TypeName selfType(TemplateClass template) {
        ClassName raw = ClassName.get(template.element());
        List<? extends TypeParameterElement> params = template.element().getTypeParameters();
        if (params.isEmpty()) {
            return raw;
        }
        TypeName[] vars = new TypeName[params.size()];
        for (int i = 0; i < vars.length; i++) {
            vars[i] = TypeVariableName.get(params.get(i));
        }
        return ParameterizedTypeName.get(raw, vars);
    }

    /** {@code startConsumers()}: the workers of the template's own {@code @Consumes} methods, then the inherited ones'. */
    private MethodSpec startConsumers(TemplateClass template, List<InheritedCoroutines.Inherited> inherited) {
        TypeName taskList = ParameterizedTypeName.get(ClassName.get(List.class),
                ParameterizedTypeName.get(TASK, ClassName.get(Void.class)));
        MethodSpec.Builder b = MethodSpec.methodBuilder("startConsumers")
                .addJavadoc("Spawns the workers of every {@code @Consumes} method on the running loop.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(taskList)
                .addStatement("$T tasks = new $T<>()", taskList, ClassName.get(ArrayList.class));
        for (TemplateMethod m : template.methods()) {
            if (m.consumes() == null) {
                continue;
            }
            String queue = m.consumes().isStatic() ? m.consumes().name() : "this." + m.consumes().name();
            b.beginControlFlow("for (int i = 0; i < $L; i++)", m.workers())
                    .addStatement("tasks.add($T.spawn(new $T<>($L, item -> this.$N(item))))", BATON, CONSUMER_LOOP,
                            queue, m.name())
                    .endControlFlow();
        }
        for (InheritedCoroutines.Inherited i : inherited) {
            if (!i.consumes()) {
                continue;
            }
            String field = i.queue().getSimpleName().toString();
            String queue = i.queue().getModifiers().contains(Modifier.STATIC) ? field : "this." + field;
            b.beginControlFlow("for (int i = 0; i < $L; i++)", i.workers())
                    .addStatement("tasks.add($T.spawn(new $T<>($L, item -> this.$N(item))))", BATON, CONSUMER_LOOP,
                            queue, i.method().getSimpleName())
                    .endControlFlow();
        }
        return b.addStatement("return tasks").build();
    }

    /**
     * For the minimal class of a failed template: abstract coroutine methods and
     * {@code startConsumers()} get bodies that throw, so that code using {@code Baton_X} still
     * compiles and users see only the template's real errors.
     */
    private void addStandIns(TypeSpec.Builder type, TemplateClass template) {
        String message = template.generatedName() + " was generated without its coroutines because "
                + template.element().getSimpleName() + " has compile errors";
        boolean consumers = false;
        for (TemplateMethod m : template.methods()) {
            ExecutableElement e = m.element();
            consumers |= m.consumes() != null;
            if (!e.getModifiers().contains(Modifier.ABSTRACT) || e.getModifiers().contains(Modifier.PRIVATE)
                    || e.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            MethodSpec.Builder b = MethodSpec.overriding(e).addStatement("throw new $T($S)",
                    IllegalStateException.class, message);
            type.addMethod(b.build());
        }
        if (consumers && elements.getTypeElement(CONSUMERS.canonicalName()) != null) {
            type.addSuperinterface(CONSUMERS);
            type.addMethod(MethodSpec.methodBuilder("startConsumers")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(List.class),
                            ParameterizedTypeName.get(TASK, ClassName.get(Void.class))))
                    .addStatement("throw new $T($S)", IllegalStateException.class, message)
                    .build());
        }
    }

    private boolean isStillAbstract(TemplateClass template, Map<TemplateMethod, LoweredMethod> lowered,
            List<InheritedCoroutines.Inherited> inherited) {
        for (ExecutableElement e : ElementFilter.methodsIn(elements.getAllMembers(template.element()))) {
            if (!e.getModifiers().contains(Modifier.ABSTRACT)) {
                continue;
            }
            // a template that implements Consumers itself gets startConsumers() generated
            boolean implemented = e.getSimpleName().contentEquals("startConsumers") && e.getParameters().isEmpty()
                    && (template.methods().stream().anyMatch(m -> m.consumes() != null)
                            || lowered != null && inherited.stream().anyMatch(InheritedCoroutines.Inherited::consumes));
            if (lowered != null) {
                for (TemplateMethod m : template.methods()) {
                    implemented |= m.element().equals(e) && lowered.containsKey(m);
                }
            } else {
                for (TemplateMethod m : template.methods()) {
                    implemented |= m.element().equals(e); // a stand-in
                }
            }
            if (!implemented) {
                return true;
            }
        }
        return false;
    }

    private String write(TemplateClass template, TypeSpec.Builder type) {
        // first pass: which simple names would JavaPoet import? Qualify them all instead, so
        // the only imports are the template's own, and no name the user imported is shadowed.
        String first = JavaFile.builder(template.packageName(), type.build()).build().toString();
        List<String> qualify = new ArrayList<>();
        for (String line : first.split("\n")) {
            if (line.startsWith("import ") && !line.startsWith("import static ")) {
                String q = line.substring("import ".length(), line.length() - 1);
                qualify.add(q.substring(q.lastIndexOf('.') + 1));
            }
        }
        type.alwaysQualify(qualify.toArray(new String[0]));
        String source = bodies.splice(
                JavaFile.builder(template.packageName(), type.build()).indent("    ").build().toString());
        StringBuilder imports = new StringBuilder();
        for (String i : template.imports()) {
            imports.append(i).append('\n');
        }
        if (imports.length() == 0) {
            return source;
        }
        int at = template.packageName().isEmpty() ? 0 : source.indexOf('\n', source.indexOf("package ")) + 1;
        return source.substring(0, at) + "\n" + imports + source.substring(at).replaceFirst("^\n+", "\n");
    }

    private static String signature(ExecutableElement e) {
        StringBuilder s = new StringBuilder(e.getSimpleName()).append('(');
        String sep = "";
        for (VariableElement p : e.getParameters()) {
            s.append(sep).append(p.getSimpleName());
            sep = ", ";
        }
        return s.append(')').toString();
    }

    private static String unique(Set<String> used, String base) {
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + i;
        }
        return name;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
