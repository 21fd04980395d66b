package dev.baton.processor;

import java.io.Writer;
import java.net.URI;
import java.util.List;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Has javac export its internal packages to Baton's module, without {@code sun.misc.Unsafe}
 * and without an {@code --add-exports} or {@code --add-opens} users would have to set.
 *
 * <p>Only code of module {@code jdk.compiler} can export its packages. javac does so itself, to
 * the unnamed module of the class loader it loads annotation processors with, when a task has
 * javac's hidden option {@code -XDaccessInternalAPI} (javac 17 and 25 both have it). So Baton
 * starts a throwaway javac task with that option, whose file manager answers Baton's own class
 * loader for the processor path, and lets it go as soon as javac has made its processing
 * environment: nothing is compiled, nothing is loaded through that task, and the loader is
 * never closed (only a completed task closes it). The export lasts as long as the JVM.
 */
final class JavacExports {
    private static final String TREE_PACKAGE = "com.sun.tools.javac.tree";

    private JavacExports() {}

    /** Whether javac's tree package is, or could be made, visible to {@code baton}. */
    static boolean treesTo(Module javac, Module baton) {
        if (javac.isExported(TREE_PACKAGE, baton)) {
            return true;
        }
        if (baton.isNamed()) {
            return false; // javac exports only to a loader's unnamed module
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return false;
        }
        ClassLoader loader = JavacExports.class.getClassLoader();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostic -> {}, null, null);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public ClassLoader getClassLoader(Location location) {
                return loader;
            }
        };
        JavaFileObject probe = new SimpleJavaFileObject(URI.create("string:///BatonProbe.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "final class BatonProbe {}";
            }
        };
        com.sun.source.util.JavacTask task = (com.sun.source.util.JavacTask) compiler.getTask(Writer.nullWriter(),
                files, diagnostic -> {}, List.of("-XDaccessInternalAPI", "-proc:only"), null, List.of(probe));
        task.setProcessors(List.of()); // javac makes its processing environment, which exports; nothing runs
        try {
            task.parse();
        } catch (java.io.IOException | RuntimeException failed) {
            return false;
        }
        return javac.isExported(TREE_PACKAGE, baton);
    }

}
