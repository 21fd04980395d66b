package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link EventLoop#dumpTasks()} and {@link EventLoop#dumpTasksThreadsafe()}. */
@Timeout(10)
class TaskDumpTest {

    @Test
    void aTaskAwaitingATaskStandsAboveIt() {
        Lock lock = new Lock();
        String[] dump = new String[1];
        EventLoop.runVirtual(script(
                r -> lock.acquire(),
                r -> {
                    Task<?> inner = spawn(script(x -> lock.acquire()), "inner");
                    Task<?> outer = spawn(script(x -> inner), "outer");
                    spawn(script(x -> sleep(5)), "sleeper");
                    return sleep(1);
                },
                r -> {
                    dump[0] = EventLoop.current().dumpTasks();
                    lock.release();
                    return sleep(10);
                }));
        String[] lines = dump[0].split("\n");
        assertEquals("4 pending tasks:", lines[0]);
        assertEquals("├── Task 'Task-1' running", lines[1]);
        assertEquals("├── Task 'outer' waiting on Task 'inner'", lines[2]);
        assertEquals("│   in " + lines[3].substring(7), lines[3]);
        assertEquals("│   └── Task 'inner' waiting on acquire() of Lock[locked, waiters=1]", lines[4]);
        assertEquals("└── Task 'sleeper' waiting on Promise[pending]", lines[6]);
    }

    @Test
    void aLoopWithoutTasks() {
        EventLoop loop = EventLoop.virtual();
        assertEquals("0 pending tasks.\n", loop.dumpTasks());
        loop.close();
    }

    @Test
    void askedFromAnotherThreadWhileTheLoopRuns() throws Exception {
        EventLoop loop = EventLoop.virtual();
        CompletableFuture<String> fromOutside = new CompletableFuture<>();
        CompletableFuture<String> released = new CompletableFuture<>();
        Thread asker = new Thread(() -> {
            try {
                fromOutside.complete(loop.dumpTasksThreadsafe().get(5, TimeUnit.SECONDS));
            } catch (Exception e) {
                fromOutside.completeExceptionally(e);
            }
            released.complete("done");
        });
        String result = loop.runUntilComplete(script(r -> {
            asker.start();
            return dev.baton.runtime.internal.StateMachine.$awaitable(released);
        }));
        assertEquals("done", result);
        assertEquals("1 pending task:\n└── Task 'Task-1' waiting on Promise[pending]\n",
                fromOutside.get().replaceAll("\n    in .*", ""));
        loop.close();
    }

    @Test
    void fromAnotherThreadDumpTasksItselfRefuses() throws Exception {
        EventLoop loop = EventLoop.virtual();
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        CompletableFuture<String> released = new CompletableFuture<>();
        loop.runUntilComplete(script(r -> {
            new Thread(() -> {
                refused.complete(assertThrows(IllegalStateException.class, loop::dumpTasks));
                released.complete("done");
            }).start();
            return dev.baton.runtime.internal.StateMachine.$awaitable(released);
        }));
        assertEquals(IllegalStateException.class, refused.get().getClass());
        loop.close();
    }

    @Test
    void aLoopThatDoesNotRunIsDumpedAtOnce() {
        EventLoop loop = EventLoop.virtual();
        Task<?> idle = loop.createTask(script(r -> sleep(1)), "idle");
        assertEquals("1 pending task:\n└── Task 'idle' not started\n", loop.dumpTasksThreadsafe().join()
                .replaceAll("\n    in .*", ""));
        idle.cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(idle));
        loop.close();
    }
}
