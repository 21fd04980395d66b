package dev.baton.runtime.internal;

import dev.baton.runtime.Awaitable;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Promise;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Awaits a {@link CompletionStage} from another thread: its outcome is handed to the loop
 * with {@link EventLoop#callSoonThreadsafe(Runnable)}, and the task resumes on the loop thread.
 */
public final class StageAwaitable<T> implements Awaitable<T> {
    private final CompletionStage<T> stage;

    private StageAwaitable(CompletionStage<T> stage) {
        this.stage = stage;
    }

    public static <T> StageAwaitable<T> of(CompletionStage<T> stage) {
        if (stage == null) {
            throw new NullPointerException("await(null): the CompletionStage is null");
        }
        return new StageAwaitable<>(stage);
    }

    @Override
    public Object awaitFrom(StateMachine<?> machine) {
        EventLoop loop = machine.task().loop();
        Promise<T> promise = loop.createPromise();
        LoopAccess.foreignInFlight(loop, 1);
        stage.whenComplete((value, failure) -> loop.callSoonThreadsafe(() -> {
            LoopAccess.foreignInFlight(loop, -1);
            if (promise.isDone()) {
                return; // the awaiting task was cancelled meanwhile
            }
            if (failure == null) {
                promise.setResult(value);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                promise.setException(cause);
            }
        }));
        return promise.awaitFrom(machine);
    }
}
