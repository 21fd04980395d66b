package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Templates.source;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor as tools see it: crashes become errors, wrapped environments, options,
 * claims, source version, originating elements.
 */
class BatonProcessorTest {

    private static JavaFileObject simpleTemplate() {
        return template("Simple",
                "  @Async Coroutine<Integer> main() {",
                "    await(sleep(0));",
                "    return done(7);",
                "  }");
    }

    /** A user of the generated class: if Baton_Simple were missing, this would be a cascade of errors. */
    private static JavaFileObject simpleUser() {
        return source("SimpleUser", "package t;",
                "class SimpleUser {",
                "  Object run() { return new Baton_Simple().main(); }",
                "}");
    }

    // ---- never a crash ----

    @Test
    void anUnexpectedExceptionBecomesAnErrorOnTheClassWithItsStackTrace() {
        BatonProcessor crashing = new BatonProcessor(type -> {
            throw new IllegalStateException("injected failure in " + type.getSimpleName());
        });
        JavaFileObject f = simpleTemplate();
        Compilation c = Compiler.javac().withProcessors(crashing).withOptions("-Xlint:all")
                .compile(f, simpleUser());
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[BatonInternalError] Baton's processor failed on Simple; this is a bug in"
                + " Baton, please report it at https://github.com/baton-java/baton/issues with the template:"
                + " java.lang.IllegalStateException: injected failure in"
                + " Simple").inFile(f).onLineContaining("public abstract class Simple");
        assertThat(c).hadErrorContaining("at dev.baton.processor.BatonProcessor.generate(");
        assertThat(c).hadErrorCount(1); // the minimal Baton_Simple is there: no "cannot find symbol"
    }

    @Test
    void everyMethodIsValidatedBeforeAnyIsLowered() {
        BatonProcessor crashing = new BatonProcessor(type -> {
            throw new IllegalStateException("lowering started");
        });
        JavaFileObject f = template("Two",
                "  @Async Coroutine<Integer> first() {",
                "    await(sleep(0));",
                "    return done(1);",
                "  }",
                "  @Async Coroutine<Integer> second() {",
                "    synchronized (this) {",
                "      await(sleep(1));",
                "    }",
                "    return done(2);",
                "  }");
        Compilation c = Compiler.javac().withProcessors(crashing).withOptions("-Xlint:all").compile(f);
        assertThat(c).hadErrorContaining("[BatonAwaitInSynchronized]").inFile(f).onLineContaining("await(sleep(1));");
        assertThat(c).hadErrorContaining("lowering started");
    }

    // ---- wrapped environments ----

    /** Runs Baton with the environment javac gives replaced by {@code wrap(env)}. */
    private static Processor wrapped(Function<ProcessingEnvironment, ProcessingEnvironment> wrap) {
        return wrapped(new BatonProcessor(), wrap);
    }

    /** Runs {@code baton} with the environment javac gives replaced by {@code wrap(env)}. */
    private static Processor wrapped(BatonProcessor baton, Function<ProcessingEnvironment, ProcessingEnvironment> wrap) {
        return new Processor() {
            @Override
            public Set<String> getSupportedOptions() {
                return baton.getSupportedOptions();
            }

            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return baton.getSupportedAnnotationTypes();
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return baton.getSupportedSourceVersion();
            }

            @Override
            public void init(ProcessingEnvironment env) {
                baton.init(wrap.apply(env));
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                return baton.process(annotations, round);
            }

            @Override
            public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                    ExecutableElement member, String userText) {
                return baton.getCompletions(element, annotation, member, userText);
            }
        };
    }

    /** As IntelliJ IDEA does it: a Proxy whose handler captured the real environment as {@code delegateTo}. */
    private static ProcessingEnvironment intellijProxy(ProcessingEnvironment env) {
        final ProcessingEnvironment delegateTo = env;
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                try {
                    return method.invoke(delegateTo, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (ProcessingEnvironment) Proxy.newProxyInstance(BatonProcessorTest.class.getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class}, handler);
    }

    @Test
    void intellijsProxyEnvironmentIsUnwrapped() throws Exception {
        Compilation c = Compiler.javac().withProcessors(wrapped(BatonProcessorTest::intellijProxy))
                .withOptions("-Xlint:all").compile(simpleTemplate());
        assertThat(c).succeededWithoutWarnings();
        assertThat(new Templates.Loaded(c).run("Simple", "main").result()).isEqualTo(7);
    }

    /** As Gradle's incremental processing does it: a delegating class with a {@code delegate} field, twice. */
    record GradleLike(ProcessingEnvironment delegate) implements ProcessingEnvironment {
        @Override
        public Map<String, String> getOptions() {
            return delegate.getOptions();
        }

        @Override
        public javax.annotation.processing.Messager getMessager() {
            return delegate.getMessager();
        }

        @Override
        public Filer getFiler() {
            return delegate.getFiler();
        }

        @Override
        public javax.lang.model.util.Elements getElementUtils() {
            return delegate.getElementUtils();
        }

        @Override
        public javax.lang.model.util.Types getTypeUtils() {
            return delegate.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return delegate.getSourceVersion();
        }

        @Override
        public java.util.Locale getLocale() {
            return delegate.getLocale();
        }
    }

    @Test
    void delegatingWrappersAreUnwrappedThroughSeveralLevels() {
        Compilation c = Compiler.javac()
                .withProcessors(wrapped(env -> new GradleLike(intellijProxy(new GradleLike(env)))))
                .withOptions("-Xlint:all").compile(simpleTemplate());
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void anEnvironmentThatCannotBeUnwrappedIsAClearError() {
        // a proxy whose handler hides the real environment behind a lambda: nothing to find
        Function<ProcessingEnvironment, ProcessingEnvironment> opaque = env -> {
            Function<Method, Object[]> nothing = m -> null;
            Object[] box = {env};
            InvocationHandler handler = (proxy, method, args) -> {
                nothing.apply(method);
                return method.invoke(box[0], args);
            };
            return (ProcessingEnvironment) Proxy.newProxyInstance(BatonProcessorTest.class.getClassLoader(),
                    new Class<?>[] {ProcessingEnvironment.class}, handler);
        };
        JavaFileObject f = simpleTemplate();
        Compilation c = Compiler.javac().withProcessors(wrapped(opaque)).compile(f, simpleUser());
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[BatonEnvironment] Baton reads coroutine bodies through javac's Trees API,"
                + " but this compiler's ProcessingEnvironment (jdk.proxy").inFile(f)
                .onLineContaining("public abstract class Simple");
        assertThat(c).hadErrorContaining("is not javac's, and Baton found no javac environment inside it");
        assertThat(c).hadErrorCount(1);
    }

    // ---- options, claims, version, origins ----

    @Test
    void generatedAnnotationIsWrittenUnlessTurnedOff() {
        Compilation on = Templates.compile(simpleTemplate());
        assertThat(Templates.generated(on, "t.Baton_Simple"))
                .contains("@javax.annotation.processing.Generated(\"dev.baton.processor.BatonProcessor\")");
        Compilation off = Compiler.javac().withProcessors(new BatonProcessor())
                .withOptions("-Xlint:all", "-Abaton.generated=false").compile(simpleTemplate());
        assertThat(off).succeededWithoutWarnings();
        assertThat(Templates.generated(off, "t.Baton_Simple")).doesNotContain("Generated");
    }

    @Test
    void claimsBatonsAnnotationsAndGeneratedOnlyWhileWritingIt() {
        Set<String> supported = new BatonProcessor().getSupportedAnnotationTypes();
        assertThat(supported).containsExactly("dev.baton.Async", "dev.baton.Guarded", "dev.baton.Guarded.List",
                "dev.baton.AwaitsEvent", "dev.baton.Consumes", "javax.annotation.processing.Generated");
        BatonProcessor off = new BatonProcessor();
        Compiler.javac().withProcessors(wrapped(off, env -> env)).withOptions("-Abaton.generated=false")
                .compile(simpleTemplate());
        assertThat(off.getSupportedAnnotationTypes()).doesNotContain("javax.annotation.processing.Generated");
    }

    @Test
    void noClaimWarningUnderXlintAll() {
        // -Xlint:processing warns about every annotation no processor claimed: Baton's and @Generated
        Compilation c = Templates.compile(simpleTemplate());
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void supportsTheLatestSourceVersion() {
        assertThat(new BatonProcessor().getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    }

    @Test
    void everyGeneratedFileNamesItsTemplateAsOriginatingElement() {
        List<String> origins = new ArrayList<>();
        Function<ProcessingEnvironment, ProcessingEnvironment> recording = env -> (ProcessingEnvironment) Proxy
                .newProxyInstance(BatonProcessorTest.class.getClassLoader(),
                        new Class<?>[] {ProcessingEnvironment.class}, new InvocationHandler() {
                            final ProcessingEnvironment delegateTo = env;

                            @Override
                            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                                Object result = method.invoke(delegateTo, args);
                                if (method.getName().equals("getFiler")) {
                                    return recordingFiler((Filer) result, origins);
                                }
                                return result;
                            }
                        });
        JavaFileObject nested = source("Holder", "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.Async;",
                "import dev.baton.runtime.Coroutine;",
                "public class Holder {",
                "  public abstract static class Inner { @Async Coroutine<Void> a() { return done(); } }",
                "}");
        Compilation c = Compiler.javac().withProcessors(wrapped(recording)).compile(simpleTemplate(), nested);
        assertThat(c).succeeded();
        assertThat(origins).containsExactly("t.Baton_Simple <- t.Simple", "t.Baton_Holder_Inner <- t.Holder.Inner");
    }

    private static Filer recordingFiler(Filer filer, List<String> origins) {
        return (Filer) Proxy.newProxyInstance(BatonProcessorTest.class.getClassLoader(), new Class<?>[] {Filer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createSourceFile")) {
                        StringBuilder s = new StringBuilder(args[0] + " <-");
                        for (Element e : (Element[]) args[1]) {
                            s.append(' ').append(((TypeElement) e).getQualifiedName());
                        }
                        origins.add(s.toString());
                    }
                    try {
                        return method.invoke(filer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
