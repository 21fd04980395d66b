package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Templates.assertError;
import static dev.baton.processor.Templates.compile;
import static dev.baton.processor.Templates.source;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@link dev.baton.processor.validation.UnitScanner}: awaits outside coroutines, coroutine
 * methods of local classes, templates instantiated directly; and what happens at run time
 * when a template's method runs untransformed all the same.
 */
class UnitScannerTest {

    private static JavaFileObject withImports(String name, String... lines) {
        String[] all = new String[lines.length + 4];
        all[0] = "package t;";
        all[1] = "import static dev.baton.runtime.Baton.*;";
        all[2] = "import dev.baton.*;";
        all[3] = "import dev.baton.runtime.*;";
        System.arraycopy(lines, 0, all, 4, lines.length);
        return source(name, all);
    }

    // ---- await outside a coroutine ----

    @Test
    void awaitInAMethodOfTheTemplateWithoutAnnotation() {
        assertError(template("Forgot",
                        "  @Async Coroutine<Void> main() { return done(); }",
                        "  Coroutine<Void> helper() {",
                        "    await(sleep(1));",
                        "    return done();",
                        "  }"),
                "[BatonAwaitOutsideCoroutine] await outside a coroutine: it stands in Forgot.helper(), which is not"
                        + " annotated, so Baton does not compile it and the await would throw at run time; annotate"
                        + " helper() with @Async (or @Guarded, @AwaitsEvent, @Consumes) and make it return"
                        + " Coroutine<T>", "await(sleep(1));");
    }

    @Test
    void awaitInAStaticMain() {
        assertError(withImports("Launcher",
                        "public abstract class Launcher {",
                        "  @Async Coroutine<Void> run() { return done(); }",
                        "  public static void main(String[] args) {",
                        "    await(new Baton_Launcher() {}.run());",
                        "  }",
                        "}"),
                "[BatonAwaitOutsideCoroutine] await outside a coroutine: it stands in Launcher.main(), which is not"
                        + " annotated, so Baton does not compile it and the await would throw at run time; a static"
                        + " method cannot be a coroutine: move the awaiting code into an instance method of Launcher"
                        + " annotated with @Async that returns Coroutine<T> (say runMain()), and have main() call"
                        + " EventLoop.run(new Baton_Launcher().runMain())",
                "await(new Baton_Launcher() {}.run());");
    }

    /**
     * The commonest await outside a coroutine: in {@code main} of a class that has no coroutine
     * method yet. The fix also says that Baton_App only comes with the @Async method, and what
     * App needs to be a template.
     */
    @Test
    void awaitInTheStaticMainOfAClassThatIsNoTemplate() {
        assertError(withImports("App", APP),
                "[BatonAwaitOutsideCoroutine] await outside a coroutine: it stands in App.main(), which is not"
                        + " annotated, so Baton does not compile it and the await would throw at run time; a static"
                        + " method cannot be a coroutine: move the awaiting code into an instance method of App"
                        + " annotated with @Async that returns Coroutine<T> (say run()), and have main() call"
                        + " EventLoop.run(new Baton_App().run()) (Baton then generates Baton_App; declare App"
                        + " abstract)", "await(sleep(0));", ANY_TEMPLATE);
    }

    private static final JavaFileObject ANY_TEMPLATE = template("Any",
            "  @Async Coroutine<Void> main() { return done(); }");

    private static final String[] APP = {
        "public class App {",
        "  public static String seen;",
        "  public static void main(String[] args) {",
        "    await(sleep(0));",
        "    seen = \"slept\";",
        "  }",
        "}"};

    /** The static method's suggestion: the name it proposes, and the statement its method should hold. */
    private record StaticFix(String method, String statement) {
        static StaticFix of(String message) {
            Matcher m = Pattern.compile("\\(say (\\w+)\\(\\)\\), and have \\w+\\(\\) call"
                    + " (EventLoop\\.run\\(new \\w+\\(\\)\\.\\w+\\(\\)\\))")
                    .matcher(message);
            assertThat(m.find()).isTrue();
            return new StaticFix(m.group(1), m.group(2) + ";");
        }
    }

