package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Templates.assertError;
import static dev.baton.processor.Templates.compile;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
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
}
