package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/design.md's performance contract: a coroutine blocked on a primitive costs its task and its
 * state machine, nothing more. The task itself stands in the primitive's waiters (no waiter
 * future, no slow-path machine), resumes the awaiting machine directly, and runs the rest of
 * the operation ({@link Blocker#afterWait}) when it does.
 */
@Timeout(10)
class BlockedTaskTest {

    /** The task stands first in {@code waiters}, blocked in a {@link Blocker}, and will resume {@code machine}. */
    private static void assertBlockedIn(Task<?> task, Object machine, Object firstWaiter) throws Exception {
        assertSame(task, firstWaiter, "the task itself is the primitive's waiter");
        assertSame(machine, field(task, "resumeTarget"), "the task resumes the awaiting machine itself");
        assertInstanceOf(Blocker.class, field(task, "waitingOn"), "the task is blocked in the primitive's operation");
        assertFalse(task.waitEnded(), "the wait is pending");
    }

    private static Object field(Object target, String name) throws Exception {
        Class<?> type = target.getClass();
        while (true) {
            try {
                Field f = type.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                type = type.getSuperclass();
                if (type == null) {
                    throw e;
                }
            }
        }
    }

    /**
     * The main task awaits {@code setup}, then blocks a task on what {@code op} returns,
     * checks its shape, calls {@code unblock}, and checks that the task finished.
     */
    private static void checkShape(Supplier<Awaitable<?>> setup, Supplier<Awaitable<?>> op,
            Supplier<Object> firstWaiter, Runnable unblock) {
        checkShape(setup, script(x -> op.get()), firstWaiter, unblock);
    }

    private static void checkShape(Supplier<Awaitable<?>> setup, Coroutine<?> blocked,
            Supplier<Object> firstWaiter, Runnable unblock) {
        Task<?>[] task = new Task<?>[1];
        EventLoop.runVirtual(script(
                r -> setup.get(),
                r -> {
                    task[0] = spawn(blocked);
                    return sleep(0);
                },
                r -> {
                    try {
                        assertBlockedIn(task[0], blocked, firstWaiter.get());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    unblock.run();
                    return sleep(0);
                },
                r -> {
                    assertTrue(task[0].isDone(), "unblocked: " + task[0]);
                    task[0].result();
                    return sleep(0);
                }));
    }

    @Test
    void aBlockedTaskStandsInThePrimitivesWaitersItself() {
        Lock lock = new Lock();
        checkShape(lock::acquire, lock::acquire, () -> lock.waiters.peekFirst(), lock::release);
        assertTrue(lock.isLocked(), "the woken waiter took the lock");

        Event event = new Event();
        checkShape(() -> sleep(0), event::waitSet, () -> event.waiters.peekFirst(), event::set);

        Semaphore sem = new Semaphore(0);
        checkShape(() -> sleep(0), sem::acquire, () -> sem.waiters.peekFirst(), sem::release);
        assertEquals(0, sem.value, "the woken waiter took the permit");

        Queue<String> empty = new Queue<>();
        checkShape(() -> sleep(0), empty::get, () -> deque(empty, "getters").peekFirst(),
                () -> empty.putNowait("x"));
        assertEquals(0, empty.qsize(), "the woken getter took the item");

        Queue<String> full = new Queue<>(1);
        full.putNowait("first");
        checkShape(() -> sleep(0), () -> full.put("second"), () -> deque(full, "putters").peekFirst(),
                full::getNowait);
        assertEquals("second", full.getNowait(), "the woken putter put its item");

        Queue<String> unfinished = new Queue<>();
        unfinished.putNowait("item");
        unfinished.getNowait();
        checkShape(() -> sleep(0), unfinished::join, () -> deque(unfinished, "joiners").peekFirst(),
                unfinished::taskDone);

        Lock shared = new Lock();
        Condition cond = new Condition(shared);
        checkShape(() -> sleep(0), script(x -> cond.acquire(), x -> cond.waitNotified()),
                () -> cond.waiters.peekFirst(), () -> {
                    assertTrue(shared.tryAcquire());
                    cond.notify(1);
                    shared.release();
                });
        assertTrue(shared.isLocked(), "the notified waiter re-acquired the lock");
    }

    private static ArrayDeque<?> deque(Queue<?> queue, String name) {
        try {
            return (ArrayDeque<?>) field(queue, name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Object waitingOn(Task<?> task) {
        try {
            return field(task, "waitingOn");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aProducerThatBlocksAgainReusesTheQueuesSparePutter() {
        Queue<String> full = new Queue<>(1);
        Task<?>[] producer = new Task<?>[1];
        Object[] putters = new Object[2];
        EventLoop.runVirtual(script(
                r -> full.put("first"),
                r -> {
                    producer[0] = spawn(script(x -> full.put("a"), x -> full.put("b")));
                    return sleep(0);
                },
                r -> {
                    putters[0] = waitingOn(producer[0]); // blocked putting "a"
                    assertEquals("first", full.getNowait());
                    return sleep(0);
                },
                r -> {
                    putters[1] = waitingOn(producer[0]); // put "a", then blocked putting "b"
                    assertEquals("a", full.getNowait());
                    return sleep(0);
                },
                r -> {
                    assertEquals("b", full.getNowait());
                    assertTrue(producer[0].isDone());
                    return null;
                }));
        assertInstanceOf(Blocker.class, putters[0]);
        assertSame(putters[0], putters[1], "the second blocked put reuses the putter of the first");
    }
}