    private static String onlyError(Compilation c) {
        assertThat(c.errors()).hasSize(1);
        return c.errors().get(0).getMessage(Locale.ROOT);
    }

    /** Followed literally, the suggestion for main() compiles without a diagnostic, and main() runs the awaits. */
    @Test
    void followingTheSuggestionForAStaticMainCompilesCleanAndRuns() throws Exception {
        StaticFix fix = StaticFix.of(onlyError(compile(withImports("App", APP), ANY_TEMPLATE)));
        assertThat(fix.statement()).isEqualTo("EventLoop.run(new Baton_App().run());");
        Templates.Loaded fixed = Templates.compileClean(withImports("App",
                "public abstract class App {", // "declare App abstract"
                "  public static String seen;",
                "  @Async Coroutine<Void> " + fix.method() + "() {",
                "    await(sleep(0));",
                "    seen = \"slept\";",
                "    return done();",
                "  }",
                "  public static void main(String[] args) {",
                "    " + fix.statement(),
                "  }",
                "}"));
        assertThat(runMain(fixed, "t.App")).isEqualTo("slept");
    }

    /**
     * A final class whose only constructor is private cannot be a template: the suggestion says
     * so, and picks a name that the class (a Runnable, here) does not have yet; followed, it
     * compiles clean and runs.
     */
    @Test
    void theSuggestionForAStaticMainSaysWhatTheClassLacksToBeATemplate() throws Exception {
        Compilation c = assertError(withImports("Job",
                        "public final class Job implements Runnable {",
                        "  public static String seen;",
                        "  private Job() {}",
                        "  @Override public void run() {}",
                        "  public static void main(String[] args) {",
                        "    seen = await(gather(sleep(0), sleep(0))).size() + \" slept\";",
                        "  }",
                        "}"),
                "a static method cannot be a coroutine: move the awaiting code into an instance method of Job"
                        + " annotated with @Async that returns Coroutine<T> (say runMain()), and have main() call"
                        + " EventLoop.run(new Baton_Job().runMain()) (Baton then generates Baton_Job; declare Job"
                        + " abstract instead of final, give Job a constructor that is not private)",
                "seen = await(", ANY_TEMPLATE);
        StaticFix fix = StaticFix.of(onlyError(c));
        Templates.Loaded fixed = Templates.compileClean(withImports("Job",
                "public abstract class Job implements Runnable {", // "declare Job abstract instead of final"
                "  public static String seen;",
                "  Job() {}", // "give Job a constructor that is not private"
                "  @Override public void run() {}",
                "  @Async Coroutine<Void> " + fix.method() + "() {",
                "    seen = await(gather(sleep(0), sleep(0))).size() + \" slept\";",
                "    return done();",
                "  }",
                "  public static void main(String[] args) {",
                "    " + fix.statement(),
                "  }",
                "}"));
        assertThat(runMain(fixed, "t.Job")).isEqualTo("2 slept");
    }

    @Test
    void awaitInAStaticMainOfAnInterfaceNamesAClassToMoveItTo() {
        assertError(withImports("Tool",
                        "public interface Tool {",
                        "  static void main(String[] args) { await(sleep(0)); }",
                        "}"),
                "it stands in Tool.main(), which is not annotated, so Baton does not compile it and the await would"
                        + " throw at run time; coroutine methods belong to a top-level or static nested class (Tool"
                        + " is an interface): move the awaiting code into an instance method of such a class,"
                        + " annotated with @Async that returns Coroutine<T>, and have main() run it with"
                        + " EventLoop.run(...)", "static void main(String[] args)", ANY_TEMPLATE);
    }

