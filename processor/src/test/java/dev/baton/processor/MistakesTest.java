package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Templates.assertError;
import static dev.baton.processor.Templates.compile;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Mistakes new users make, each caught at compile time with a message that says what to do. */
class MistakesTest {

    // ---- a coroutine made and dropped ----

    @Test
    void aDroppedCoroutineIsAWarningOnItsStatement() {
        JavaFileObject f = template("Dropped",
                "  @Async Coroutine<String> work(String s) {",
                "    await(sleep(0));",
                "    return done(s);",
                "  }",
                "  @Async Coroutine<Void> main() {",
                "    work(\"x\");",
                "    await(sleep(0));",
                "    return done();",
                "  }");
        Compilation c = compile(f);
        assertThat(c).succeeded();
        assertThat(c).hadWarningCount(1);
        assertThat(c).hadWarningContaining("[BatonUnawaited] work(\"x\") creates a coroutine that never runs:"
                + " await(...) it, spawn(...) it, or keep it in a variable").inFile(f).onLineContaining("work(\"x\");");
    }

    @Test
    void aDroppedCoroutineInABranchOrALambdaIsAWarningToo() {
        JavaFileObject f = template("DroppedNested",
                "  @Async Coroutine<Void> work() {",
                "    return done();",
                "  }",
                "  @Async Coroutine<Void> main(boolean b) {",
                "    if (b) {",
                "      this.work();",
                "    }",
                "    Runnable r = () -> { work(); };",
                "    r.run();",
                "    return done();",
                "  }");
        Compilation c = compile(f);
        assertThat(c).hadWarningContaining("[BatonUnawaited] this.work() creates a coroutine that never runs")
                .inFile(f).onLineContaining("this.work();");
        assertThat(c).hadWarningContaining("[BatonUnawaited] work() creates a coroutine that never runs")
                .inFile(f).onLineContaining("Runnable r");
    }

    @Test
    void aDroppedRuntimeOperationIsAWarningAsInAsyncio() {
        // asyncio's sleep, acquire and put are coroutines; Baton's return cold awaitables: dropped, they do nothing
        JavaFileObject f = template("DroppedOperations",
                "  final Lock lock = new Lock();",
                "  final Queue<Integer> queue = new Queue<>();",
                "  @Async Coroutine<Integer> main() {",
                "    sleep(1);",
                "    lock.acquire();",
                "    queue.put(1);",
                "    queue.putNowait(2);",
                "    gather(sleep(0));",
                "    return done(queue.qsize());",
                "  }");
        Compilation c = compile(f);
        assertThat(c).succeeded();
        assertThat(c).hadWarningCount(3);
        assertThat(c).hadWarningContaining("[BatonUnawaited] sleep(1) does nothing until it is awaited: await(...) it,"
                + " or keep it in a variable").inFile(f).onLineContaining("sleep(1);");
        assertThat(c).hadWarningContaining("[BatonUnawaited] lock.acquire() does nothing until it is awaited")
                .inFile(f).onLineContaining("lock.acquire();");
        assertThat(c).hadWarningContaining("[BatonUnawaited] queue.put(1) does nothing until it is awaited")
                .inFile(f).onLineContaining("queue.put(1);");
    }

