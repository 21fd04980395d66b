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
}
