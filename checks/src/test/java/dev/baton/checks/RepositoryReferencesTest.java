package dev.baton.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No tracked file refers to a folder or file outside the repository: users have only the
 * repository, so what they need to read is in it (the design notes are in {@code docs/}).
 * Checked: relative paths and Markdown links that leave the repository or lead nowhere, and
 * the names of the documents this project was once planned in.
 */
class RepositoryReferencesTest {

    /** This file names what it forbids. */
    private static final String SELF = "checks/src/test/java/dev/baton/checks/RepositoryReferencesTest.java";

    /** Documents and folders that live outside the repository. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "\\b(DESIGN|LOWERING|STYLE)\\.md\\b|(?i:shared\\s+folder|\\.\\./shared\\b|/work/|seed chapter"
                    + "|the seed's|the seed text|/seed/)");

    /** A relative path that starts by going up: {@code ../x}, {@code ../../x}. */
    private static final Pattern UPWARD = Pattern.compile("(?<![\\w.])((?:\\.\\./)+)[\\w.-]+");

    /** A Markdown link or image: {@code [text](target)}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void noTrackedFileRefersOutsideTheRepository() throws IOException {
        List<String> files = Repository.trackedFiles();
        assumeTrue(files != null, "needs git and the repository's .git");
        Path root = Repository.root();
        List<String> problems = new ArrayList<>();
        for (String name : files) {
            if (name.equals(SELF)) {
                continue;
            }
            Path file = root.resolve(name);
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                continue;
            }
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String where = name + ":" + (i + 1) + ": ";
                Matcher outside = OUTSIDE.matcher(lines[i]);
                while (outside.find()) {
                    problems.add(where + "refers to '" + outside.group() + "', outside the repository (use docs/)");
                }
                Matcher upward = UPWARD.matcher(lines[i]);
                while (upward.find()) {
                    Path target = file.getParent().resolve(upward.group()).normalize();
                    if (!target.startsWith(root)) {
                        problems.add(where + "'" + upward.group() + "' leaves the repository");
                    }
                }
                if (name.endsWith(".md")) {
                    Matcher link = LINK.matcher(lines[i]);
                    while (link.find()) {
                        String target = link.group(1);
                        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                            continue; // a URL, or an anchor in this page
                        }
                        Path resolved = file.getParent().resolve(target.replaceAll("#.*", "")).normalize();
                        if (!resolved.startsWith(root)) {
                            problems.add(where + "link '" + target + "' leaves the repository");
                        } else if (!Files.exists(resolved)) {
                            problems.add(where + "link '" + target + "' leads to no file");
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " references:\n" + String.join("\n", problems));
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
