package dev.baton.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.baton.test.BatonTesting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario on the virtual-clock loop and compares what it prints with the
 * transcript CPython 3.13 printed for its Python twin. Each runs under the test kit's
 * {@link BatonTesting#runTest}, so a scenario also fails on a deadlock (with the task dump), a
 * task it leaves pending, or a task exception nobody retrieved.
 */
class ConformanceTest {
    private static final String SCENARIOS = "scenarios";
    private static final String PACKAGE = "dev.baton.conformance.scenarios.";

    /** The scenario names: every twin {@code scenarios/<name>.py} on the test class path. */
    static List<String> scenarios() throws IOException, URISyntaxException {
        URL folder = ConformanceTest.class.getClassLoader().getResource(SCENARIOS);
        if (folder == null) {
            throw new IllegalStateException("no " + SCENARIOS + "/ folder on the test class path");
        }
        try (Stream<Path> files = Files.list(Paths.get(folder.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".py"))
                    .map(f -> f.substring(0, f.length() - 3))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /** {@code lock_cancel_race} → {@code LockCancelRace}. */
    static String className(String scenario) {
        StringBuilder name = new StringBuilder();
        for (String part : scenario.split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void printsWhatCPythonPrints(String scenario) throws Exception {
        String expected = resource(SCENARIOS + "/" + scenario + ".txt");
        Scenario template = instantiate(scenario);
        String actual = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(template),
                () -> scenario + " did not finish: a lost wake-up?");
        assertEquals(expected, actual, () -> scenario + " printed something else than CPython 3.13");
    }

    @Test
    void everyScenarioHasTwinTranscriptAndTemplate() throws Exception {
        List<String> names = scenarios();
        assertTrue(names.size() >= 40, "at least 40 scenarios, found " + names.size());
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            if (ConformanceTest.class.getClassLoader().getResource(SCENARIOS + "/" + name + ".txt") == null) {
                problems.add(name + ".txt missing: run conformance/rerecord.sh");
            }
            try {
                Class.forName(PACKAGE + className(name));
            } catch (ClassNotFoundException e) {
                problems.add("template " + PACKAGE + className(name) + " missing");
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Scenario instantiate(String scenario) throws ReflectiveOperationException {
        String generated = PACKAGE + "Baton_" + className(scenario);
        Class<?> type;
        try {
            type = Class.forName(generated);
        } catch (ClassNotFoundException e) {
            return fail("no " + generated + ": is " + PACKAGE + className(scenario)
                    + " an abstract class with @Async methods, compiled with Baton's processor?");
        }
        return (Scenario) type.getDeclaredConstructor().newInstance();
    }

    /** Runs the scenario as asyncio.run(main()) on the virtual clock, under runTest; what it printed. */
    private static String run(Scenario template) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            try {
                BatonTesting.runTest(template.main());
            } catch (RuntimeException | Error e) {
                previous.print(bytes.toString(StandardCharsets.UTF_8));
                throw e;
            } finally {
                System.setOut(previous);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConformanceTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing: record it with conformance/rerecord.sh");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