    /** An abstract nested class with no coroutine method yet lacks nothing: its generated class's name is told. */
    @Test
    void awaitInTheStaticMainOfAnAbstractNestedClassThatIsNoTemplate() {
        assertError(withImports("Outer",
                        "public class Outer {",
                        "  abstract static class Main {",
                        "    public static void main(String[] args) { await(sleep(0)); }",
                        "  }",
                        "}"),
                "; a static method cannot be a coroutine: move the awaiting code into an instance method of Main"
                        + " annotated with @Async that returns Coroutine<T> (say run()), and have main() call"
                        + " EventLoop.run(new Baton_Outer_Main().run()) (Baton then generates Baton_Outer_Main)",
                "public static void main(String[] args)", ANY_TEMPLATE);
    }

    /** An enum, and an anonymous class, cannot be templates: the fix moves the code into a class that can. */
    @Test
    void awaitWhereNoTemplateCanBeIsMovedIntoAClass() {
        Compilation c = compile(withImports("Mode",
                        "public enum Mode {",
                        "  ON;",
                        "  public static void main(String[] args) { await(sleep(0)); }",
                        "  static Runnable later() {",
                        "    return new Runnable() { public void run() { await(sleep(0)); } };",
                        "  }",
                        "}"), ANY_TEMPLATE);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("it stands in Mode.main(), which is not annotated, so Baton does not compile"
                + " it and the await would throw at run time; coroutine methods belong to a top-level or static nested"
                + " class (Mode is an enum): move the awaiting code into an instance method of such a class, annotated"
                + " with @Async that returns Coroutine<T>, and have main() run it with EventLoop.run(...)")
                .inFile(c.sourceFiles().get(0)).onLineContaining("public static void main");
        assertThat(c).hadErrorContaining("it stands in run() of an anonymous class, which is not annotated, so Baton"
                + " does not compile it and the await would throw at run time; coroutine methods belong to a top-level"
                + " or static nested class (this one is anonymous): move the awaiting code into an instance method of"
                + " such a class, annotated with @Async that returns Coroutine<T>")
                .inFile(c.sourceFiles().get(0)).onLineContaining("public void run()");
        assertThat(c).hadErrorCount(2);
    }

    /** Runs {@code main(new String[0])} of {@code className} and returns its static field {@code seen}. */
    private static Object runMain(Templates.Loaded loaded, String className) throws Exception {
        Class<?> app = loaded.loader.loadClass(className);
        app.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        return app.getField("seen").get(null);
    }

    @Test
    void awaitInAConstructor() {
        assertError(template("Ctor",
                        "  Ctor() {",
                        "    await(sleep(1));",
                        "  }",
                        "  @Async Coroutine<Void> main() { return done(); }"),
                "[BatonAwaitOutsideCoroutine] await outside a coroutine: it stands in a constructor of Ctor, which"
                        + " Baton does not compile, so it would throw at run time; constructors cannot be coroutines",
                "await(sleep(1));");
    }

    @Test
    void awaitInAFieldInitializer() {
        assertError(template("Init",
                        "  final Object value = await(sleep(1));",
                        "  @Async Coroutine<Void> main() { return done(); }"),
                "[BatonAwaitOutsideCoroutine] await outside a coroutine: it stands in an initializer of Init",
                "final Object value = await(sleep(1));");
    }

    @Test
    void awaitInALambdaOfAMethodWithoutAnnotation() {
        assertError(template("LambdaOut",
                        "  @Async Coroutine<Void> main() { return done(); }",
                        "  Runnable later() {",
                        "    return () -> await(sleep(1));",
                        "  }"),
                "[BatonAwaitOutsideCoroutine] await outside a coroutine: it stands in a lambda in LambdaOut.later(),"
                        + " which is not annotated, so Baton does not compile it and the await would throw at run"
                        + " time; a lambda is never compiled into a state machine", "return () -> await(sleep(1));");
    }

    @Test
    void awaitInAClassThatIsNoTemplate() {
        JavaFileObject plain = withImports("Plain",
                "class Plain {",
                "  void go() { await(sleep(1)); }",
                "}");
        Compilation c = assertError(plain, "[BatonAwaitOutsideCoroutine] await outside a coroutine: it stands in"
                        + " Plain.go()", "void go() { await(sleep(1)); }", ANY_TEMPLATE);
        // Plain can be a template as it is: the fix says nothing more, and followed, it compiles clean
        assertThat(onlyError(c)).endsWith("; annotate go() with @Async (or @Guarded, @AwaitsEvent, @Consumes) and"
                + " make it return Coroutine<T>");
        Templates.compileClean(withImports("Plain",
                "class Plain {",
                "  @Async Coroutine<Void> go() { await(sleep(1)); return done(); }",
                "}"));
    }

