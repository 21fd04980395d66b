package dev.baton.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the asyncio peer at tiny sizes, where there is a Python, so that it does not rot. */
class AsyncioScriptTest {

    @Test
    void everyScenarioRunsAndReports() throws Exception {
        assumeTrue(!"vthreads".equals(System.getProperty("baton.smoke.only")));
        Path script = Paths.get("src", "main", "python", "asyncio_bench.py");
        assertTrue(Files.isRegularFile(script), script.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString(), "--reps", "2", "--sizes",
                "handoff=50,pingpong=10,yields=10,spawn=10,fanout=10,memory=10,lock-tasks=4,lock-acquisitions=10")
                .redirectErrorStream(true);
        builder.environment().putIfAbsent("PYENV_VERSION", "3.13.0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            assumeTrue(false, "no python3: " + e.getMessage());
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assumeTrue(!output.contains("pyenv: version"), "no Python 3.13 under pyenv: " + output);
        assertEquals(0, process.exitValue(), output);
        List<String> keys = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("RESULT")) {
                keys.add(words[1]);
                for (int i = 2; i < words.length; i++) {
                    assertTrue(Double.parseDouble(words[i]) > 0, line);
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (Report.Row row : Report.Row.values()) {
            expected.add(row.key);
        }
        assertEquals(expected.stream().sorted().toList(), keys.stream().sorted().toList(), output);
    }
}
