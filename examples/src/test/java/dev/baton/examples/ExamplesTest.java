package dev.baton.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each example prints, line for line, the transcript CPython prints for the tutorial's program
 * ({@code transcripts/<name>.txt}, recorded with the Python programs beside them).
 */
class ExamplesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lock", "event", "condition", "queue", "queue-consumes"})
    void printsItsTranscriptOnTheVirtualClock(String name) throws IOException {
        assertEquals(transcript(name), run("--virtual", name));
    }

    @Test
    void runsAllUnderHeadingsOnTheRealClock() throws IOException {
        StringBuilder expected = new StringBuilder();
        for (String name : Examples.PROGRAMS.keySet()) {
            expected.append("== ").append(name).append(" ==\n").append(transcript(name));
        }
        // On the real clock the transcript holds only while the loop thread keeps up with its
        // timers: the queue example's consumers wake 10 ms apart, and a machine that stalls the
        // thread longer than that (a loaded CI runner) lets them fall due in one iteration and
        // swap lines, as CPython would. So a run may be repeated, up to three in all.
        String output = null;
        double seconds = 0;
        for (int attempt = 0; attempt < 3 && !expected.toString().equals(output); attempt++) {
            long start = System.nanoTime();
            output = run();
            seconds = (System.nanoTime() - start) / 1e9;
        }
        assertEquals(expected.toString(), output);
        // the timers really elapse: lock 0.1 s, event 0.1 s, condition 0.3 s, ...
        assertTrue(seconds >= 0.5, "real clock: took only " + seconds + " s");
    }

    @Test
    void runsAllUnderHeadingsOnTheVirtualClock() throws IOException {
        StringBuilder expected = new StringBuilder();
        for (String name : Examples.PROGRAMS.keySet()) {
            expected.append("== ").append(name).append(" ==\n").append(transcript(name));
        }
        assertEquals(expected.toString(), run("--virtual"));
    }

    @Test
    void anUnknownNameIsAnErrorWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Examples.run(new String[] {"--virtual", "lok"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("unknown example 'lok'\nusage: Examples [--virtual] [lock|event|condition|queue|queue-consumes]..."),
                message);
    }

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            assertEquals(0, Examples.run(args, capture, System.err));
        } finally {
            System.setOut(previous);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String transcript(String name) throws IOException {
        try (InputStream in = ExamplesTest.class.getResourceAsStream("/transcripts/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("transcripts/" + name + ".txt missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
