package dev.baton.runtime.internal;

import dev.baton.runtime.Awaitable;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Promise;
import dev.baton.runtime.Task;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Awaits a {@link CompletionStage} from another thread, as asyncio's {@code wrap_future}
 * awaits a {@code concurrent.futures.Future}: the task waits on a promise of the loop, the
 * stage's outcome is handed to the loop with {@link EventLoop#callSoonThreadsafe(Runnable)},
 * and the task resumes on the loop thread.
 *
 * <p>Cancelling the awaiting task (by {@link Task#cancel()}, or by a timeout around the
 * await) cancels the promise, and that cancels the stage: {@link Future#cancel(boolean)} when
 * the stage is a {@link Future} (a {@code CompletableFuture}), else the future
 * {@link CompletionStage#toCompletableFuture()} gives, where it gives one (a stage that
 * refuses, as a minimal stage does, runs its course). Like asyncio's, this
 * happens in a loop callback, just before the task resumes with the cancellation; a running
 * computation is not interrupted ({@code cancel(false)}), as a {@code concurrent.futures}
 * future's cancel does not.
 *
 * <p>A stage that completes after its loop closed cannot resume anyone: when a task was
 * still waiting for it, or it failed (other than by the cancellation above), it is reported
 * on the {@link System.Logger} named {@code dev.baton}, as a warning naming the task, rather
 * than dropped without a word as asyncio does.
 */
public final class StageAwaitable<T> implements Awaitable<T> {
    /** Where what no loop can report goes. */
    static final System.Logger LOG = System.getLogger("dev.baton");

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
        Waiter<T> waiter = new Waiter<>(stage, machine.task());
        LoopAccess.foreignInFlight(waiter.loop(), 1);
        waiter.number = LoopDriver.foreignNumber(waiter.loop());
        stage.whenComplete(waiter);
        return waiter.awaitFrom(machine);
    }

    /**
     * The promise the task waits on (asyncio's destination future in {@code _chain_future}):
     * it receives the stage's outcome on the loop thread and passes its cancellation on to
     * the stage.
     */
    private static final class Waiter<T> extends Promise<T> implements BiConsumer<T, Throwable> {
        private final CompletionStage<T> stage;
        private final Task<?> task;
        /** This foreign future's number, for the test kit's perturbation ({@link LoopDriver}). */
        long number;

        Waiter(CompletionStage<T> stage, Task<?> task) {
            super(); // the running loop: the awaiting task's
            this.stage = stage;
            this.task = task;
        }

        /** The stage completed, on whatever thread completed it. */
        @Override
        public void accept(T value, Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            try {
                loop().callSoonThreadsafe(() -> settle(value, cause));
            } catch (IllegalStateException closed) {
                reportLate(value, cause);
            }
        }

        /** On the loop thread: the stage's outcome reaches the loop. */
        private void settle(T value, Throwable failure) {
            LoopAccess.foreignInFlight(loop(), -1);
            double delay = LoopDriver.foreignDelay(loop(), number);
            if (delay > 0) {
                // the test kit's exploration: the outcome arrives later, as over a network
                loop().callLater(delay, () -> deliver(value, failure));
            } else {
                deliver(value, failure);
            }
        }

        /** The stage's outcome becomes the promise's. */
        private void deliver(T value, Throwable failure) {
            if (isDone()) {
                return; // the awaiting task was cancelled meanwhile
            }
            if (failure == null) {
                setResult(value);
            } else {
                setException(failure);
            }
        }

        /** Cancelling the promise cancels the stage, in a callback ahead of the task's wake-up. */
        @Override
        public boolean cancel(String msg) {
            if (!isDone()) {
                loop().callSoon(this::cancelStage);
            }
            return super.cancel(msg);
        }

        /** asyncio's {@code _call_check_cancel}: {@code source.cancel()}. */
        private void cancelStage() {
            try {
                if (stage instanceof Future) {
                    ((Future<?>) stage).cancel(false);
                } else {
                    stage.toCompletableFuture().cancel(false);
                }
            } catch (UnsupportedOperationException noCancel) {
                // a stage that cannot be cancelled (a minimal stage): it runs its course
            }
        }

        /** The loop closed before the stage completed: report what is lost, on the completing thread. */
        private void reportLate(T value, Throwable failure) {
            boolean waited = !isDone();
            if (!waited && (failure == null || failure instanceof CancellationException)) {
                return; // its task stopped waiting (it was cancelled, and so was the stage): nothing is lost
            }
            String who = task == null ? "a task" : "task " + task.name();
            String what = failure == null ? "its result " + value + " was dropped"
                    : "its exception was dropped";
            String message = "A CompletionStage awaited by " + who + " completed after the task's event loop closed"
                    + (waited ? " (the task never resumes)" : "") + ": " + what;
            if (failure == null) {
                LOG.log(System.Logger.Level.WARNING, message);
            } else {
                LOG.log(System.Logger.Level.WARNING, message, failure);
            }
        }
    }
}
