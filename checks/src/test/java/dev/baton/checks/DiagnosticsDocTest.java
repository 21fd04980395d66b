package dev.baton.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/diagnostics.md} and the processor's {@code Tag} enum cannot drift: the page has
 * one section per tag, and each section's wrong template, compiled with Baton's processor,
 * reports exactly the message the page shows.
 */
class DiagnosticsDocTest {

    private static final String PAGE = "docs/diagnostics.md";

    /** Tags no template can produce: the page shows their message without a template. */
    private static final Set<String> WITHOUT_TEMPLATE = Set.of("BatonEnvironment", "BatonInternalError");

    /** The imports every template on the page is compiled with (the page says so). */
    private static final String IMPORTS = "import static dev.baton.runtime.Baton.*;\n"
            + "import dev.baton.*;\nimport dev.baton.runtime.*;\nimport java.util.ArrayList;\nimport java.util.List;\n";

    private static final Pattern SECTION = Pattern.compile("(?m)^## (\\w+)\\s*$");
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```\\s*$");
    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public )?(?:abstract |final )*class (\\w+)");

    record Section(String tag, String template, String kind, String message) {}

    @Test
    void everyTagHasASectionAndEverySectionATag() throws Exception {
        Set<String> tags = Arrays.stream(tagEnum().getEnumConstants()).map(t -> ((Enum<?>) t).name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(tags, new TreeSet<>(sections().keySet()), PAGE + " documents every tag of Tag.java, and only those");
    }

    @Test
    void everySectionShowsAWrongTemplateTheMessageAndTheFix() throws Exception {
        String page = Repository.read(PAGE);
        List<String> parts = Arrays.asList(SECTION.split(page));
        for (Section s : sections().values()) {
            assertTrue(s.template() != null || WITHOUT_TEMPLATE.contains(s.tag()), s.tag() + ": a ```java wrong template");
            assertTrue(s.message() != null, s.tag() + ": a ```text block with the message");
            assertTrue(s.message().startsWith("[" + s.tag() + "] "), s.tag() + ": the message starts with its tag");
        }
        for (String part : parts.subList(1, parts.size())) {
            assertTrue(part.contains("**Fix:**"), "every section says how to fix it: " + part.lines().findFirst());
        }
    }

    @Test
    void everyWrongTemplateReportsTheMessageShown(@TempDir Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = location(Coroutine.class) + File.pathSeparator + location(Async.class);
        String processorPath = location(tagEnum()) + File.pathSeparator + location(JavaFile.class);
        List<String> problems = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            for (Section s : sections().values()) {
                if (s.template() == null) {
                    continue;
                }
                Matcher named = CLASS.matcher(s.template());
                assertTrue(named.find(), s.tag() + ": the template declares a class");
                String source = IMPORTS + s.template();
                JavaFileObject file = new SimpleJavaFileObject(
                        Path.of(named.group(1) + ".java").toUri(), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                Path classes = out.resolve(s.tag());
                classes.toFile().mkdirs();
                javac.getTask(null, files, diagnostics, List.of("-Xlint:all", "-d", classes.toString(),
                        "-classpath", classPath, "-processorpath", processorPath), null, List.of(file)).call();
                List<String> reported = new ArrayList<>();
                boolean shown = false;
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    String kind = d.getKind() == Diagnostic.Kind.ERROR ? "error"
                            : d.getKind() == Diagnostic.Kind.NOTE ? "note" : "warning";
                    String message = d.getMessage(Locale.ROOT);
                    if (kind.equals("note")) {
                        continue;
                    }
                    reported.add(kind + ": " + message);
                    shown |= kind.equals(s.kind()) && message.equals(s.message());
                    if (kind.equals("error") && !message.startsWith("[Baton")) {
                        problems.add(s.tag() + ": javac reports more than Baton's error: " + message);
                    }
                }
                if (!shown) {
                    problems.add(s.tag() + ": the page shows\n  " + s.kind() + ": " + s.message()
                            + "\nbut the processor reports\n  " + String.join("\n  ", reported));
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    /** The page's sections by tag, in page order. */
    private static Map<String, Section> sections() {
        String page = Repository.read(PAGE);
        Map<String, Section> sections = new LinkedHashMap<>();
        Matcher heading = SECTION.matcher(page);
        List<int[]> bounds = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        while (heading.find()) {
            tags.add(heading.group(1));
            bounds.add(new int[] {heading.start(), heading.end()});
        }
        for (int i = 0; i < tags.size(); i++) {
            String body = page.substring(bounds.get(i)[1], i + 1 < tags.size() ? bounds.get(i + 1)[0] : page.length());
            String template = null;
            String kind = null;
            String message = null;
            Matcher block = BLOCK.matcher(body);
            while (block.find()) {
                if (block.group(1).equals("java") && template == null) {
                    template = block.group(2);
                } else if (block.group(1).equals("text") && message == null) {
                    String shown = block.group(2).strip();
                    int colon = shown.indexOf(": ");
                    kind = colon < 0 ? "" : shown.substring(0, colon);
                    message = colon < 0 ? shown : shown.substring(colon + 2);
                }
            }
            sections.put(tags.get(i), new Section(tags.get(i), template, kind, message));
        }
        return sections;
    }

    /** The processor's {@code Tag} enum, by name: its jar's {@code @AutoService} is not on this class path. */
    private static Class<?> tagEnum() throws ClassNotFoundException {
        return Class.forName("dev.baton.processor.diagnostics.Tag");
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
