package dev.baton.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/getting-started.md} shows the files of {@code docs/getting-started/} exactly (CI
 * builds that project against the installed artifacts), and the project asks for the version
 * this repository builds.
 */
class GettingStartedTest {

    private static final String PROJECT = "docs/getting-started/";

    @Test
    void thePageShowsTheProjectsFilesAsTheyAre() {
        String page = Repository.read("docs/getting-started.md");
        for (String file : List.of("pom.xml", "src/main/java/com/example/Kitchen.java",
                "src/test/java/com/example/KitchenTest.java")) {
            String text = Repository.read(PROJECT + file);
            String language = file.endsWith(".xml") ? "xml" : "java";
            assertTrue(page.contains("```" + language + "\n" + text + "```\n"),
                    "docs/getting-started.md shows " + PROJECT + file + " exactly, in a ```" + language + " block");
        }
    }

    @Test
    void theProjectUsesThisVersion() {
        assertEquals(version(Repository.read("pom.xml"), "<version>"),
                version(Repository.read(PROJECT + "pom.xml"), "<baton.version>"));
    }

    @Test
    void theReadmeGivesTheSameVersion() {
        String readme = Repository.read("README.md");
        String version = version(Repository.read("pom.xml"), "<version>");
        assertTrue(readme.contains("<version>" + version + "</version>"),
                "README.md's Maven coordinates name version " + version);
    }

    /** The first element's text after the parent or the start of the project. */
    private static String version(String pom, String element) {
        String from = pom.contains("</parent>") ? pom.substring(pom.indexOf("</parent>")) : pom;
        int start = from.indexOf("<artifactId>");
        Matcher m = Pattern.compile(Pattern.quote(element) + "([^<]+)<").matcher(from.substring(Math.max(0, start)));
        assertTrue(m.find(), "no " + element);
        return m.group(1).trim();
    }
}
