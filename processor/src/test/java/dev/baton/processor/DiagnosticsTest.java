package dev.baton.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Templates.compile;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compile errors of the lowering (await positions it does not support). The validators' own
 * diagnostics are tested in {@link TemplateValidatorTest}, {@link BodyValidatorTest} and
 * {@link UnitScannerTest}.
 */
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
    void varOfAnIntersectionTypeAcrossAnAwait() {
        JavaFileObject f = template("Inter",
                "  @Async Coroutine<Integer> main(boolean flag) {",
                "    var mixed = flag ? Integer.valueOf(1) : \"one\";",
                "    await(sleep(0));",
                "    return done(mixed.hashCode());",
                "  }");
        assertError(f, "[BatonVarType] local 'mixed' lives across an await, so it becomes a field of the state"
                + " machine, but its type", "var mixed = flag");
    }

    @Test
    void patternVariableOfALocalClassTypeAcrossAnAwait() {
        // a pattern variable crossing an await becomes a field (see PatternTest); a field cannot
        // name a class declared in the body
        JavaFileObject f = template("PatternLocal",
                "  @Async Coroutine<Integer> main(Object o) {",
                "    class Local { int n = 3; }",
                "    Object x = o == null ? new Local() : o;",
                "    if (x instanceof Local l) {",
                "      await(sleep(0));",
                "      return done(l.n);",
                "    }",
                "    return done(0);",
                "  }");
        assertError(f, "[BatonVarType] pattern variable 'l' lives across an await, so it becomes a field of the"
                + " state machine, but its type mentions the local class Local", "if (x instanceof Local l)");
    }

    @Test
    void patternVariableCopiedBeforeTheAwaitWorks() {
        Templates.Loaded t = Templates.compileClean(template("PatternCopy",
                "  @Async Coroutine<Integer> main() {",
                "    Object o = \"four\";",
                "    if (o instanceof String s) {",
                "      String copy = s;",
                "      await(sleep(0));",
                "      return done(copy.length());",
                "    }",
                "    return done(0);",
                "  }"));
        org.junit.jupiter.api.Assertions.assertEquals(4, t.run("PatternCopy", "main").result());
    }

    @Test
    void templateUsingAnotherTemplatesGeneratedClassWaitsForIt() {
        JavaFileObject a = template("UsesB",
                "  @Async Coroutine<Integer> main() {",
                "    Baton_ProvidesB b = new Baton_ProvidesB();",
                "    await(sleep(0));",
                "    return done(await(b.three()));",
                "  }");
        JavaFileObject b = template("ProvidesB",
                "  @Async Coroutine<Integer> three() { await(sleep(0)); return done(3); }");
        Templates.Loaded t = Templates.compileClean(a, b);
        org.junit.jupiter.api.Assertions.assertEquals(3, t.run("UsesB", "main").result());
    }

    @Test
    void errorsJavacReportsAreNotRepeatedNorCrashTheProcessor() {
        JavaFileObject f = template("Broken",
                "  final Lokc lock = null;",
                "  @Guarded(\"lock\") Coroutine<Void> a() { return done(); }",
                "  @Async Corutine<Void> b() { return done(); }",
                "  @Async Coroutine<Void> c() {",
                "    await(sleep(0));",
                "    undefined();",
                "    return done();",
                "  }");
        Compilation c = compile(f);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("cannot find symbol").inFile(f).onLineContaining("final Lokc lock");
        for (javax.tools.Diagnostic<? extends JavaFileObject> d : c.errors()) {
            org.junit.jupiter.api.Assertions.assertFalse(d.getMessage(null).contains("[Baton"), d.toString());
        }
    }
}
