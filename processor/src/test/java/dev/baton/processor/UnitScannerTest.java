package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Templates.assertError;
import static dev.baton.processor.Templates.compile;
import static dev.baton.processor.Templates.source;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
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
                        + " annotated, so Baton does not compile it and the await would throw at run time; coroutine"
                        + " methods are instance methods: make main() an instance method annotated with @Async that"
                        + " returns Coroutine<T>, and run it with EventLoop.run(new Baton_Launcher().main())",
                "await(new Baton_Launcher() {}.run());");
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
        assertError(plain, "[BatonAwaitOutsideCoroutine] await outside a coroutine: it stands in Plain.go()",
                "void go() { await(sleep(1)); }", template("Any", "  @Async Coroutine<Void> main() { return done(); }"));
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
