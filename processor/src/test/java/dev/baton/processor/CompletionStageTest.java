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

    @Test
    void aTimeoutAroundACoroutineAwaitingAFutureCancelsTheFuture() {
        Templates.Loaded t = compileClean(template("Requests",
                "  @Async",
                "  Coroutine<String> fetch(java.util.concurrent.CompletableFuture<String> response) {",
                "    return done(await(response));",
                "  }",
                "",
                "  @Async",
                "  Coroutine<String> main() {",
                "    java.util.concurrent.CompletableFuture<String> response = new java.util.concurrent.CompletableFuture<>();",
                "    try {",
                "      await(waitFor(fetch(response), 0.5));",
                "    } catch (dev.baton.runtime.TimeoutException e) {",
                "      System.out.println(\"timed out; request cancelled: \" + response.isCancelled());",
                "    }",
                "    java.util.concurrent.CompletableFuture<String> other = new java.util.concurrent.CompletableFuture<>();",
                "    dev.baton.runtime.Task<String> task = spawn(fetch(other));",
                "    await(sleep(0.1));",
                "    task.cancel();",
                "    try {",
                "      await(task);",
                "    } catch (dev.baton.runtime.CancelledException e) {",
                "      System.out.println(\"task cancelled; request cancelled: \" + other.isCancelled());",
                "    }",
                "    return done(\"ok\");",
                "  }"));
        Templates.Run run = t.run("Requests", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly(
                "timed out; request cancelled: true", "task cancelled; request cancelled: true").inOrder();
    }
}