    /** A final class without a usable constructor, and a private method: the fix names all three. */
    @Test
    void awaitInAFinalClassThatIsNoTemplateSaysWhatElseToChange() {
        JavaFileObject shut = withImports("Shut",
                "final class Shut {",
                "  private Shut(int x) {}",
                "  private void go() { await(sleep(1)); }",
                "}");
        Compilation c = assertError(shut, "[BatonAwaitOutsideCoroutine] await outside a coroutine: it stands in"
                        + " Shut.go()", "private void go()", ANY_TEMPLATE);
        assertThat(onlyError(c)).endsWith("; annotate go() with @Async (or @Guarded, @AwaitsEvent, @Consumes), drop"
                + " 'private', and make it return Coroutine<T> (Baton then generates Baton_Shut as a subclass of Shut:"
                + " remove 'final' from Shut, give Shut a constructor that is not private)");
        Templates.compileClean(withImports("Shut",
                "class Shut {",
                "  Shut(int x) {}",
                "  @Async Coroutine<Void> go() { await(sleep(1)); return done(); }",
                "}"));
    }

    @Test
    void methodsNamedAwaitThatAreNotBatonsAreFine() {
        Templates.compileClean(template("OwnAwait",
                "  static int await(int x) { return x; }",
                "  int twice(int x) { return 2 * await(x); }",
                "  @Async Coroutine<Void> main() { return done(); }"));
    }

    // ---- coroutine methods of local classes ----

    @Test
    void coroutineMethodOfALocalClass() {
        assertError(template("HasLocal",
                        "  @Async Coroutine<Void> main() { return done(); }",
                        "  Object make() {",
                        "    abstract class Local {",
                        "      @Async Coroutine<Void> run() { return done(); }",
                        "    }",
                        "    return Local.class;",
                        "  }"),
                "[BatonTemplateClass] coroutine method run() is declared in a local or anonymous class, which Baton"
                        + " cannot subclass (and javac does not show it to annotation processors); move it into a"
                        + " top-level or static nested class", "@Async Coroutine<Void> run()");
    }

    @Test
    void coroutineMethodOfAnAnonymousClass() {
        assertError(template("HasAnon",
                        "  @Async Coroutine<Void> main() { return done(); }",
                        "  final Object anon = new Object() {",
                        "    @Async Coroutine<Void> run() { return done(); }",
                        "  };"),
                "[BatonTemplateClass] coroutine method run() is declared in a local or anonymous class",
                "@Async Coroutine<Void> run()");
    }

    // ---- direct instantiation ----

