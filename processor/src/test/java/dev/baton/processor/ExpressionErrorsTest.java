package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Templates.compile;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Where an await still cannot stand inside an expression, or what it needs cannot be written
 * in generated code: a compile error on the line, saying why and what to write instead.
 */
class ExpressionErrorsTest {

    private static Compilation assertError(JavaFileObject file, String message, String line) {
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(file).onLineContaining(line);
        return c;
    }

    @Test
    void operandWhoseTypeIsAnIntersection() {
        JavaFileObject f = template("Inter",
                "  static boolean flag() { return true; }",
                "  @Async Coroutine<Boolean> main() {",
                "    boolean added = (flag() ? new ArrayList<String>() : new java.util.LinkedList<String>())",
                "        .add(await(done(\"x\")));",
                "    return done(added);",
                "  }");
        assertError(f, "[BatonVarType] the value of '(flag() ? new ArrayList<String>() : new java.util.LinkedList"
                + "<String>())' must be kept while an await to its right runs, but its type", "boolean added =");
        assertThat(compile(f)).hadErrorContaining("assign it to a local of an explicit type first");
    }

    @Test
    void receiverOfAnAnonymousClass() {
        JavaFileObject f = template("Anon",
                "  @Async Coroutine<Integer> main() {",
                "    int twice = new Object() { int twice(int a) { return 2 * a; } }.twice(await(done(2)));",
                "    return done(twice);",
                "  }");
        assertError(f, "[BatonVarType] the value of 'new Object()", "int twice = new Object()");
    }

    @Test
    void awaitInALambdaArgument() {
        JavaFileObject f = template("LambdaArg",
                "  static void run(Runnable r) { r.run(); }",
                "  @Async Coroutine<Void> main() {",
                "    run(() -> await(sleep(0)));",
                "    return done();",
                "  }");
        assertError(f, "[BatonAwaitInLambda] await cannot stand inside a lambda", "run(() -> await(sleep(0)));");
    }

    @Test
    void awaitInAnAnonymousClassArgument() {
        JavaFileObject f = template("AnonArg",
                "  static void run(Runnable r) { r.run(); }",
                "  @Async Coroutine<Void> main() {",
                "    run(new Runnable() { public void run() { await(sleep(0)); } });",
                "    return done();",
                "  }");
        assertError(f, "[BatonAwaitInLambda] await cannot stand inside a local or anonymous class",
                "run(new Runnable()");
    }

    @Test
    void awaitInASwitchExpressionInsideALambda() {
        JavaFileObject f = template("SwitchLambda",
                "  @Async Coroutine<Void> main() {",
                "    java.util.function.IntSupplier s = () -> switch (1) { default -> await(done(1)); };",
                "    return done();",
                "  }");
        assertError(f, "[BatonAwaitInLambda]", "default -> await(done(1))");
    }

    @Test
    void awaitInTheBlockOfASynchronizedWhoseMonitorAwaits() {
        JavaFileObject f = template("SyncBoth",
                "  @Async Coroutine<Void> main() {",
                "    synchronized (await(done(\"m\"))) {",
                "      await(sleep(0));",
                "    }",
                "    return done();",
                "  }");
        assertError(f, "[BatonAwaitInSynchronized]", "await(sleep(0));");
    }

    @Test
    void everyRefusedExpressionOfAClassIsReported() {
        JavaFileObject f = template("Several",
                "  static boolean flag() { return true; }",
                "  @Async Coroutine<Integer> a() {",
                "    assert await(done(true));",
                "    return done(1);",
                "  }",
                "  @Async Coroutine<Integer> b() {",
                "    int n = new Object() { int one(int x) { return x; } }.one(await(done(1)));",
                "    return done(n);",
                "  }");
        Compilation c = compile(f);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[BatonAwaitPosition] await cannot stand in an assert statement").inFile(f)
                .onLineContaining("assert await(done(true));");
        assertThat(c).hadErrorContaining("[BatonVarType]").inFile(f).onLineContaining("int n = new Object()");
    }
}
