package dev.baton.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.baton.processor.emission.ClassEmitter;
import dev.baton.processor.lowering.BodyInfo;
import dev.baton.processor.lowering.LoweredMethod;
import dev.baton.processor.lowering.MethodLowering;
import dev.baton.processor.model.Annotations;
import dev.baton.processor.model.TemplateClass;
import dev.baton.processor.model.TemplateMethod;
import dev.baton.processor.model.TemplateReader;
import dev.baton.processor.validation.BodyValidator;
import dev.baton.processor.validation.Report;
import dev.baton.processor.validation.Tag;
import dev.baton.processor.validation.TemplateValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Baton's annotation processor: for each template class with {@code @Async},
 * {@code @Guarded}, {@code @AwaitsEvent} or {@code @Consumes} methods, generates
 * {@code Baton_X extends X} whose overrides are state machines.
 *
 * <p>A thin loop: {@link TemplateReader} reads each class into a model,
 * {@link TemplateValidator} and {@link BodyValidator} check it, {@link MethodLowering}
 * lowers each body, {@link ClassEmitter} writes the class. Errors are collected per class and
 * reported together; a class that failed still gets a minimal {@code Baton_X}, so users see
 * the real error rather than "cannot find symbol". An unexpected exception becomes an error on
 * the class, with its stack trace.
 *
 * <p>Option {@code -Abaton.generated=false} leaves out {@code @Generated} (for modular builds
 * that do not read {@code java.compiler}).
 */
@AutoService(Processor.class)
public final class BatonProcessor extends AbstractProcessor {
    static final String OPTION_GENERATED = "baton.generated";

    private Trees trees;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException notJavac) {
            trees = null;
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // @Generated too: the generated files carry it, and under -Xlint:all javac warns about
        // annotations no processor claims; nothing else processes it.
        return Set.of(Annotations.ASYNC, Annotations.GUARDED, Annotations.GUARDED_LIST, Annotations.AWAITS_EVENT,
                Annotations.CONSUMES, "javax.annotation.processing.Generated");
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
        Map<String, TypeElement> templates = new TreeMap<>();
        Map<TypeElement, List<ExecutableElement>> methods = new LinkedHashMap<>();
        for (TypeElement annotation : annotations) {
            if (!Annotations.ALL.contains(annotation.getQualifiedName().toString())) {
                continue;
            }
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                if (!(e instanceof ExecutableElement m) || !(m.getEnclosingElement() instanceof TypeElement t)) {
                    continue;
                }
                templates.put(t.getQualifiedName().toString(), t);
                List<ExecutableElement> list = methods.computeIfAbsent(t, k -> new ArrayList<>());
                if (!list.contains(m)) {
                    list.add(m);
                }
            }
        }
        for (TypeElement t : templates.values()) {
            generate(t, methods.get(t));
        }
        return true; // Baton's annotations are Baton's alone
    }

    private void generate(TypeElement type, List<ExecutableElement> coroutineMethods) {
        Report report = new Report();
        TemplateClass template = null;
        try {
            TemplateReader reader = new TemplateReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
                    trees);
            template = reader.read(type, coroutineMethods);
            new TemplateValidator(processingEnv.getElementUtils(), processingEnv.getTypeUtils())
                    .validate(template, List.of(), report);
            boolean extendable = !report.hasErrors();
            Map<TemplateMethod, LoweredMethod> lowered = null;
            if (trees == null || template.unit() == null) {
                report.error(Tag.BatonInternalError, type, "Baton needs the source of " + type.getSimpleName()
                        + " through javac's Trees API, which this compiler does not offer");
            } else if (!report.hasErrors()) {
                lowered = lowerAll(template, report);
            }
            ClassEmitter emitter = new ClassEmitter(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
                    generatedAnnotation());
            String source = emitter.emit(template, report.hasErrors() ? null : lowered, extendable);
            report.printTo(processingEnv.getMessager(), trees);
            write(template, source);
        } catch (Throwable unexpected) {
            report.printTo(processingEnv.getMessager(), trees);
            StringWriter trace = new StringWriter();
            unexpected.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Tag.BatonInternalError.format(
                    "Baton's processor failed on " + type.getSimpleName() + "; please report this with the"
                            + " template: " + trace), type);
            if (template != null) {
                try {
                    write(template, new ClassEmitter(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
                            generatedAnnotation()).emit(template, null, false));
                } catch (RuntimeException | IOException ignored) {
                    // the error above is what users need to see
                }
            }
        }
    }

    private Map<TemplateMethod, LoweredMethod> lowerAll(TemplateClass template, Report report) {
        MethodLowering lowering = new MethodLowering(trees, processingEnv.getElementUtils(),
                processingEnv.getTypeUtils());
        BodyValidator bodies = new BodyValidator(processingEnv.getElementUtils());
        Map<TemplateMethod, LoweredMethod> out = new LinkedHashMap<>();
        List<TemplateMethod> ordered = new ArrayList<>(template.methods());
        ordered.sort(Comparator.comparingLong(m -> trees.getSourcePositions().getStartPosition(template.unit(), m.tree())));
        for (TemplateMethod m : ordered) {
            bodies.validate(template, m, new BodyInfo(trees, m.path()), report);
            if (report.hasErrors()) {
                continue;
            }
            out.put(m, lowering.lower(template, m, report));
        }
        return out;
    }

    private boolean generatedAnnotation() {
        String option = processingEnv.getOptions().get(OPTION_GENERATED);
        return !"false".equals(option)
                && processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
    }

    private void write(TemplateClass template, String source) throws IOException {
        String name = template.packageName().isEmpty() ? template.generatedName()
                : template.packageName() + "." + template.generatedName();
        JavaFileObject file = processingEnv.getFiler().createSourceFile(name, template.element());
        try (Writer w = file.openWriter()) {
            w.write(source);
        }
    }
}
