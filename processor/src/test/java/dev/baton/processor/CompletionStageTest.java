package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import org.junit.jupiter.api.Test;

/** {@code await(CompletionStage)} in a template: completed on another thread, resumed on the loop's. */
class CompletionStageTest {

    @Test
    void awaitsAFutureCompletedByAnotherThread() {
        Templates.Loaded t = compileClean(template("Stages",
                "  @Async",
                "  Coroutine<String> main() throws Exception {",
                "    Thread loopThread = Thread.currentThread();",
                "    java.util.concurrent.CompletableFuture<String> f = new java.util.concurrent.CompletableFuture<>();",
                "    new Thread(() -> f.complete(\"from \" + (Thread.currentThread() != loopThread ? \"another\" : \"the same\") + \" thread\")).start();",
                "    String s = await(f);",
                "    System.out.println(s + \", resumed on the loop thread: \" + (Thread.currentThread() == loopThread));",
                "    java.util.concurrent.CompletableFuture<String> failed = new java.util.concurrent.CompletableFuture<>();",
                "    new Thread(() -> failed.completeExceptionally(new java.io.IOException(\"disk\"))).start();",
                "    try {",
                "      await(failed);",
                "    } catch (Exception e) {",
                "      System.out.println(\"caught \" + e.getClass().getSimpleName() + \" \" + e.getMessage());",
                "    }",
                "    return done(s.length() + \"\" + (\"x\" + await(java.util.concurrent.CompletableFuture.completedFuture(1))));",
                "  }"));
        Templates.Run run = t.run("Stages", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly(
                "from another thread, resumed on the loop thread: true", "caught IOException disk").inOrder();
        assertThat(run.result()).isEqualTo("19x1");
    }
}
