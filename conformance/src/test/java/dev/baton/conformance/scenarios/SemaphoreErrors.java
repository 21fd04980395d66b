package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.BoundedSemaphore;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Semaphore;

/**
 * test_locks.py SemaphoreTests.test_semaphore_value, test_release_not_acquired,
 * test_initial_value_zero, test_release_no_waiters. A bad initial value is a bad argument
 * (IllegalArgumentException); releasing a BoundedSemaphore too often is misuse, asyncio's
 * ValueError, which Baton maps to IllegalStateException (docs/design.md, "Errors").
 */
public abstract class SemaphoreErrors extends Scenario {

    @Async
    @Override
    public Coroutine<Void> main() {
        try {
            new Semaphore(-1);
        } catch (IllegalArgumentException e) {
            print("ValueError:", e);
        }
        print("Semaphore(0) locked:", new Semaphore(0).locked());

        BoundedSemaphore sem = new BoundedSemaphore(1);
        try {
            sem.release();
        } catch (IllegalStateException e) {
            print("ValueError:", e);
        }
        await(sem.acquire());
        print("locked:", sem.locked());
        sem.release();
        print("locked:", sem.locked());

        Semaphore plain = new Semaphore(1);
        plain.release();
        plain.release();
        print("plain semaphore released twice extra, locked:", plain.locked());
        await(plain.acquire());
        await(plain.acquire());
        await(plain.acquire());
        print("after three acquires, locked:", plain.locked());
        return done();
    }
}
