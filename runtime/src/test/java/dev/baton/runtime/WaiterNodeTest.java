package dev.baton.runtime;

import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN.md's performance contract: a coroutine blocked on a primitive costs its own state
 * machine plus one waiter node. The task resumes the awaiting machine itself (no slow-path
 * machine in between) and waits on the node in the primitive's queue; only that task runs
 * the node's rest of the operation.
 */
@Timeout(10)
class WaiterNodeTest {

    /** The task waits on {@code node} and will resume {@code machine} directly. */
    private static void assertBlockedOn(Task<?> task, Object machine, Object node) throws Exception {
        assertSame(machine, field(task, "resumeTarget"), "the task resumes the awaiting machine itself");
        assertSame(node, field(task, "waitingOn"), "the task waits on the primitive's waiter node");
        assertInstanceOf(WaiterNode.class, node);
        assertTrue((Boolean) field(task, "waitingOnNode"));
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
            Supplier<Object> node, Runnable unblock) {
        checkShape(setup, script(x -> op.get()), node, unblock);
    }

    private static void checkShape(Supplier<Awaitable<?>> setup, Coroutine<?> blocked,
            Supplier<Object> node, Runnable unblock) {
        Task<?>[] task = new Task<?>[1];
        EventLoop.runVirtual(script(
                r -> setup.get(),
                r -> {
                    task[0] = spawn(blocked);
                    return sleep(0);
                },
                r -> {
                    try {
                        assertBlockedOn(task[0], blocked, node.get());
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
    void aBlockedTaskHoldsItsMachineAndOneWaiterNode() {
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

    @Test
    void anotherTaskAwaitingTheNodeSeesAPlainPromise() {
        Queue<String> queue = new Queue<>();
        Object[] got = new Object[2];
        EventLoop.runVirtual(script(
                r -> {
                    spawn(script(x -> queue.get(), x -> {
                        got[0] = x;
                        return sleep(0);
                    }));
                    return sleep(0);
                },
                r -> {
                    Object node = deque(queue, "getters").peekFirst();
                    spawn(script(x -> (Promise<?>) node, x -> {
                        got[1] = x;
                        return sleep(0);
                    }));
                    return sleep(0);
                },
                r -> {
                    queue.putNowait("first");
                    queue.putNowait("second");
                    return sleep(0);
                },
                r -> sleep(0),
                r -> {
                    assertEquals("first", got[0], "the getter took the first item");
                    assertNull(got[1], "the other task got the node's result, and took no item");
                    assertEquals(1, queue.qsize());
                    return sleep(0);
                }));
    }

    @Test
    void taskNumbersPastIntegerMaxValueKeepCounting() throws Exception {
        EventLoop loop = EventLoop.virtual();
        Field counter = EventLoop.class.getDeclaredField("taskCounter");
        counter.setAccessible(true);
        counter.setLong(loop, Integer.MAX_VALUE - 1L);
        Task<?>[] tasks = new Task<?>[3];
        loop.runUntilComplete(script(r -> {
            for (int i = 0; i < tasks.length; i++) {
                tasks[i] = spawn(script(x -> sleep(0)));
            }
            return sleep(0);
        }));
        assertEquals("Task-2147483648", tasks[0].name()); // the main task was 2147483647
        assertEquals("Task-2147483649", tasks[1].name());
        tasks[1].setName("renamed");
        assertEquals("renamed", tasks[1].name());
        tasks[1].setName(null);
        assertEquals("Task-2147483649", tasks[1].name());
        assertEquals("Task-2147483650", tasks[2].name());
        loop.close();
    }
}
