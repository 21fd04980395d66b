package dev.baton.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.baton.processor.emission.ClassEmitter;
import dev.baton.processor.model.BodyInfo;
import dev.baton.processor.lowering.LoweredMethod;
import dev.baton.processor.lowering.MethodLowering;
import dev.baton.processor.model.Annotations;
import dev.baton.processor.model.ErrorTypes;
import dev.baton.processor.model.InheritedCoroutines;
import dev.baton.processor.model.TemplateClass;
import dev.baton.processor.model.TemplateMethod;
import dev.baton.processor.model.TemplateReader;
import dev.baton.processor.validation.BodyValidator;
import dev.baton.processor.validation.GeneratedSubclasses;
import dev.baton.processor.diagnostics.Report;
import dev.baton.processor.diagnostics.Tag;
import dev.baton.processor.validation.TemplateValidator;
import dev.baton.processor.validation.UnitScanner;
import dev.baton.processor.validation.WaitingUnits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Baton's annotation processor: for each template class with {@code @Async},
 * {@code @Guarded}, {@code @AwaitsEvent} or {@code @Consumes} methods, generates
 * {@code Baton_X extends X} whose overrides are state machines.
 *
 * <p>A thin loop: {@link TemplateReader} reads each class into a model,
 * {@link TemplateValidator} and {@link BodyValidator} check all of it, then
 * {@link MethodLowering} lowers each valid body, {@link ClassEmitter} writes the class;
 * {@link UnitScanner} then looks through the round's compilation units for awaits outside coroutines, coroutine methods of
 * local classes and direct instantiations of templates (a unit subclassing a {@code Baton_} class not generated yet
 * waits for the round that has it, see {@link WaitingUnits}). Errors are collected per class and
 * reported together (every method is validated, and lowered if it is valid itself, whatever
 * the others did); a class that failed still gets a minimal {@code Baton_X}, so users see the
 * real error rather than "cannot find symbol". An unexpected exception becomes an error on
 * the class, with its stack trace, never a javac crash. A template that mentions types javac
 * has not resolved yet (say another template's {@code Baton_Y}) waits for the next round; and
 * since reading templates attributes them, {@link ImplicitTypes} makes their implicitly typed
 * variables ({@code var}, untyped lambda parameters) implicit again after each round.
 *
 * <p>Tools: {@link #getSupportedSourceVersion()} is {@link SourceVersion#latestSupported()};
 * every generated file names its template as originating element (for incremental builds);
 * a {@code ProcessingEnvironment} wrapped by IntelliJ IDEA or Gradle is unwrapped to reach
 * javac's {@code Trees} (see {@link JavacEnvironment}), and where that is impossible each
 * template gets a clear {@code [BatonEnvironment]} error.
 *
 * <p>Option {@code -Abaton.generated=false} leaves out {@code @Generated}, for modular builds
 * that do not read {@code java.compiler}; without the option it is written whenever
 * {@code javax.annotation.processing.Generated} is visible.
 *
 * <p><b>What Baton claims.</b> {@link #process} returns true, and the supported types are
 * Baton's four annotations (and {@code Guarded.List}) plus
 * {@code javax.annotation.processing.Generated} while Baton writes it. The usual advice
 * (claim nothing, return false) does not fit here: under {@code -Xlint:processing}, which
 * {@code -Xlint:all} includes, javac warns "No processor claimed any of these annotations"
 * for every annotation present that no processor claimed, so a build with
 * {@code -Xlint:all -Werror} would fail on Baton's own annotations, and, in the next round, on
 * the {@code @Generated} that Baton's output carries. javac's return value covers the whole
 * set it passed, not one annotation; but the set is always a subset of the supported types,
 * so returning true claims exactly Baton's annotations and {@code @Generated}. Claiming
 * Baton's annotations takes nothing from anyone (no other processor has business with them).
 * Claiming {@code @Generated} (source retention, meant for tools that read source) hides it
 * only from a later processor that asks for it by name, which none is known to do; the
 * alternative, not marking generated code at all, would break the rule that generated files
 * carry it. With {@code -Abaton.generated=false}, Baton neither writes nor claims it.
 */
@AutoService(Processor.class)
public final class BatonProcessor extends AbstractProcessor {
    /** Where users report a {@code [BatonInternalError]}: the POMs' issueManagement. */
    static final String ISSUES = "https://github.com/baton-java/baton/issues";

    static final String OPTION_GENERATED = "baton.generated";
    static final String GENERATED = "javax.annotation.processing.Generated";

    private final Consumer<TypeElement> hook;
    private Trees trees;
    /** Templates seen so far, simple name to qualified names, for the direct-instantiation warning. */
    private final Map<String, Set<String>> templates = new TreeMap<>();
    /** Templates waiting for the next round because they mention types not yet resolved. */
    private final Set<String> deferred = new TreeSet<>();
    /**
     * Compilation units {@link UnitScanner} has not scanned yet because they subclass a {@code Baton_}
     * class not generated yet (see {@link WaitingUnits}), by the qualified name of a top-level type of each:
     * javac enters its trees anew every round, so the unit is found again by name.
     */
    private final Set<String> waitingUnits = new TreeSet<>();
    /** Why a lowered coroutine body has no shared form, by {@link #key}: for the error on a template inheriting it. */
    private final Map<String, String> notShared = new TreeMap<>();
    /** Templates whose Baton_X was written without their coroutines, because of errors reported on them. */
    private final Set<String> withoutCoroutines = new TreeSet<>();
    /** Generated files written so far, so that a failure after writing does not write twice. */
    private final Set<String> written = new HashSet<>();

    /** The processor javac's service loader makes. */
    public BatonProcessor() {
        this(type -> {});
    }

    /** For tests: {@code hook} runs for each template after validation, before lowering (it may throw). */
    BatonProcessor(Consumer<TypeElement> hook) {
        this.hook = hook;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        trees = JavacEnvironment.trees(env);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> supported = new LinkedHashSet<>(Annotations.ALL);
        if (processingEnv == null || generatedAnnotation()) {
            supported.add(GENERATED); // see "What Baton claims" above
        }
        return supported;
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(OPTION_GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        // every unit this round may attribute: the round's own, and those deferred or waiting from earlier ones
        Set<Element> attributed = new LinkedHashSet<>(round.getRootElements());
        attributed.addAll(typeElements(deferred));
        attributed.addAll(typeElements(waitingUnits));
        ImplicitTypes implicitTypes = ImplicitTypes.capture(trees, attributed);
        try {
            return processRound(annotations, round);
        } finally {
            implicitTypes.restore();
        }
    }

    private boolean processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Map<String, TypeElement> found = new TreeMap<>();
        Map<TypeElement, List<ExecutableElement>> methods = new LinkedHashMap<>();
        for (TypeElement annotation : annotations) {
            if (!Annotations.ALL.contains(annotation.getQualifiedName().toString())) {
                continue;
            }
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                if (!(e instanceof ExecutableElement m) || !(m.getEnclosingElement() instanceof TypeElement t)) {
                    continue;
                }
                found.put(t.getQualifiedName().toString(), t);
                List<ExecutableElement> list = methods.computeIfAbsent(t, k -> new ArrayList<>());
                if (!list.contains(m)) {
                    list.add(m);
                }
            }
        }
        for (String name : deferred) {
            TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
            if (t != null && !found.containsKey(name)) {
                found.put(name, t);
                List<ExecutableElement> list = new ArrayList<>();
                for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
                    if (Annotations.isCoroutine(m)) {
                        list.add(m);
                    }
                }
                methods.put(t, list);
            }
        }
        deferred.clear();
        for (TypeElement t : found.values()) {
            templates.computeIfAbsent(t.getSimpleName().toString(), k -> new TreeSet<>())
                    .add(t.getQualifiedName().toString());
            generate(t, methods.get(t), round.processingOver());
        }
        scanUnits(round);
        return true; // see "What Baton claims" above
    }

    /**
     * Generates {@code Baton_X} for one template. A template that mentions types javac could
     * not resolve waits for the next round (the type may be generated, e.g. another
     * template's {@code Baton_Y}); in the last round, if its signatures are still unresolved,
     * it gets the minimal class and no Baton diagnostics, as javac reports the unknown names.
     */
    private void generate(TypeElement type, List<ExecutableElement> coroutineMethods, boolean lastRound) {
        Report report = new Report();
        TemplateClass template = null;
        try {
            template = new TemplateReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), trees)
                    .read(type, coroutineMethods);
            if (GeneratedSubclasses.check(processingEnv.getElementUtils(), template, report)) {
                report.printTo(processingEnv.getMessager(), trees); // before javac attributes the file
                withoutCoroutines.add(type.getQualifiedName().toString());
                write(template, emitter().emit(template, null, false));
                return;
            }
            new TemplateValidator(processingEnv.getElementUtils(), processingEnv.getTypeUtils())
                    .validateConsumers(template, report);
            boolean unresolvedSignatures = ErrorTypes.inSignatures(template);
            boolean unresolvedBodies = !unresolvedSignatures && unresolvedBodies(template);
            List<InheritedCoroutines.Inherited> inherited = InheritedCoroutines.of(type,
                    processingEnv.getElementUtils(), processingEnv.getTypeUtils());
            // a template this one extends, compiled from source with it, gets its Baton_ class in this round
            boolean awaitingBase = inherited.stream().anyMatch(i -> !i.generatedFound()
                    && trees != null && trees.getPath(i.owner()) != null);
            if (!lastRound && (unresolvedSignatures || unresolvedBodies || awaitingBase)) {
                if (unresolvedSignatures || awaitingBase || typeNamesInBodies(template)) {
                    deferred.add(type.getQualifiedName().toString());
                    return;
                }
                // only errors no round can mend (a misspelt variable, a wrong type): javac reports them; Baton
                // validates and writes Baton_X now, while a round remains, else every use of Baton_X fails with
                // "cannot find symbol"; it lowers nothing, which would copy javac's errors into Baton_X
            }
            if (unresolvedSignatures) {
                withoutCoroutines.add(type.getQualifiedName().toString());
                write(template, emitter().emit(template, null, false));
                return;
            }
            TemplateValidator validator = new TemplateValidator(processingEnv.getElementUtils(),
                    processingEnv.getTypeUtils());
            boolean isClass = validator.validateClass(template, report);
            boolean extendable = isClass && !report.hasErrors();
            boolean sources = trees != null && template.unit() != null;
            if (!sources) {
                report.error(Tag.BatonEnvironment, type, trees == null ? JavacEnvironment.unavailable(processingEnv)
                        : "Baton needs the source of " + type.getSimpleName() + " to compile its coroutine methods,"
                                + " but javac has only its class file; compile " + type.getSimpleName()
                                + " from source together with Baton's processor");
            }
            List<TemplateMethod> valid = new ArrayList<>();
            if (isClass) {
                for (TemplateMethod m : bySourcePosition(template)) {
                    int before = report.errorCount();
                    validator.validateMethod(template, m, report);
                    if (!sources || m.tree() == null) {
                        continue;
                    }
                    BodyInfo info = new BodyInfo(trees, m.path());
                    new BodyValidator(processingEnv.getElementUtils()).validate(template, m, info, report);
                    if (report.errorCount() == before) {
                        valid.add(m);
                    }
                }
            }
            // validation is over for the whole class: lowering checks no rule of validation again
            Map<TemplateMethod, LoweredMethod> lowered = new LinkedHashMap<>();
            for (TemplateMethod m : unresolvedBodies ? List.<TemplateMethod>of() : valid) {
                hook.accept(type);
                LoweredMethod l = new MethodLowering(trees, processingEnv.getElementUtils(),
                        processingEnv.getTypeUtils()).lower(template, m, report);
                lowered.put(m, l);
                if (l != null && l.notShared() != null) {
                    notShared.put(key(m.element()), l.notShared());
                }
            }
            List<InheritedCoroutines.Inherited> runnable = new ArrayList<>();
            for (InheritedCoroutines.Inherited i : inherited) {
                if (i.shared() && i.consumes() && i.queue() == null) {
                    report.error(Tag.BatonInheritedCoroutine, type, type.getSimpleName() + " inherits the @Consumes"
                            + " method " + i.method().getSimpleName() + "(" + parameterTypes(i.method()) + ") from the"
                            + " template " + i.owner().getSimpleName() + ", but its queue field is not visible in "
                            + TemplateReader.generatedName(type) + ", whose startConsumers() starts its workers: make"
                            + " the field protected, or override " + i.method().getSimpleName() + " in "
                            + type.getSimpleName());
                } else if (i.shared()) {
                    runnable.add(i);
                } else if (!withoutCoroutines.contains(i.owner().getQualifiedName().toString())) {
                    // (a base with errors of its own: those are what users need to see)
                    report.error(Tag.BatonInheritedCoroutine, type, cannotInherit(type, i));
                }
            }
            boolean failed = report.hasErrors() || unresolvedBodies;
            if (failed) {
                withoutCoroutines.add(type.getQualifiedName().toString());
            }
            String source = emitter().emit(template, failed ? null : lowered, extendable, runnable);
            report.printTo(processingEnv.getMessager(), trees);
            write(template, source);
        } catch (Throwable unexpected) {
            report.printTo(processingEnv.getMessager(), trees);
            StringWriter trace = new StringWriter();
            unexpected.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Tag.BatonInternalError.format(
                    "Baton's processor failed on " + type.getSimpleName() + "; this is a bug in Baton, please report"
                            + " it at " + ISSUES + " with the template: " + trace), type);
            writeMinimal(type, template);
        }
    }

    /** Why {@code type}'s generated class cannot run the inherited coroutine {@code i}, and what to do. */
    private String cannotInherit(TypeElement type, InheritedCoroutines.Inherited i) {
        String sub = type.getSimpleName().toString();
        String base = i.owner().getSimpleName().toString();
        String method = i.method().getSimpleName() + "(" + parameterTypes(i.method()) + ")";
        String generated = i.generated().substring(i.generated().lastIndexOf('.') + 1);
        String intro = sub + " inherits the coroutine method " + method + " from the template " + base + ", but ";
        if (!i.generatedFound()) {
            return intro + "there is no " + generated + " to run it: compile " + base + " with Baton's annotation"
                    + " processor, or override " + i.method().getSimpleName() + " in " + sub;
        }
        String why = notShared.get(key(i.method()));
        return intro + generated + " cannot run it on a " + TemplateReader.generatedName(type) + " ("
                + (why != null ? "the body needs to run in " + generated + " itself: " + why
                        : generated + " offers no shared form of it; it was built by a Baton older than this one, or"
                                + " the body calls super or creates an inner class")
                + "): override " + i.method().getSimpleName() + " in " + sub + ", or change " + base + "'s body";
    }

    /** The key of a method in {@link #notShared}: {@code p.Base#greet(java.lang.String)}. */
    private String key(ExecutableElement m) {
        return ((TypeElement) m.getEnclosingElement()).getQualifiedName() + "#" + m.getSimpleName() + "("
                + parameterTypes(m) + ")";
    }

    private String parameterTypes(ExecutableElement m) {
        StringBuilder s = new StringBuilder();
        for (javax.lang.model.element.VariableElement p : m.getParameters()) {
            s.append(s.length() == 0 ? "" : ", ").append(processingEnv.getTypeUtils().erasure(p.asType()));
        }
        return s.toString();
    }

    /** After a crash: the minimal class, unless the file exists already; never throws. */
    private void writeMinimal(TypeElement type, TemplateClass template) {
        withoutCoroutines.add(type.getQualifiedName().toString());
        try {
            TemplateClass t = template != null ? template
                    : new TemplateClass(type, packageOf(type), TemplateReader.generatedName(type), null, List.of(),
                            List.of(), List.of());
            write(t, emitter().emit(t, null, false));
        } catch (RuntimeException | IOException | LinkageError ignored) {
            // the error above is what users need to see
        }
    }

    private boolean unresolvedBodies(TemplateClass template) {
        if (trees == null) {
            return false;
        }
        for (TemplateMethod m : template.methods()) {
            if (m.path() != null && ErrorTypes.inBody(trees, m.path())) {
                return true;
            }
        }
        return false;
    }

    private boolean typeNamesInBodies(TemplateClass template) {
        for (TemplateMethod m : template.methods()) {
            if (m.path() != null && ErrorTypes.typeNameInBody(trees, m.path())) {
                return true;
            }
        }
        return false;
    }

    private ClassEmitter emitter() {
        return new ClassEmitter(processingEnv.getElementUtils(), generatedAnnotation());
    }

    private List<TemplateMethod> bySourcePosition(TemplateClass template) {
        List<TemplateMethod> ordered = new ArrayList<>(template.methods());
        if (trees != null && template.unit() != null) {
            ordered.sort(Comparator.comparingLong(m -> m.tree() == null ? Long.MAX_VALUE
                    : trees.getSourcePositions().getStartPosition(template.unit(), m.tree())));
        }
        return ordered;
    }

    /**
     * Scans the round's compilation units and those waiting from earlier rounds (see
     * {@link UnitScanner}), each once; a unit that must wait for a {@code Baton_} class (see
     * {@link WaitingUnits}) waits for the next round, and the last round scans it all the same
     * (see below for the one exception). A crash is an error, not a javac crash.
     */
    private void scanUnits(RoundEnvironment round) {
        if (trees == null) {
            return;
        }
        List<CompilationUnitTree> units = new ArrayList<>();
        Map<CompilationUnitTree, Element> firstType = new LinkedHashMap<>();
        List<Element> candidates = new ArrayList<>(round.getRootElements());
        candidates.addAll(typeElements(waitingUnits));
        waitingUnits.clear();
        for (Element root : candidates) {
            if (!root.getKind().isClass() && !root.getKind().isInterface()) {
                continue;
            }
            TreePath path = trees.getPath(root);
            if (path == null) {
                continue;
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            if (units.stream().noneMatch(u -> u == unit)) {
                units.add(unit);
                firstType.put(unit, root);
            }
        }
        Elements elements = processingEnv.getElementUtils();
        // a Baton_ supertype is missing when none of the qualified names it may stand for is a type yet
        Predicate<List<String>> missing =
                names -> names.stream().allMatch(name -> elements.getTypeElement(name) == null);
        if (!round.processingOver()) {
            Set<CompilationUnitTree> waiting = WaitingUnits.among(units, missing);
            for (CompilationUnitTree unit : waiting) {
                waitingUnits.add(((TypeElement) firstType.get(unit)).getQualifiedName().toString());
            }
            units.removeIf(waiting::contains);
        } else {
            // The last round scans every unit, except one waiting for a Baton_ class written in this very round,
            // which happens only in a compilation that fails all the same (an error ended the rounds, or a template
            // waited for a type no round generated): attributing the unit now, before javac has entered the class,
            // would only add bogus errors on its overrides to the real one.
            Set<CompilationUnitTree> writtenTooLate = WaitingUnits.among(units,
                    missing.and(names -> names.stream().anyMatch(written::contains)));
            units.removeIf(writtenTooLate::contains);
        }
        UnitScanner scanner = new UnitScanner(trees);
        for (CompilationUnitTree unit : units) {
            Report report = new Report();
            try {
                scanner.scan(unit, templates, report);
                report.printTo(processingEnv.getMessager(), trees);
            } catch (RuntimeException | LinkageError | StackOverflowError unexpected) {
                report.printTo(processingEnv.getMessager(), trees);
                StringWriter trace = new StringWriter();
                unexpected.printStackTrace(new PrintWriter(trace));
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Tag.BatonInternalError.format(
                        "Baton's processor failed while scanning " + unit.getSourceFile().getName() + "; this is a"
                                + " bug in Baton, please report it at " + ISSUES + ": " + trace), firstType.get(unit));
            }
        }
    }

    /** The type elements of {@code names} that exist in this round. */
    private List<TypeElement> typeElements(Set<String> names) {
        List<TypeElement> found = new ArrayList<>();
        for (String name : names) {
            TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
            if (t != null) {
                found.add(t);
            }
        }
        return found;
    }

    private boolean generatedAnnotation() {
        String option = processingEnv.getOptions().get(OPTION_GENERATED);
        return !"false".equals(option) && processingEnv.getElementUtils().getTypeElement(GENERATED) != null;
    }

    private void write(TemplateClass template, String source) throws IOException {
        String name = template.packageName().isEmpty() ? template.generatedName()
                : template.packageName() + "." + template.generatedName();
        if (written.contains(name)) {
            return;
        }
        JavaFileObject file = processingEnv.getFiler().createSourceFile(name, template.element());
        written.add(name);
        try (Writer w = file.openWriter()) {
            w.write(source);
        }
    }

    private static String packageOf(Element e) {
        while (e != null && e.getKind() != ElementKind.PACKAGE) {
            e = e.getEnclosingElement();
        }
        return e == null ? "" : ((javax.lang.model.element.PackageElement) e).getQualifiedName().toString();
    }
}
