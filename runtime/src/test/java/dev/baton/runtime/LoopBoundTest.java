package dev.baton.runtime;

import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Machines.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which loop a primitive belongs to when it outlives the loop it was first used on. */
@Timeout(10)
class LoopBoundTest {

    @Test
    void anIdlePrimitiveMovesToTheNextLoop() {
        Lock lock = new Lock();
        Queue<String> queue = new Queue<>(1);
        for (int run = 0; run < 2; run++) {
            Object got = EventLoop.runVirtual(script(
                    r -> lock.acquire(),
                    r -> {
                        lock.release();
                        return queue.put("item");
                    },
                    r -> queue.get()));
            assertEquals("item", got);
        }
        assertFalse(lock.locked());
    }

    @Test
    void aPrimitiveWithATaskStillWaitingInAStoppedLoopRefusesAnotherLoopAndLosesNothing() {
        Lock lock = new Lock();
        Task<?>[] waiter = new Task<?>[1];
        EventLoop first = EventLoop.virtual();
        first.runUntilComplete(script(
                r -> lock.acquire(),
                r -> {
                    waiter[0] = spawn(script(x -> lock.acquire()));
                    return Baton.sleep(0);
                }));
        // the first loop stopped with the lock held and a task queued for it
        assertEquals("Lock[locked, waiters=1]", lock.toString());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EventLoop.runVirtual(script(r -> lock.acquire())));
        assertEquals("Lock[locked, waiters=1] is bound to a different event loop", e.getMessage());

        // the first loop carries on: its waiter gets the lock once it is released there
        first.runUntilComplete(script(r -> {
            lock.release();
            return waiter[0];
        }));
        assertTrue(waiter[0].isDone());
        assertTrue(lock.locked(), "the waiter took the lock");
        first.close();
    }
}
