package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The processor's packages, read from its sources: {@code diagnostics} (Report, Tag) and
 * {@code model} (what a template and a body are) at the bottom, {@code validation} and
 * {@code lowering} beside each other on top of them, never one on the other; each rule of
 * validation checked in one place; the runtime's class names spelled once.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/baton/processor");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.baton\\.processor\\.(\\w+)\\.",
            Pattern.MULTILINE);

    @Test
    void validationAndLoweringDoNotDependOnEachOther() throws IOException {
        assertThat(importedPackages("validation")).containsNoneOf("lowering", "emission");
        assertThat(importedPackages("lowering")).containsNoneOf("validation", "emission");
        assertThat(importedPackages("diagnostics")).isEmpty();
        assertThat(importedPackages("model")).containsNoneOf("validation", "lowering", "emission");
    }

    @Test
    void validationRulesAreCheckedByValidationOnly() throws IOException {
        for (String tag : List.of("BatonReturn", "BatonAwaitInSynchronized")) {
            assertThat(filesMatching(Pattern.compile("\\bTag\\." + tag + "\\b")))
                    .containsExactly("validation/BodyValidator.java");
        }
    }

    @Test
    void theRuntimesClassNamesAreSpelledInOnePlace() throws IOException {
        assertThat(filesMatching(Pattern.compile(Pattern.quote("\"dev.baton.runtime"))))
                .containsExactly("model/RuntimeNames.java");
    }

    private static List<String> importedPackages(String pkg) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : javaFiles(SOURCES.resolve(pkg))) {
            Matcher m = IMPORT.matcher(Files.readString(f));
            while (m.find()) {
                if (!m.group(1).equals(pkg)) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    private static List<String> filesMatching(Pattern pattern) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : javaFiles(SOURCES)) {
            if (pattern.matcher(Files.readString(f)).find()) {
                found.add(SOURCES.relativize(f).toString().replace('\\', '/'));
            }
        }
        return found;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