    @Test
    void newOfATemplateWarns() {
        JavaFileObject f = withImports("Direct",
                "public class Direct {",
                "  @Async Coroutine<Void> main() { return done(); }",
                "  static Object wrong() { return new Direct(); }",
                "  static Object right() { return new Baton_Direct(); }",
                "}");
        Compilation c = compile(f);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[BatonDirectInstantiation] 'new Direct(...)' instantiates the template"
                + " Direct itself, whose coroutine methods run untransformed (no guards, and the first await throws);"
                + " use the generated class instead: 'new Baton_Direct(...)'").inFile(f)
                .onLineContaining("return new Direct();");
        assertThat(c).hadWarningCount(1);
    }

    @Test
    void newOfATemplateInAnotherFileAndAnAnonymousSubclassWarn() {
        JavaFileObject f = template("Tpl", "  @Async Coroutine<Void> main() { return done(); }");
        JavaFileObject user = source("User", "package t;",
                "class User {",
                "  Object a = new Tpl() {};",
                "  Object b = new t.Tpl() { };",
                "}");
        Compilation c = compile(f, user);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[BatonDirectInstantiation] 'new Tpl(...) {...}' subclasses the template"
                + " Tpl itself").inFile(user).onLineContaining("Object a = new Tpl() {};");
        // an empty body only made the abstract template instantiable: Baton_Tpl is
        assertThat(c).hadWarningContaining("use the generated class instead: 'new Baton_Tpl(...)'").inFile(user)
                .onLineContaining("Object b = new t.Tpl() { };");
    }

    /**
     * The suggestion for an anonymous class that overrides something compiles without another
     * diagnostic: in another file, subclass Baton_X there; in the template's own file, where
     * that is [BatonGeneratedSubclass], subclass it in a file of its own.
     */
    @Test
    void anAnonymousSubclassIsToldWhereToSubclassTheGeneratedClass() {
        JavaFileObject f = template("Tpl",
                "  String name() { return \"tpl\"; }",
                "  @Async Coroutine<String> main() { return done(name()); }",
                "  static Object own() { return new Tpl() { @Override String name() { return \"own\"; } }; }");
        JavaFileObject user = source("User", "package t;",
                "class User {",
                "  Object a = new Tpl() { @Override String name() { return \"a\"; } };",
                "}");
        JavaFileObject fixed = source("Fixed", "package t;",
                "class Fixed {",
                "  Object fixed = new Baton_Tpl() { @Override String name() { return \"fixed\"; } };",
                "}");
        Compilation c = compile(f, user, fixed);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[BatonDirectInstantiation] 'new Tpl(...) {...}' subclasses the template"
                + " Tpl itself, whose coroutine methods run untransformed (no guards, and the first await throws);"
                + " subclass the generated class instead, in a file of its own (javac checks this file, which"
                + " Baton_Tpl is generated from, before Baton_Tpl exists): 'new Baton_Tpl(...) {...}'").inFile(f)
                .onLineContaining("static Object own()");
        assertThat(c).hadWarningContaining("[BatonDirectInstantiation] 'new Tpl(...) {...}' subclasses the template"
                + " Tpl itself, whose coroutine methods run untransformed (no guards, and the first await throws);"
                + " subclass the generated class instead: 'new Baton_Tpl(...) {...}'").inFile(user)
                .onLineContaining("Object a = new Tpl()");
        // the suggestion followed, in another file: no diagnostic at all
        assertThat(c).hadWarningCount(2);
    }

    @Test
    void newOfANestedTemplateNamesItsGeneratedClass() {
        JavaFileObject f = withImports("Nest",
                "public class Nest {",
                "  public static class Inner {",
                "    @Async Coroutine<Void> main() { return done(); }",
                "  }",
                "  Object make() { return new Nest.Inner(); }",
                "}");
        Compilation c = compile(f);
        assertThat(c).hadWarningContaining("use the generated class instead: 'new Baton_Nest_Inner(...)'").inFile(f)
                .onLineContaining("return new Nest.Inner();");
    }

    // ---- run time: the untransformed method ----

    @Test
    void untransformedMethodFailsAtItsFirstAwaitNamingTheMethodAndTheGeneratedClass() throws Exception {
        Compilation c = compile(withImports("Outer",
                "public class Outer {",
                "  public static class Inner {",
                "    public @Async Coroutine<Void> work() {",
                "      await(sleep(0));",
                "      return done();",
                "    }",
                "  }",
                "}"));
        assertThat(c).succeeded();
        Templates.Loaded t = new Templates.Loaded(c);
        Object template = t.loader.loadClass("t.Outer$Inner").getDeclaredConstructor().newInstance();
        InvocationTargetException thrown = org.junit.jupiter.api.Assertions.assertThrows(
                InvocationTargetException.class, () -> template.getClass().getMethod("work").invoke(template));
        assertThat(thrown.getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(thrown.getCause()).hasMessageThat().contains("await() ran untransformed in t.Outer$Inner.work()");
        assertThat(thrown.getCause()).hasMessageThat().contains("Baton_Outer_Inner");
    }
}
