package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates that extend templates: {@code Baton_Sub} runs the coroutine methods {@code Sub}
 * inherits from the template {@code Base} through {@code Baton_Base}'s shared forms, whether
 * {@code Base} is compiled with {@code Sub}, before it into a class folder or a jar, or lives in
 * another package; where that cannot work, the error is on {@code Sub}, at compile time.
 */
class InheritanceTest {
    private static final String[] BASE = {
        "  int greetings;",
        "  String prefix() { return \"Hello\"; }",
        "  @Async",
        "  public Coroutine<String> greet(String who) {",
        "    await(sleep(0.1));",
        "    greetings++;",
        "    Runnable note = () -> System.out.println(\"greeted \" + who + \" as \" + this.getClass().getSimpleName());",
        "    note.run();",
        "    return done(prefix() + \", \" + who);",
        "  }",
        "  @Async",
        "  protected Coroutine<Integer> count() {",
        "    await(sleep(0));",
        "    return done(greetings);",
        "  }",
    };

    @Test
    void aTemplateRunsTheCoroutinesItInheritsFromATemplateOfTheSameCompilation() {
        Templates.Loaded t = compileClean(template("Base", BASE), source("t", "Sub", "extends Base",
                "  @Override String prefix() { return \"Hi\"; }",
                "  @Async",
                "  Coroutine<String> main() {",
                "    String a = await(greet(\"x\"));",
                "    String b = await(greet(\"y\"));",
                "    return done(a + \"; \" + b + \"; \" + await(count()));",
                "  }"));
        Templates.Run run = t.run("Sub", "main");
        assertWithMessage(String.valueOf(run.failure())).that(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("Hi, x; Hi, y; 2");
        assertThat(run.lines()).containsExactly("greeted x as Baton_Sub", "greeted y as Baton_Sub").inOrder();
        assertThat(t.run("Base", "greet", "z").result()).isEqualTo("Hello, z");
    }

    @Test
    void inheritanceGoesThroughGenericTemplatesAndChainsOfThem() {
        Templates.Loaded t = compileClean(
                genericBox(),
                source("t", "NumberBox", "extends Box<Integer>",
                        "  @Override <U> U convert(Integer item, Class<U> to) { return to.cast(label + \" \" + item); }",
                        "  @Async",
                        "  Coroutine<String> open(int n) {",
                        "    return done(await(take(n, String.class)));",
                        "  }"),
                source("t", "LoudBox", "extends NumberBox",
                        "  @Async",
                        "  Coroutine<String> main() {",
                        "    label = \"loud box\";",
                        "    return done(await(open(7)).toUpperCase() + \" \" + await(take(8, String.class)));",
                        "  }"));
        Templates.Run run = t.run("LoudBox", "main");
        assertWithMessage(String.valueOf(run.failure())).that(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("LOUD BOX 7 loud box 8");
    }

    private static JavaFileObject genericBox() {
        return JavaFileObjects.forSourceLines("t.Box",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "public abstract class Box<T> {",
                "  String label = \"box\";",
                "  abstract <U> U convert(T item, Class<U> to);",
                "  @Async",
                "  <U> Coroutine<U> take(T item, Class<U> to) {",
                "    await(sleep(0));",
                "    return done(convert(item, to));",
                "  }",
                "}");
    }

    @Test
    void aBaseCompiledBeforeIntoAClassFolderOrAJarInAnotherPackageIsRunToo(@TempDir Path dir) throws Exception {
        Compilation base = Templates.compile(JavaFileObjects.forSourceLines("lib.Base", libBase()));
        CompilationSubject.assertThat(base).succeededWithoutWarnings();
        Path classes = dir.resolve("classes");
        Path jar = dir.resolve("base.jar");
        writeClasses(base, classes, jar);
        for (Path library : List.of(classes, jar)) {
            Compilation sub = compileAgainst(library, JavaFileObjects.forSourceLines("app.Sub",
                    "package app;",
                    "import static dev.baton.runtime.Baton.*;",
                    "import dev.baton.*;",
                    "import dev.baton.runtime.*;",
                    "public abstract class Sub extends lib.Base {",
                    "  @Override protected String prefix() { return \"Hi\"; }",
                    "  @Async",
                    "  public Coroutine<String> main() {",
                    "    String a = await(greet(\"x\"));",
                    "    return done(a + \"; \" + await(count()));",
                    "  }",
                    "}"));
            assertWithMessage(Templates.describe(sub)).that(sub.status()).isEqualTo(Compilation.Status.SUCCESS);
            assertWithMessage(Templates.describe(sub)).that(sub.warnings()).isEmpty();
            Path subClasses = dir.resolve("sub-" + library.getFileName());
            writeClasses(sub, subClasses, null);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {library.toUri().toURL(),
                    subClasses.toUri().toURL()}, InheritanceTest.class.getClassLoader())) {
                Object instance = loader.loadClass("app.Baton_Sub").getDeclaredConstructor().newInstance();
                Templates.Run run = Templates.run(() -> Templates.call(instance, "main"));
                assertWithMessage(String.valueOf(run.failure())).that(run.failure()).isNull();
                assertThat(run.result()).isEqualTo("Hi, x; 1");
            }
        }
    }

