package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differential fuzzer on a fixed set of seeds ({@link Fuzzer}): every random coroutine
 * compiles cleanly and ends as javac's plain twin does. {@code FUZZ_SEEDS=n} (and
 * {@code FUZZ_FROM=first}, default 1) runs n seeds instead; findings are shrunk and printed, and
 * the summary is written to {@code target/fuzz-report.txt}.
 */
class FuzzTest {

    /** The constructs the fixed seeds must reach (each by several programs). */
    static final List<String> CONSTRUCTS = List.of("&&/||", "?:", "array index", "array store", "await completing at once",
            "await in expressions", "await statement", "await that fails", "block", "break/continue", "calls",
            "captured by anonymous classes", "captured by lambdas", "casts", "compound assignment", "division",
            "do/while", "done(await)", "enhanced for", "for", "if/else", "increment", "labeled break/continue",
            "method references", "multi-catch", "nested awaits", "new", "new array", "operators", "pattern variables",
            "return", "string concatenation", "switch expressions", "switch statement (arrows)",
            "switch statement (colons)", "throw", "try-with-resources", "try/catch/finally", "unboxing", "var",
            "while", "assignments in expressions");

    @Test
    void randomCoroutinesEndAsJavacSays() throws IOException {
        String seeds = System.getenv("FUZZ_SEEDS");
        String from = System.getenv("FUZZ_FROM");
        int count = seeds == null ? 300 : Integer.parseInt(seeds.strip());
        long first = from == null ? 1 : Long.parseLong(from.strip());
        String batch = System.getenv("FUZZ_BATCH");
        Fuzzer.Summary summary = Fuzzer.run(first, count, batch == null ? 10 : Integer.parseInt(batch.strip()), true);
        String report = "seeds " + first + ".." + (first + count - 1) + ": " + summary;
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-report.txt"), report);
        System.out.println(report.lines().limit(3).reduce("", (a, b) -> a + b + "\n"));
        assertWithMessage(report).that(summary.findings).isEmpty();
        assertThat(summary.programs).isEqualTo(count);
        if (seeds == null) {
            for (String construct : CONSTRUCTS) {
                assertWithMessage(construct + " in " + summary.features).that(summary.features.getOrDefault(construct, 0))
                        .isAtLeast(5);
            }
        }
    }
}
