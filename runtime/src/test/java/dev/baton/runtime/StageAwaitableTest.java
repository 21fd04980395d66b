package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Baton.waitFor;
import static dev.baton.runtime.Machines.catching;
import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.runtime.internal.StageAwaitable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Awaiting a {@link CompletionStage} (what generated code does for {@code await(stage)}):
 * cancelling the awaiting task cancels the stage, as asyncio's {@code Task.cancel} cancels
 * the future a task waits on; a stage completing after its loop closed is reported.
 */
class StageAwaitableTest {
    private final List<String> out = new ArrayList<>();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger("dev.baton");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private boolean parentHandlers;

    @BeforeEach
    void captureTheLog() {
        parentHandlers = log.getUseParentHandlers();
        log.setUseParentHandlers(false);
        log.addHandler(capture);
    }

    @AfterEach
    void restoreTheLog() {
        log.removeHandler(capture);
        log.setUseParentHandlers(parentHandlers);
    }

    @Test
    void cancellingTheTaskCancelsTheFutureBeforeTheTaskResumes() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        EventLoop.runVirtual(catching(
                (v, f) -> {
                    Task<Object> t = spawn(catching(
                            (v2, f2) -> StageAwaitable.of(stage),
                            (v2, f2) -> {
                                out.add("task got " + f2.getClass().getSimpleName()
                                        + ", future cancelled: " + stage.isCancelled());
                                throw f2;
                            }));
                    out.add("spawned");
                    return script(r -> sleep(0), r -> {
                        out.add("cancel: " + t.cancel());
                        out.add("future cancelled at once: " + stage.isCancelled());
                        return t;
                    });
                },
                (v, f) -> {
                    out.add("awaiting the task: " + f.getClass().getSimpleName());
                    return null;
                }));
        assertEquals(List.of("spawned", "cancel: true", "future cancelled at once: false",
                "task got CancelledException, future cancelled: true",
                "awaiting the task: CancelledException"), out);
        assertTrue(stage.isCancelled());
        assertEquals(List.of(), logged, "the cancelled future's late completion is our own: nothing to report");
    }

    @Test
    void waitForsTimeoutAroundACoroutineAwaitingAFutureCancelsTheFuture() {
        CompletableFuture<String> request = new CompletableFuture<>();
        Throwable[] caught = new Throwable[1];
        EventLoop.runVirtual(catching(
                (v, f) -> waitFor(script(r -> StageAwaitable.of(request)), 0.5),
                (v, f) -> {
                    caught[0] = f;
                    out.add("future cancelled after the timeout: " + request.isCancelled());
                    return null;
                }));
        assertInstanceOf(TimeoutException.class, caught[0]);
        assertEquals(List.of("future cancelled after the timeout: true"), out);
    }

    @Test
    void aFutureCompletedBeforeTheCancellationIsNotCancelled() {
        CompletableFuture<String> stage = CompletableFuture.completedFuture("ready");
        assertEquals("ready", EventLoop.runVirtual(waitFor(script(r -> StageAwaitable.of(stage)), 0.5)));
        assertFalse(stage.isCancelled());
    }

    @Test
    void aStageThatIsNoFutureIsCancelledThroughToCompletableFuture() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> behind = new CompletableFuture<>();
        CompletionStage<String> stage = stage(source, () -> behind);
        EventLoop.runVirtual(catching(
                (v, f) -> waitFor(script(r -> StageAwaitable.of(stage)), 0.1),
                (v, f) -> {
                    out.add(f.getClass().getSimpleName());
                    return null;
                }));
        assertEquals(List.of("TimeoutException"), out);
        assertTrue(behind.isCancelled());
    }

    @Test
    void aStageWithNoFutureToCancelIsLeftAlone() {
        for (CompletionStage<String> stage : List.of(
                stage(new CompletableFuture<String>(), () -> {
                    throw new UnsupportedOperationException();
                }),
                new CompletableFuture<String>().minimalCompletionStage())) { // a Future whose cancel throws
            timesOutWithoutAnError(stage);
        }
    }

    private static void timesOutWithoutAnError(CompletionStage<String> stage) {
        EventLoop loop = EventLoop.virtual();
        List<ExceptionContext> errors = new ArrayList<>();
        loop.setExceptionHandler((l, c) -> errors.add(c));
        Throwable failure = null;
        try {
            loop.runUntilComplete(waitFor(script(r -> StageAwaitable.of(stage)), 0.1));
        } catch (TimeoutException e) {
            failure = e;
        }
        loop.close();
        assertInstanceOf(TimeoutException.class, failure);
        assertEquals(List.of(), errors);
    }

    @Test
    void aStageCompletingAfterItsLoopClosedWhileATaskWaitsIsReported() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        EventLoop loop = EventLoop.virtual();
        loop.runUntilComplete(script(r -> {
            spawn(script(x -> StageAwaitable.of(stage)));
            return sleep(0);
        }));
        loop.close(); // without cancelling the task left, as EventLoop.run would
        assertEquals(List.of(), logged);
        stage.complete("late");
        assertEquals(1, logged.size());
        LogRecord record = logged.get(0);
        assertEquals(Level.WARNING, record.getLevel());
        assertEquals("A CompletionStage awaited by task Task-2 completed after the task's event loop closed"
                + " (the task never resumes): its result late was dropped", record.getMessage());
        assertNull(record.getThrown());
    }

    @Test
    void aStageFailingAfterItsLoopClosedIsReportedWithItsException() throws Exception {
        CompletableFuture<String> stage = new CompletableFuture<>();
        EventLoop loop = EventLoop.virtual();
        loop.runUntilComplete(script(r -> {
            spawn(script(x -> StageAwaitable.of(stage)), "fetcher");
            return sleep(0);
        }));
        loop.close();
        IOException failure = new IOException("connection reset");
        Thread completer = new Thread(() -> stage.completeExceptionally(failure), "completer");
        completer.start();
        completer.join();
        assertEquals(1, logged.size());
        assertEquals("A CompletionStage awaited by task fetcher completed after the task's event loop closed"
                + " (the task never resumes): its exception was dropped", logged.get(0).getMessage());
        assertSame(failure, logged.get(0).getThrown());
    }

    @Test
    void aStageOfACancelledTaskCompletingAfterCloseIsNotReported() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        CompletionStage<String> uncancellable = stage.minimalCompletionStage();
        EventLoop.runVirtual(script(r -> {
            spawn(script(x -> StageAwaitable.of(uncancellable)));
            return sleep(0);
        })); // EventLoop.run cancels the task left: it stops waiting
        stage.complete("nobody waits");
        assertEquals(List.of(), logged);
    }

    /**
     * A CompletionStage that is no Future: its methods forward to {@code target}, except
     * {@code toCompletableFuture}, which {@code toFuture} answers.
     */
    @SuppressWarnings("unchecked")
    private static <T> CompletionStage<T> stage(CompletableFuture<T> target, Supplier<CompletableFuture<T>> toFuture) {
        return (CompletionStage<T>) Proxy.newProxyInstance(StageAwaitableTest.class.getClassLoader(),
                new Class<?>[] {CompletionStage.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toCompletableFuture")) {
                        return toFuture.get();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