    @Test
    void awaitedSpawnedOrKeptCoroutinesAndOtherDroppedValuesAreNoWarning() {
        Templates.Loaded t = compileClean(template("Kept",
                "  @Async Coroutine<Integer> work(int n) {",
                "    await(sleep(0));",
                "    System.out.println(\"work \" + n);",
                "    return done(n);",
                "  }",
                "  @Async Coroutine<Integer> main() {",
                "    await(work(1));",
                "    Task<Integer> t = spawn(work(2));",
                "    Coroutine<Integer> kept = work(3);",
                "    spawn(work(4));",
                "    new StringBuilder().append(\"dropped, not a coroutine\");",
                "    return done(await(kept) + await(t));",
                "  }"));
        Templates.Run run = t.run("Kept", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly("work 1", "work 3", "work 2", "work 4").inOrder(); // as asyncio
        assertThat(run.result()).isEqualTo(5);
    }

    // ---- checked exceptions ----

    @Test
    void aCheckedExceptionOfAStageIsCaughtByName() {
        Templates.Loaded t = compileClean(template("Checked",
                "  @Async Coroutine<String> main() throws java.io.IOException {",
                "    java.util.concurrent.CompletableFuture<String> f = new java.util.concurrent.CompletableFuture<>();",
                "    new Thread(() -> f.completeExceptionally(new java.io.IOException(\"disk\"))).start();",
                "    String got;",
                "    try {",
                "      got = await(f, java.io.IOException.class);",
                "    } catch (java.io.IOException e) {",
                "      got = \"caught IOException \" + e.getMessage();",
                "    }",
                "    java.util.concurrent.CompletableFuture<String> ok = java.util.concurrent.CompletableFuture.completedFuture(\"ok\");",
                "    return done(got + \", \" + await(ok, java.io.IOException.class));",
                "  }"));
        Templates.Run run = t.run("Checked", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("caught IOException disk, ok");
    }

    @Test
    void aCheckedExceptionOfAnAwaitableIsCaughtByNameAndOthersPassThrough() {
        Templates.Loaded t = compileClean(template("CheckedAwaitable",
                "  @Async Coroutine<String> fail(Exception e) throws Exception {",
                "    await(sleep(0));",
                "    throw e;",
                "  }",
                "  @Async Coroutine<String> main() throws Exception {",
                "    String got = \"\";",
                "    try {",
                "      got = await(fail(new java.util.concurrent.TimeoutException(\"slow\")),"
                        + " java.util.concurrent.TimeoutException.class);",
                "    } catch (java.util.concurrent.TimeoutException e) {",
                "      got = \"caught \" + e.getMessage();",
                "    }",
                "    try {",
                "      await(fail(new java.io.IOException(\"other\")), java.util.concurrent.TimeoutException.class);",
                "    } catch (java.util.concurrent.TimeoutException e) {",
                "      got = \"wrong\";",
                "    } catch (Exception e) {",
                "      got += \", then \" + e.getClass().getSimpleName() + \" \" + e.getMessage();",
                "    }",
                "    return done(got);",
                "  }"));
        Templates.Run run = t.run("CheckedAwaitable", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("caught slow, then IOException other");
    }

    @Test
    void theExceptionOfAwaitIsAClassLiteral() {
        assertError(template("NotALiteral",
                        "  @Async Coroutine<String> main(Class<java.io.IOException> thrown) throws Exception {",
                        "    java.util.concurrent.CompletableFuture<String> f = new java.util.concurrent.CompletableFuture<>();",
                        "    return done(await(f, thrown));",
                        "  }"),
                "[BatonAwaitThrows] the second argument of await names the checked exception it may throw with a"
                        + " class literal, as in 'await(f, IOException.class)'; 'thrown' is not one",
                "return done(await(f, thrown));");
    }

    @Test
    void awaitWithAnExceptionOutsideACoroutineIsAnErrorLikeAwait() {
        assertError(template("Outside",
                        "  String plain(java.util.concurrent.CompletableFuture<String> f) throws java.io.IOException {",
                        "    return await(f, java.io.IOException.class);",
                        "  }",
                        "  @Async Coroutine<Void> main() {",
                        "    return done();",
                        "  }"),
                "[BatonAwaitOutsideCoroutine]", "return await(f, java.io.IOException.class);");
    }

    // ---- a typo in a template ----

    @Test
    void aTypoInATemplateIsOneErrorWithoutACascade() {
        assertTheTypoIsTheOnlyError("Typo", "return done(cuont);", "  static final int count = 1;");
    }

    @Test
    void aCapitalizedTypoWhereOnlyAValueMayStandIsOneErrorToo() {
        // a capital first letter could name a type a later round generates, but not as an operand
        assertTheTypoIsTheOnlyError("ConstantTypo", "return done(MAX_SIZ + 1);", "  static final int MAX_SIZE = 3;");
    }

    /**
     * A template named {@code name} whose coroutine ends with {@code typoLine}, used by the
     * template itself and by another file through its {@code Baton_} class: javac's "cannot find
     * symbol" on that line is the only error, with none on the uses of the generated class.
     */
    private static void assertTheTypoIsTheOnlyError(String name, String typoLine, String field) {
        JavaFileObject f = template(name,
                field,
                "  @Async Coroutine<Integer> main() {",
                "    await(sleep(0));",
                "    " + typoLine,
                "  }",
                "  static Object run() { return new Baton_" + name + "().main(); }");
        JavaFileObject user = Templates.source(name + "User", "package t;",
                "class " + name + "User {",
                "  Baton_" + name + " typo = new Baton_" + name + "();",
                "  Object main() { return typo.main(); }",
                "}");
        Compilation c = compile(f, user);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("cannot find symbol").inFile(f).onLineContaining(typoLine);
    }

    @Test
    void namesOfAStaticImportFromAClassGeneratedInALaterRoundAreNoTypo() {
        // the body's MAX and twice(...) are unresolved in the first round, as a typo would be; the
        // static import of a class not generated yet says they may come: Baton waits for it
        JavaFileObject f = Templates.source("Limited",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import static t.Limits.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "public abstract class Limited {",
                "  @Async Coroutine<Integer> main() {",
                "    await(sleep(0));",
                "    return done(twice(MAX) + 1);",
                "  }",
                "}");
        Compilation c = Compiler.javac().withProcessors(new LimitsGenerator(), new BatonProcessor())
                .withOptions("-Xlint:all").compile(f);
        assertThat(c).succeededWithoutWarnings();
        Templates.Run run = new Templates.Loaded(c).run("Limited", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo(15);
    }

    /** Another processor: writes {@code t.Limits} in the first round. */
    static final class LimitsGenerator extends AbstractProcessor {
        private boolean written;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!written) {
                written = true;
                try (Writer w = processingEnv.getFiler().createSourceFile("t.Limits").openWriter()) {
                    w.write("package t;\npublic final class Limits {\n  private Limits() {}\n"
                            + "  public static final int MAX = 7;\n"
                            + "  public static int twice(int n) { return 2 * n; }\n}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    // ---- a subclass of Baton_X in X's own file ----

    @Test
    void anAnonymousSubclassOfTheGeneratedClassInTheTemplatesFileIsAClearError() {
        JavaFileObject f = template("Greeter",
                "  @Async Coroutine<String> greet() {",
                "    await(sleep(0));",
                "    return done(\"hello\");",
                "  }",
                "  static Greeter loud() {",
                "    return new Baton_Greeter() {",
                "      @Override Coroutine<String> greet() { return done(\"HELLO\"); }",
                "    };",
                "  }");
        Compilation c = compile(f);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[BatonGeneratedSubclass] this anonymous class extends Baton_Greeter, which"
                + " Baton generates from Greeter.java itself: javac checks this file before Baton_Greeter exists, so"
                + " it cannot tell what the subclass overrides; declare the subclass in a file of its own")
                .inFile(f).onLineContaining("return new Baton_Greeter() {");
    }

    @Test
    void aNamedSubclassInTheTemplatesFileIsTheSameErrorAndOneInItsOwnFileWorks() throws Exception {
        JavaFileObject f = template("Hello",
                "  @Async Coroutine<String> greet() {",
                "    await(sleep(0));",
                "    return done(\"hello\");",
                "  }",
                "  static class Loud extends Baton_Hello {",
                "    @Override Coroutine<String> greet() { return done(\"HELLO\"); }",
                "  }");
        assertError(f, "[BatonGeneratedSubclass] class Loud extends Baton_Hello", "static class Loud");

        Templates.Loaded t = compileClean(template("Hi",
                        "  @Async Coroutine<String> greet() {",
                        "    await(sleep(0));",
                        "    return done(\"hi\");",
                        "  }"),
                Templates.source("LoudHi", "package t;",
                        "import static dev.baton.runtime.Baton.*;",
                        "import dev.baton.runtime.*;",
                        "public class LoudHi {",
                        "  public static Hi loud() {",
                        "    return new Baton_Hi() {",
                        "      @Override Coroutine<String> greet() { return done(\"HI\"); }",
                        "    };",
                        "  }",
                        "}"));
        Object loud = t.loader.loadClass("t.LoudHi").getMethod("loud").invoke(null);
        java.lang.reflect.Method greet = t.loader.loadClass("t.Hi").getDeclaredMethod("greet");
        greet.setAccessible(true);
        Object result = dev.baton.runtime.EventLoop.run((dev.baton.runtime.Coroutine<?>) greet.invoke(loud));
        assertThat(result).isEqualTo("HI");
    }

    /**
     * Every template's file is checked before any Baton_ class exists: a subclass of another
     * template's Baton_ class there is the same error, saying where to move it, and nothing else
     * (a file elsewhere waiting for that class is not checked against a class that javac sees
     * only after the last round).
     */
    @Test
    void aSubclassOfAnotherTemplatesGeneratedClassInATemplatesFileIsOneClearError() {
        JavaFileObject greeter = template("Greeter",
                "  @Async Coroutine<String> greet() {",
                "    await(sleep(0));",
                "    return done(\"hello\");",
                "  }",
                "  @Async Coroutine<String> greetOther(Baton_Other other) { return done(\"other\"); }");
        JavaFileObject other = template("Other",
                "  @Async Coroutine<Void> main() { return done(); }",
                "  static Greeter loud() {",
                "    return new Baton_Greeter() {",
                "      @Override Coroutine<String> greet() { return done(\"HELLO\"); }",
                "    };",
                "  }");
        JavaFileObject user = userOfGreeter(
                "  public static Greeter loud() {",
                "    return new Baton_Greeter() {",
                "      @Override Coroutine<String> greet() { return done(\"HELLO\"); }",
                "    };",
                "  }");
        Compilation c = compile(greeter, other, user);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[BatonGeneratedSubclass] this anonymous class extends Baton_Greeter, which"
                + " does not exist yet while javac checks Other.java, a template's file, so it cannot tell what the"
                + " subclass overrides; if Baton generates Baton_Greeter, declare the subclass in a file that declares"
                + " no template").inFile(other).onLineContaining("return new Baton_Greeter() {");
    }

    /** A Baton_ class that exists already, imported from another package, is no subclass to report. */
    @Test
    void aSubclassOfAnImportedClassNamedLikeAGeneratedOneIsNoError() throws Exception {
        JavaFileObject lib = JavaFileObjects.forSourceLines("lib.Baton_Lib", "package lib;",
                "public class Baton_Lib {",
                "  public String name() { return \"lib\"; }",
                "}");
        Templates.Loaded t = compileClean(lib, Templates.source("Named", "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "import lib.Baton_Lib;",
                "public abstract class Named {",
                "  @Async Coroutine<String> main() { return done(name().name()); }",
                "  static Baton_Lib name() {",
                "    return new Baton_Lib() { @Override public String name() { return \"named\"; } };",
                "  }",
                "}"));
        assertThat(t.run("Named", "main").result()).isEqualTo("named");
    }

    // ---- a subclass of Baton_X in a file of its own, beside a new of a template ----

    /**
     * The direct-instantiation check has javac attribute a file with {@code new Greeter() {}};
     * in the first round that would check the anonymous subclass of {@code Baton_Greeter}
     * against a supertype not generated yet ("method does not override or implement a method
     * from a supertype"). The file waits for the round in which {@code Baton_Greeter} exists.
     */
    @Test
    void anAnonymousSubclassOfTheGeneratedClassBesideANewOfATemplateCompilesAndRuns() throws Exception {
        JavaFileObject user = userOfGreeter(
                "  public static Greeter loud() {",
                "    return new Baton_Greeter() {",
                "      @Override Coroutine<String> greet() { return done(\"HELLO\"); }",
                "    };",
                "  }",
                // attributed in a later round, and compiled again after it, like any other file
                "  public static int count() {",
                "    var c = new Object() { int n = 2; };",
                "    java.util.List.of(3).forEach(v -> c.n += v);",
                "    return c.n;",
                "  }");
        Compilation c = compile(greeter(), user);
        assertWithMessage(Templates.describe(c)).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertOneDirectInstantiation(c, user);
        Templates.Loaded t = new Templates.Loaded(c);
        assertThat(greetOf(t, "loud")).isEqualTo("HELLO");
        assertThat(t.loader.loadClass("t.User").getMethod("count").invoke(null)).isEqualTo(5);
    }

    @Test
    void aNamedSubclassOfTheGeneratedClassBesideANewOfATemplateCompilesAndRuns() throws Exception {
        JavaFileObject user = userOfGreeter(
                "  static class Loud extends Baton_Greeter {",
                "    @Override Coroutine<String> greet() { return done(\"LOUD\"); }",
                "  }",
                "  public static Greeter loud() { return new Loud(); }");
        Compilation c = compile(greeter(), user);
        assertWithMessage(Templates.describe(c)).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertOneDirectInstantiation(c, user);
        assertThat(greetOf(new Templates.Loaded(c), "loud")).isEqualTo("LOUD");
    }

    /** javac attributes a superclass with its subclass: a file subclassing a class of a file that waits, waits too. */
    @Test
    void aSubclassOfASubclassOfTheGeneratedClassInAnotherFileCompilesAndRuns() throws Exception {
        JavaFileObject loud = Templates.source("Loud", "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.runtime.*;",
                "public class Loud extends Baton_Greeter {",
                "  @Override Coroutine<String> greet() { return done(\"LOUD\"); }",
                "}");
        JavaFileObject user = userOfGreeter(
                "  static class Louder extends Loud {",
                "    @Override Coroutine<String> greet() { return done(\"LOUDER\"); }",
                "  }",
                "  public static Greeter loud() { return new Louder(); }");
        Compilation c = compile(greeter(), user, loud);
        assertWithMessage(Templates.describe(c)).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertOneDirectInstantiation(c, user);
        assertThat(greetOf(new Templates.Loaded(c), "loud")).isEqualTo("LOUDER");
    }

    /** A file that waits is still checked, once: here an await outside a coroutine, an error. */
    @Test
    void aFileThatWaitsForTheGeneratedClassIsCheckedOnce() {
        JavaFileObject user = userOfGreeter(
                "  public static Greeter loud() {",
                "    return new Baton_Greeter() {",
                "      @Override Coroutine<String> greet() { return done(\"HELLO\"); }",
                "    };",
                "  }",
                "  static String now() { return await(new Baton_Greeter().greet()); }");
        Compilation c = compile(greeter(), user);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[BatonAwaitOutsideCoroutine] await outside a coroutine: it stands in"
                + " User.now()").inFile(user).onLineContaining("static String now()");
        assertOneDirectInstantiation(c, user);
    }

    /**
     * A {@code Baton_} name that no round generates (here misspelt) cannot wait for ever: the
     * last round checks the file all the same, and javac reports the unknown name.
     */
    @Test
    void aFileNamingAGeneratedClassThatNeverComesIsCheckedInTheLastRound() {
        JavaFileObject user = userOfGreeter(
                "  public static Greeter loud() {",
                "    return new Baton_Greter() {",
                "      @Override Coroutine<String> greet() { return done(\"HELLO\"); }",
                "    };",
                "  }");
        Compilation c = compile(greeter(), user);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("cannot find symbol").inFile(user)
                .onLineContaining("return new Baton_Greter() {");
        assertOneDirectInstantiation(c, user);
    }

    private static JavaFileObject greeter() {
        return template("Greeter",
                "  @Async Coroutine<String> greet() {",
                "    await(sleep(0));",
                "    return done(\"hello\");",
                "  }");
    }

    /** {@code t.User} with {@code members}, and a direct {@code new Greeter() {}} on its last line. */
    private static JavaFileObject userOfGreeter(String... members) {
        String[] lines = new String[members.length + 6];
        lines[0] = "package t;";
        lines[1] = "import static dev.baton.runtime.Baton.*;";
        lines[2] = "import dev.baton.runtime.*;";
        lines[3] = "public class User {";
        System.arraycopy(members, 0, lines, 4, members.length);
        lines[lines.length - 2] = "  static Object other() { return new Greeter() {}; }";
        lines[lines.length - 1] = "}";
        return Templates.source("User", lines);
    }

    private static void assertOneDirectInstantiation(Compilation c, JavaFileObject user) {
        assertThat(c).hadWarningContaining("[BatonDirectInstantiation] 'new Greeter(...) {...}' subclasses the"
                + " template Greeter itself").inFile(user).onLineContaining("static Object other()");
        assertWithMessage(Templates.describe(c)).that(c.warnings().stream()
                .filter(w -> w.getMessage(null).contains("[BatonDirectInstantiation]")).count()).isEqualTo(1);
    }

    /** What {@code User.<factory>().greet()} completes with, run on an event loop. */
    private static Object greetOf(Templates.Loaded t, String factory) throws Exception {
        Object greeter = t.loader.loadClass("t.User").getMethod(factory).invoke(null);
        java.lang.reflect.Method greet = t.loader.loadClass("t.Greeter").getDeclaredMethod("greet");
        greet.setAccessible(true);
        return dev.baton.runtime.EventLoop.run((dev.baton.runtime.Coroutine<?>) greet.invoke(greeter));
    }

    // ---- @Consumes without implements Consumers ----

    @Test
    void startConsumersWithoutImplementsConsumersIsAnErrorOnTheClass() {
        JavaFileObject f = Templates.source("Jobs",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "public abstract class Jobs {",
                "  final Queue<Integer> q = new Queue<>();",
                "  @Consumes(\"q\")",
                "  Coroutine<Void> handle(Integer item) {",
                "    return done();",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    startConsumers();",
                "    await(q.join());",
                "    return done();",
                "  }",
                "}");
        Compilation c = compile(f);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[BatonConsumers] Jobs has @Consumes methods and calls startConsumers(),"
                + " which only Baton_Jobs has, as Jobs does not implement Consumers; declare 'abstract class Jobs"
                + " implements Consumers' (dev.baton.runtime.Consumers)").inFile(f)
                .onLineContaining("public abstract class Jobs {");
    }

    @Test
    void consumesWithoutStartConsumersInTheTemplateNeedsNoConsumers() {
        compileClean(Templates.source("Mailer",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "public abstract class Mailer {",
                "  final Queue<String> outbox = new Queue<>();",
                "  @Consumes(\"outbox\")",
                "  Coroutine<Void> send(String message) {",
                "    return done();",
                "  }",
                "  static java.util.List<Task<Void>> start() { return new Baton_Mailer().startConsumers(); }",
                "}"));
    }
}
