package dev.baton.runtime;

import static dev.baton.runtime.Baton.gather;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.runtime.internal.StateMachine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link DeadlockException}: thrown on the virtual clock when nothing can ever wake the
 * awaited task, its message the task dump; never while a timer, a foreign future or a
 * thread-safe callback may still wake the loop.
 */
@Timeout(10)
class DeadlockTest {

    @Test
    void twoTasksTakingTwoLocksInOppositeOrder() {
        Lock first = new Lock();
        Lock second = new Lock();
        DeadlockException e = assertThrows(DeadlockException.class, () -> EventLoop.runVirtual(script(
                r -> gather(
                        spawn(script(x -> first.acquire(), x -> sleep(0), x -> second.acquire()), "a"),
                        spawn(script(x -> second.acquire(), x -> sleep(0), x -> first.acquire()), "b")))));
        String dump = e.getMessage();
        assertTrue(dump.startsWith("deadlock: nothing can ever wake the awaited task 'Task-1'"), dump);
        assertTrue(dump.contains("3 pending tasks:\n"
                + "└── Task 'Task-1' waiting on Gather[pending, children=2, pending=2]\n"), dump);
        assertTrue(dump.contains("    ├── Task 'a' waiting on acquire() of Lock[locked, waiters=1]\n"), dump);
        assertTrue(dump.contains("    └── Task 'b' waiting on acquire() of Lock[locked, waiters=1]\n"), dump);
    }

    @Test
    void getFromAQueueNobodyPutsTo() {
        Queue<String> queue = new Queue<>();
        DeadlockException e = assertThrows(DeadlockException.class,
                () -> EventLoop.runVirtual(script(r -> spawn(script(x -> queue.get()), "consumer"))));
        assertTrue(e.getMessage().contains("Task 'consumer' waiting on get() of Queue["), e.getMessage());
        assertTrue(e.getMessage().contains("└── Task 'Task-1' waiting on Task 'consumer'\n"
                + "    in "), e.getMessage());
    }

    @Test
    void eventNobodySets() {
        Event event = new Event();
        DeadlockException e = assertThrows(DeadlockException.class,
                () -> EventLoop.runVirtual(script(r -> event.waitSet())));
        assertTrue(e.getMessage().contains("1 pending task:\n└── Task 'Task-1' waiting on wait() of Event[unset"),
                e.getMessage());
    }

    @Test
    void barrierShortOfAParty() {
        Barrier barrier = new Barrier(3);
        DeadlockException e = assertThrows(DeadlockException.class, () -> EventLoop.runVirtual(script(
                r -> gather(spawn(script(x -> barrier.arriveAndWait()), "p1"), spawn(script(x -> barrier.arriveAndWait()), "p2")))));
        assertTrue(e.getMessage().contains("Task 'p1' waiting on "), e.getMessage());
        assertTrue(e.getMessage().contains("Task 'p2' waiting on "), e.getMessage());
        assertTrue(e.getMessage().contains("    │   in arriveAndWait() of Barrier[filling, waiters=2/3]\n"), e.getMessage());
    }

    @Test
    void theBlockedTasksAreCancelledAndTheLoopClosedAfterward() {
        Lock lock = new Lock();
        EventLoop loop = EventLoop.virtual();
        Task<?>[] blocked = new Task<?>[1];
        assertThrows(DeadlockException.class, () -> loop.runUntilComplete(script(
                r -> lock.acquire(), r -> (blocked[0] = spawn(script(x -> lock.acquire()), "w")))));
        // runUntilComplete leaves the loop as it was: the tasks can still be looked at, then cancelled
        assertTrue(loop.dumpTasks().contains("Task 'w' waiting on acquire() of Lock[locked, waiters=1]"));
        blocked[0].cancel();
        assertThrows(CancelledException.class, () -> loop.runUntilComplete(blocked[0]));
        loop.close();
    }

    @Test
    void noReportWhileATimerIsScheduled() {
        Event event = new Event();
        assertEquals(Boolean.TRUE, EventLoop.runVirtual(script(r -> {
            EventLoop.current().callLater(1000, event::set);
            return event.waitSet();
        })));
    }

    @Test
    void noReportWhileACompletionStageIsInFlight() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            CompletableFuture<String> stage = new CompletableFuture<>();
            executor.schedule(() -> stage.complete("late"), 200, TimeUnit.MILLISECONDS);
            assertEquals("late", EventLoop.runVirtual(script(r -> StateMachine.$awaitable(stage))));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void noReportWhileAThreadSafeCallbackIsPending() throws Exception {
        Event event = new Event();
        EventLoop loop = EventLoop.virtual();
        Thread other = new Thread(() -> loop.callSoonThreadsafe(event::set));
        // the callback is in the loop's inbox before the loop runs: it is pending, not lost
        other.start();
        other.join();
        assertEquals(Boolean.TRUE, loop.runUntilComplete(script(r -> event.waitSet())));
        loop.close();
    }

    @Test
    void aDoneTaskIsNotADeadlockAndRunForeverIsNotChecked() {
        assertEquals(List.of(), EventLoop.runVirtual(script(r -> gather())));
    }
}
