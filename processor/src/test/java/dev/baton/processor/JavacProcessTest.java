package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.palantir.javapoet.JavaFile;
import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baton's processor as users run it: the JDK's own {@code javac} in its own process, with
 * the processor on {@code -processorpath} (so javac loads it in a class loader of its own)
 * and no JVM flag. javac 24 and later print a warning for every use of
 * {@code sun.misc.Unsafe}'s memory access (JEP 471, JEP 498); Baton must cause none, and its
 * attribution must still be undone (see {@link ImplicitTypes}).
 */
class JavacProcessTest {

    @Test
    void javacWithTheProcessorOnItsPathCompilesAVarOfAnAnonymousClassWithoutWarnings(@TempDir Path dir)
            throws IOException, InterruptedException, URISyntaxException {
        Path source = dir.resolve("src/t/Anon.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "public abstract class Anon {",
                "  @Async",
                "  Coroutine<Integer> main() {",
                "    await(sleep(0));",
                "    var counter = new Object() { int n; };",
                "    counter.n += 2;",
                "    java.util.function.Function<java.util.List<?>, Long> f = l -> l.stream().map(x -> x).count();",
                "    return done(counter.n + f.apply(java.util.List.of(1)).intValue());",
                "  }",
                "}"), StandardCharsets.UTF_8);
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        List<String> command = new ArrayList<>(List.of(javac.toString(), "-Xlint:all",
                "-processorpath", path(BatonProcessor.class, JavaFile.class),
                "-cp", path(Async.class, Coroutine.class),
                "-d", dir.resolve("classes").toString(), "-s", dir.resolve("generated").toString(),
                source.toString()));
        Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(dir.resolve("generated"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        assertWithMessage(output).that(status).isEqualTo(0);
        assertThat(output).doesNotContain("sun.misc.Unsafe");
        assertThat(output).doesNotContain("warning");
        assertThat(Files.exists(dir.resolve("classes/t/Baton_Anon.class"))).isTrue();
    }

    @Test
    void noClassOfTheProcessorMentionsSunMiscUnsafe() throws IOException, URISyntaxException {
        Path classes = Path.of(BatonProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("sun/misc/Unsafe")) {
                    found.add(classes.relativize(f));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static String path(Class<?>... classes) throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : classes) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
