package dev.baton.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.baton.Async;
import dev.baton.runtime.Coroutine;
import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's modular application ({@code src/test/modular-app}: {@code requires dev.baton.runtime;}
 * and nothing else) compiles with Baton's processor without a warning under
 * {@code -Xlint:all}, and runs on the module path. Also: the runtime and the annotations are
 * explicit modules, and the processor jar names its automatic module.
 */
class ModularApplicationTest {

    private static final Path APP = Repository.file("checks/src/test/modular-app/dev.baton.demo");

    /** By name: its {@code @AutoService} is not on this module's class path. */
    private static final String PROCESSOR = "dev.baton.processor.BatonProcessor";

    @Test
    void runtimeAndAnnotationsAreExplicitModules() {
        ModuleDescriptor runtime = module(Coroutine.class);
        assertFalse(runtime.isAutomatic(), "baton-runtime has a module-info");
        assertEquals("dev.baton.runtime", runtime.name());
        assertEquals(Set.of("dev.baton.runtime", "dev.baton.runtime.internal"),
                runtime.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(runtime.requires().stream().anyMatch(r -> r.name().equals("dev.baton.annotations")
                && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)),
                "a template's module reads the annotations through the runtime: " + runtime.requires());

        ModuleDescriptor annotations = module(Async.class);
        assertFalse(annotations.isAutomatic(), "baton-annotations has a module-info");
        assertEquals("dev.baton.annotations", annotations.name());
        assertEquals(Set.of("dev.baton"),
                annotations.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    }

    @Test
    void processorNamesItsAutomaticModule() throws ClassNotFoundException {
        ModuleDescriptor processor = module(Class.forName(PROCESSOR));
        assertTrue(processor.isAutomatic());
        assertEquals("dev.baton.processor", processor.name(), "Automatic-Module-Name, not a file name");
    }

    @Test
    void modularApplicationCompilesWithoutWarningsAndRuns(@TempDir Path out) throws Exception {
        String modulePath = location(Coroutine.class) + File.pathSeparator + location(Async.class);
        String processorPath = location(Class.forName(PROCESSOR)) + File.pathSeparator + location(JavaFile.class);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<File> sources;
        try (Stream<Path> files = Files.walk(APP)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).sorted()
                    .collect(Collectors.toList());
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-Xlint:all", "-Werror", "-d", out.toString(),
                    "--module-path", modulePath, "--processor-path", processorPath);
            boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromFiles(sources)).call();
            List<String> reported = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.NOTE) {
                    reported.add(d.getKind() + ": " + d.getMessage(null));
                }
            }
            assertEquals(List.of(), reported, "javac reported");
            assertTrue(compiled);
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "--module-path", out + File.pathSeparator + modulePath,
                "-m", "dev.baton.demo/dev.baton.demo.Main").redirectErrorStream(true).start();
        String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), printed);
        assertEquals(List.of("a -> 1", "b -> 2", "a -> 3", "b -> 4", "total 4 in module dev.baton.demo"),
                printed.lines().collect(Collectors.toList()));
    }

    /** The jar (or classes folder) a class was loaded from. */
    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The module that the jar holding {@code type} defines on a module path. */
    private static ModuleDescriptor module(Class<?> type) {
        Set<ModuleReference> found = ModuleFinder.of(location(type)).findAll();
        assertEquals(1, found.size(), "one module in " + location(type));
        return found.iterator().next().descriptor();
    }
}
