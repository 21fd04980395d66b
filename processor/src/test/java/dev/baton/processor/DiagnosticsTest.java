package dev.baton.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Templates.compile;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Compile errors: tagged, on the right line, all of a class reported in one build. */
class DiagnosticsTest {

    private static void assertError(JavaFileObject file, String message, String line) {
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(file).onLineContaining(line);
    }

    @Test
    void awaitInsideAnAssert() {
        JavaFileObject f = template("Expr",
                "  @Async Coroutine<Integer> one() { return done(1); }",
                "  @Async Coroutine<Integer> main() {",
                "    assert 1 + await(one()) > 0;",
                "    return done(1);",
                "  }");
        assertError(f, "[BatonAwaitPosition] await cannot stand in an assert statement", "assert 1 + await(one())");
    }

    @Test
    void awaitInsideALambda() {
        JavaFileObject f = template("InLambda",
                "  @Async Coroutine<Void> main() {",
                "    Runnable r = () -> await(sleep(1));",
                "    r.run();",
                "    return done();",
                "  }");
        assertError(f, "[BatonAwaitInLambda]", "Runnable r = () -> await(sleep(1));");
    }

    @Test
    void awaitInsideSynchronized() {
        JavaFileObject f = template("Sync",
                "  @Async Coroutine<Void> main() {",
                "    synchronized (this) {",
                "      await(sleep(1));",
                "    }",
                "    return done();",
                "  }");
        assertError(f, "[BatonAwaitInSynchronized]", "await(sleep(1));");
    }

    @Test
    void returnThatIsNotDone() {
        JavaFileObject f = template("Ret",
                "  @Async Coroutine<Void> other() { return done(); }",
                "  @Async Coroutine<Void> main() {",
                "    await(sleep(1));",
                "    return other();",
                "  }");
        assertError(f, "[BatonReturn]", "return other();");
    }

    @Test
    void unknownGuardNameSuggestsTheClosest() {
        JavaFileObject f = template("Unknown",
                "  final Lock lock = new Lock();",
                "  @Guarded(\"lok\") Coroutine<Void> main() { return done(); }");
        assertError(f, "no parameter or field 'lok' in Unknown.main(); did you mean 'lock'?", "@Guarded(\"lok\")");
    }

    @Test
    void guardOfTheWrongType() {
        JavaFileObject f = template("WrongType",
                "  final String lock = \"\";",
                "  @Guarded(\"lock\") Coroutine<Void> main() { return done(); }");
        assertError(f, "[BatonGuardType] @Guarded(\"lock\"): lock is a String, not a Guard", "@Guarded(\"lock\")");
    }

    @Test
    void privateFinalStaticAndWrongReturn() {
        JavaFileObject f = template("Bad",
                "  @Async private Coroutine<Void> a() { return done(); }",
                "  @Async final Coroutine<Void> b() { return done(); }",
                "  @Async static Coroutine<Void> c() { return done(); }",
                "  @Async String d() { return \"\"; }");
        Compilation c = compile(f);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[BatonMethodModifiers] coroutine method a() is private").inFile(f)
                .onLineContaining("private Coroutine<Void> a()");
        assertThat(c).hadErrorContaining("[BatonMethodModifiers] coroutine method b() is final").inFile(f)
                .onLineContaining("final Coroutine<Void> b()");
        assertThat(c).hadErrorContaining("[BatonMethodModifiers] coroutine method c() is static").inFile(f)
                .onLineContaining("static Coroutine<Void> c()");
        assertThat(c).hadErrorContaining("[BatonReturnType] coroutine method d() returns java.lang.String").inFile(f)
                .onLineContaining("String d()");
    }

    @Test
    void finalTemplateClassStillGetsAMinimalClass() {
        JavaFileObject f = Templates.source("Fin",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.Async;",
                "import dev.baton.runtime.Coroutine;",
                "public final class Fin {",
                "  @Async Coroutine<Void> main() { return done(); }",
                "  static Object make() { return new Baton_Fin(); }",
                "}");
        Compilation c = compile(f);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[BatonTemplateClass] class Fin is final").inFile(f)
                .onLineContaining("public final class Fin");
        assertThat(c).hadErrorCount(1);
    }

    @Test
    void privateMemberUsedInBody() {
        JavaFileObject f = template("Priv",
                "  private int secret = 1;",
                "  @Async Coroutine<Integer> main() {",
                "    await(sleep(0));",
                "    return done(secret);",
                "  }");
        assertError(f, "[BatonInaccessible] 'secret' is private", "return done(secret);");
    }
}