    private static String[] libBase() {
        return new String[] {
            "package lib;",
            "import static dev.baton.runtime.Baton.*;",
            "import dev.baton.*;",
            "import dev.baton.runtime.*;",
            "public abstract class Base {",
            "  int greetings;", // package-private: Baton_Base reaches it, app.Baton_Sub could not
            "  protected String prefix() { return \"Hello\"; }",
            "  @Async",
            "  public Coroutine<String> greet(String who) {",
            "    await(sleep(0.1));",
            "    greetings++;",
            "    return done(prefix() + \", \" + who);",
            "  }",
            "  @Async",
            "  protected Coroutine<Integer> count() {",
            "    await(sleep(0));",
            "    return done(greetings);",
            "  }",
            "}"};
    }

    @Test
    void aBodyThatNeedsItsOwnGeneratedClassIsAnErrorOnTheSubclass() {
        JavaFileObject base = template("Base",
                "  String name() { return \"base\"; }",
                "  @Async",
                "  Coroutine<String> greet() {",
                "    await(sleep(0));",
                "    return done(super.toString() + name());",
                "  }");
        JavaFileObject sub = source("t", "Sub", "extends Base",
                "  @Async",
                "  Coroutine<String> main() {",
                "    return done(await(greet()));",
                "  }");
        Compilation c = Templates.compile(base, sub);
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("[BatonInheritedCoroutine] Sub inherits the coroutine"
                + " method greet() from the template Base, but Baton_Base cannot run it on a Baton_Sub (the body"
                + " needs to run in Baton_Base itself: it calls a method through 'super'): override greet in Sub,"
                + " or change Base's body").inFile(sub).onLineContaining("public abstract class Sub");
        assertThat(c.errors()).hasSize(1);
    }

    @Test
    void superOfAnInheritedCoroutineMethodIsAnErrorNotAnUntransformedRun() {
        JavaFileObject sub = source("t", "Sub", "extends Base",
                "  @Async",
                "  @Override",
                "  public Coroutine<String> greet(String who) {",
                "    return done(\"[\" + await(super.greet(who)) + \"]\");",
                "  }");
        Compilation c = Templates.compile(template("Base", BASE), sub);
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("[BatonSuperCall] 'super.greet(...)' would run Base's"
                + " coroutine method greet() untransformed, as its template wrote it, and it would throw; await"
                + " greet(...) itself, or move the part to share into another @Async method of Base that both call")
                .inFile(sub).onLineContaining("super.greet(who)");
    }

