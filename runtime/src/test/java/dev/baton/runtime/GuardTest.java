package dev.baton.runtime;

import static dev.baton.runtime.Baton.gather;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Machines.coroutine;
import static dev.baton.runtime.Machines.guarded;
import static dev.baton.runtime.Machines.script;
import static dev.baton.runtime.Twins.assertTranscript;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.baton.runtime.Machines.Step;
import dev.baton.runtime.Twins.Transcript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every {@link Guard} under {@code async with} (what {@code @Guarded} compiles to): acquired
 * for the body, released on a normal exit and on an exception, FIFO under contention.
 * Expected output from twins/locks/guards.py.
 */
@Timeout(10)
class GuardTest {
    private static final String TWIN = "locks/guards";

    private final Transcript out = new Transcript();

    private static Map<String, Guard> guards() {
        Map<String, Guard> guards = new LinkedHashMap<>();
        guards.put("Lock", new Lock());
        guards.put("Condition", new Condition());
        guards.put("Semaphore", new Semaphore());
        guards.put("BoundedSemaphore", new BoundedSemaphore());
        return guards;
    }

    @Test
    void testLockByWithStatement() {
        List<Step> steps = new ArrayList<>();
        guards().forEach((name, lock) -> {
            steps.add(r -> sleep(0.01));
            steps.add(r -> {
                out.print(name, "locked", lock.locked());
                return guarded(lock, (g, v, x) -> {
                    out.print(name, "inside", lock.locked());
                    return null;
                });
            });
            steps.add(r -> {
                out.print(name, "after", lock.locked());
                return coroutine((f, v, x) -> {
                    if (f.state() == 0) {
                        return f.await(guarded(lock, (g, gv, gx) -> {
                            throw new IllegalArgumentException(name);
                        }), 1);
                    }
                    assertInstanceOf(IllegalArgumentException.class, x);
                    out.print(name, "ValueError", x.getMessage(), "locked", lock.locked());
                    return null;
                });
            });
        });
        EventLoop.runVirtual(script(steps.toArray(new Step[0])));
        assertTranscript(TWIN, "test_lock_by_with_statement", out);
    }

    @Test
    void testGuardedContention() {
        List<Step> steps = new ArrayList<>();
        guards().forEach((name, lock) -> {
            steps.add(r -> {
                List<Coroutine<Object>> users = new ArrayList<>();
                for (String who : List.of("a", "b", "c")) {
                    users.add(guarded(lock, (g, v, x) -> {
                        if (g.state() == 0) {
                            out.print(name, who, "in");
                            return g.await(sleep(0), 1);
                        }
                        if (x != null) {
                            throw x;
                        }
                        out.print(name, who, "out");
                        return null;
                    }));
                }
                return gather(users.toArray(new Awaitable<?>[0]));
            });
            steps.add(r -> {
                out.print(name, "locked", lock.locked());
                return null;
            });
        });
        EventLoop.runVirtual(script(steps.toArray(new Step[0])));
        assertTranscript(TWIN, "test_guarded_contention", out);
    }
}
