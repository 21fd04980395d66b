package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Debug mode with generated coroutines: the reports name the template's methods and lines. */
class DebugModeTest {
    // the class body starts on line 9 of the file (see Templates.template)
    private static final Templates.Loaded DBG = compileClean(template("Dbg",
            "  @Async",                                                      // 9
            "  Coroutine<Void> work() {",                                    // 10
            "    await(sleep(0.1));",                                        // 11
            "    return done();",                                            // 12
            "  }",                                                           // 13
            "  @Async",                                                      // 14
            "  Coroutine<Void> forgets() {",                                 // 15
            "    EventLoop.current().setDebug(true);",                       // 16
            "    Coroutine<Void> lost = work();",                            // 17
            "    await(work());",                                            // 18
            "    System.out.println(lost != null);",                         // 19
            "    return done();",                                            // 20
            "  }",                                                           // 21
            "  @Async",                                                      // 22
            "  Coroutine<Void> slow() {",                                    // 23
            "    EventLoop.current().setDebug(true);",                       // 24
            "    await(spawn(blocking(), \"t1\"));",                          // 25
            "    return done();",                                            // 26
            "  }",                                                           // 27
            "  @Async",                                                      // 28
            "  Coroutine<Void> blocking() {",                                 // 29
            "    try { Thread.sleep(150); } catch (InterruptedException e) { throw new IllegalStateException(e); }", // 30
            "    await(sleep(0.01));",                                       // 31
            "    return done();",                                            // 32
            "  }",                                                           // 33
            "  @Async",                                                      // 34
            "  Coroutine<String> spawnSite() {",                             // 35
            "    EventLoop.current().setDebug(true);",                       // 36
            "    Task<Void> w = spawn(work(), \"w\");",                       // 37
            "    await(sleep(0));",                                          // 38
            "    String dump = EventLoop.current().dumpTasks();",            // 39
            "    await(w);",                                                 // 40
            "    return done(dump);",                                        // 41
            "  }"));

    /** Captures what the runtime logs to {@code dev.baton}. */
    private static final class Capture extends Handler implements AutoCloseable {
        final List<String> messages = new ArrayList<>();
        private final Logger logger = Logger.getLogger("dev.baton");

        Capture() {
            setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord r) {
            messages.add(r.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    @Test
    void aCoroutineNeverAwaitedIsReportedWithTheLineThatMadeIt() {
        try (Capture log = new Capture()) {
            Templates.Run run = DBG.run("Dbg", "forgets");
            assertThat(run.failure()).isNull();
            assertThat(log.messages.stream().filter(m -> m.startsWith("coroutine ")).toList()).containsExactly(
                    "coroutine 'Dbg.work()' was never awaited\ncoroutine created at t.Dbg.forgets(Dbg.java:17)");
        }
    }

    @Test
    void aSlowTaskStepIsReportedWithWhereTheTaskIsNow() {
        try (Capture log = new Capture()) {
            Templates.Run run = DBG.run("Dbg", "slow");
            assertThat(run.failure()).isNull();
            // only t1's first step is slow (other steps too, on a machine loaded enough)
            List<String> slow = log.messages.stream().filter(m -> m.startsWith("Executing <Task name=t1")).toList();
            assertThat(slow).hasSize(1);
            String message = slow.get(0);
            assertThat(message).matches("Executing <Task name=t1 at Dbg.java:31> took \\d+\\.\\d{3} seconds");
            // the step slept 0.15 s (more on a loaded machine)
            assertThat(Double.parseDouble(message.replaceAll(".* took (.*) seconds", "$1"))).isAtLeast(0.15);
        }
    }

    @Test
    void theDumpShowsWhereEachTaskWasSpawned() {
        Templates.Run run = DBG.run("Dbg", "spawnSite");
        assertThat(run.failure()).isNull();
        assertThat((String) run.result()).contains("└── Task 'w' waiting on Promise[pending]\n"
                + "    in sleep(0.1)\n"
                + "    at t.Dbg.work(Dbg.java:11)\n"
                + "    spawned at t.Dbg.spawnSite(Dbg.java:37)\n");
    }
}