    @Test
    void aBaseCompiledWithoutBatonIsAnErrorOnTheSubclass(@TempDir Path dir) throws Exception {
        Compilation base = Compiler.javac().compile(JavaFileObjects.forSourceLines("lib.Base", libBase()));
        CompilationSubject.assertThat(base).succeeded();
        Path classes = dir.resolve("classes");
        writeClasses(base, classes, null);
        JavaFileObject sub = JavaFileObjects.forSourceLines("app.Sub",
                "package app;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "public abstract class Sub extends lib.Base {",
                "  @Async",
                "  public Coroutine<String> main() {",
                "    return done(await(greet(\"x\")));",
                "  }",
                "}");
        Compilation c = compileAgainst(classes, sub);
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("[BatonInheritedCoroutine] Sub inherits the coroutine"
                + " method greet(java.lang.String) from the template Base, but there is no Baton_Base to run it:"
                + " compile Base with Baton's annotation processor, or override greet in Sub")
                .inFile(sub).onLineContaining("public abstract class Sub");
    }

    /**
     * A base body too big for one method is split (its helpers static like its resume method),
     * and the subclass runs it: catches and finallies in other methods, no method over the limit.
     */
    @Test
    void aSplitBodyIsInheritedWhole() {
        List<String> body = new ArrayList<>();
        body.add("  @Async Coroutine<Integer> step(int i) { await(sleep(0)); return done(i); }");
        body.add("  @Async Coroutine<String> big() {");
        body.add("    StringBuilder log = new StringBuilder();");
        body.add("    int x = 0;");
        body.add("    int y = 0;");
        int x = 0;
        int y = 0;
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            body.add("    try {");
            body.add("      x += await(step(" + i + "));");
            body.add("      if (x % 5 == 0) { throw new IllegalStateException(\"b" + i + "\"); }");
            body.add("    } catch (IllegalStateException e) {");
            body.add("      log.append(e.getMessage()).append(' ');");
            body.add("    } finally {");
            body.add(i % 2 == 0 ? "      y += await(step(1));" : "      y += unit;");
            body.add("    }");
            x += i;
            if (x % 5 == 0) {
                log.append("b").append(i).append(' ');
            }
            y += i % 2 == 0 ? 1 : 3;
        }
        body.add("    return done(log + \"x=\" + x + \" y=\" + y);");
        body.add("  }");
        body.add("  int unit = 2;");
        Templates.Loaded t = compileClean(template("Big", body.toArray(new String[0])),
                source("t", "Bigger", "extends Big",
                        "  public Bigger() { unit = 3; }",
                        "  @Async",
                        "  Coroutine<String> main() {",
                        "    return done(\"<\" + await(big()) + \">\");",
                        "  }"));
        Map<String, Integer> sizes = MethodSizeTest.methodSizes(t);
        assertWithMessage("the base body is split").that(sizes.keySet().stream()
                .filter(m -> m.contains("big$resume$")).count()).isGreaterThan(1L);
        MethodSizeTest.assertUnderLimit(sizes);
        Templates.Run run = t.run("Bigger", "main");
        assertWithMessage(String.valueOf(run.failure())).that(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("<" + log + "x=" + x + " y=" + y + ">");
    }

    /** {@code @Guarded} and {@code @AwaitsEvent} of an inherited method use the subclass instance's fields. */
    @Test
    void anInheritedEnvelopeGuardsWithTheSubclassInstancesFields() {
        Templates.Loaded t = compileClean(template("Guard",
                        "  final Lock lock = new Lock();",
                        "  final Event ready = new Event();",
                        "  final List<String> log = new ArrayList<>();",
                        "  @Async @Guarded(\"lock\") @AwaitsEvent(\"ready\")",
                        "  protected Coroutine<Void> critical(String who) {",
                        "    log.add(who + \" in\");",
                        "    await(sleep(0.1));",
                        "    log.add(who + \" out\");",
                        "    return done(null);",
                        "  }"),
                source("t", "Worker", "extends Guard",
                        "  @Async",
                        "  Coroutine<String> main() {",
                        "    Task<Void> a = spawn(critical(\"a\"));",
                        "    Task<Void> b = spawn(critical(\"b\"));",
                        "    await(sleep(0.05));",
                        "    log.add(\"set\");",
                        "    ready.set();",
                        "    await(a);",
                        "    await(b);",
                        "    return done(String.join(\", \", log) + \"; locked=\" + lock.locked());",
                        "  }"));
        Templates.Run run = t.run("Worker", "main");
        assertWithMessage(String.valueOf(run.failure())).that(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("set, a in, a out, b in, b out; locked=false");
    }

    @Test
    void aProtectedMemberFromAnotherPackageKeepsTheBodyInItsOwnClassAndTheSubclassIsTold() {
        JavaFileObject parent = JavaFileObjects.forSourceLines("lib.Parent",
                "package lib;",
                "public abstract class Parent {",
                "  protected String tag() { return \"tag\"; }",
                "}");
        JavaFileObject base = source("t", "Base", "extends lib.Parent",
                "  @Async",
                "  public Coroutine<String> greet() {",
                "    await(sleep(0));",
                "    return done(tag());",
                "  }");
        JavaFileObject sub = source("t", "Sub", "extends Base",
                "  @Async",
                "  Coroutine<String> main() {",
                "    return done(await(greet()));",
                "  }");
        // alone, the base runs its body in its own class
        assertThat(compileClean(parent, base).run("Base", "greet").result()).isEqualTo("tag");
        Compilation c = Templates.compile(parent, base, sub);
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("[BatonInheritedCoroutine] Sub inherits the coroutine"
                + " method greet() from the template Base, but Baton_Base cannot run it on a Baton_Sub (the body"
                + " needs to run in Baton_Base itself: it uses tag(), a protected member of Parent from another"
                + " package): override greet in Sub, or change Base's body")
                .inFile(sub).onLineContaining("public abstract class Sub");
        assertThat(c.errors()).hasSize(1);
    }

    @Test
    void aBaseWithErrorsOfItsOwnAddsNoErrorOnTheSubclass() {
        JavaFileObject base = template("Base",
                "  @Async",
                "  Coroutine<String> greet() {",
                "    Runnable r = () -> await(sleep(0));",
                "    r.run();",
                "    return done(\"x\");",
                "  }");
        JavaFileObject sub = source("t", "Sub", "extends Base",
                "  @Async",
                "  Coroutine<String> main() {",
                "    return done(await(greet()));",
                "  }");
        Compilation c = Templates.compile(base, sub);
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("[BatonAwaitInLambda]").inFile(base);
        assertWithMessage(Templates.describe(c)).that(c.errors()).hasSize(1);
    }

    /** The generated subclass starts the workers of the {@code @Consumes} methods it inherits too. */
    @Test
    void inheritedConsumersAreStartedByTheSubclass() {
        Templates.Loaded t = compileClean(
                source("t", "Work", "implements Consumers",
                        "  protected final Queue<String> jobs = new Queue<>();",
                        "  @Consumes(value = \"jobs\", workers = 2)",
                        "  Coroutine<Void> handle(String job) {",
                        "    await(sleep(0.1));",
                        "    System.out.println(label() + \" \" + job);",
                        "    return done();",
                        "  }",
                        "  String label() { return \"work\"; }"),
                source("t", "MoreWork", "extends Work",
                        "  @Override String label() { return \"more\"; }",
                        "  @Async",
                        "  Coroutine<String> main() {",
                        "    List<Task<Void>> workers = startConsumers();",
                        "    await(jobs.put(\"a\"));",
                        "    await(jobs.put(\"b\"));",
                        "    await(jobs.join());",
                        "    for (Task<Void> w : workers) { w.cancel(); }",
                        "    return done(workers.size() + \" workers\");",
                        "  }"));
        Templates.Run run = t.run("MoreWork", "main");
        assertWithMessage(String.valueOf(run.failure())).that(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("2 workers");
        assertThat(run.lines()).containsExactly("more a", "more b").inOrder();
    }

    @Test
    void anInheritedConsumersQueueTheSubclassCannotSeeIsAnErrorOnIt() {
        JavaFileObject base = JavaFileObjects.forSourceLines("lib.Work",
                "package lib;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "public abstract class Work implements Consumers {",
                "  final Queue<String> jobs = new Queue<>();",
                "  @Consumes(\"jobs\")",
                "  protected Coroutine<Void> handle(String job) {",
                "    await(sleep(0));",
                "    return done();",
                "  }",
                "}");
        JavaFileObject sub = source("app", "MoreWork", "extends lib.Work",
                "  @Async",
                "  Coroutine<Integer> main() {",
                "    return done(startConsumers().size());",
                "  }");
        Compilation c = Templates.compile(base, sub);
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("[BatonInheritedCoroutine] MoreWork inherits the @Consumes"
                + " method handle(java.lang.String) from the template Work, but its queue field is not visible in"
                + " Baton_MoreWork, whose startConsumers() starts its workers: make the field protected, or override"
                + " handle in MoreWork").inFile(sub).onLineContaining("public abstract class MoreWork");
        assertWithMessage(Templates.describe(c)).that(c.errors()).hasSize(1);
    }

    /** A template in package {@code pkg}: {@code public abstract class Name extends ... { body }}. */
    private static JavaFileObject source(String pkg, String name, String extendsClause, String... body) {
        List<String> lines = new ArrayList<>(List.of("package " + pkg + ";",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "import java.util.List;",
                "public abstract class " + name + " " + extendsClause + " {"));
        lines.addAll(List.of(body));
        lines.add("}");
        return JavaFileObjects.forSourceLines(pkg + "." + name, lines);
    }

    private static Compilation compileAgainst(Path library, JavaFileObject... sources) {
        List<File> path = new ArrayList<>();
        path.add(library.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            path.add(new File(entry));
        }
        return Compiler.javac().withProcessors(new BatonProcessor()).withOptions("-Xlint:all").withClasspath(path)
                .compile(sources);
    }

    /** Writes the class files of {@code c} under {@code folder}, and into {@code jar} if not null. */
    private static void writeClasses(Compilation c, Path folder, Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        for (JavaFileObject f : c.generatedFiles()) {
            if (f.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = f.toUri().getPath();
            String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
            Path target = folder.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = f.openInputStream()) {
                Files.write(target, in.readAllBytes());
            }
            names.add(name);
        }
        if (jar == null) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (String name : names) {
                j.putNextEntry(new JarEntry(name));
                j.write(Files.readAllBytes(folder.resolve(name)));
                j.closeEntry();
            }
        }
    }
}
