package dev.baton.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Test helper: compiles templates with Baton's processor (under {@code -Xlint:all}), loads
 * the generated classes from memory, and runs coroutines on a virtual-clock loop while
 * capturing what they print.
 */
final class Templates {
    private Templates() {}

    /** A source file in package {@code t} from its lines. */
    static JavaFileObject source(String simpleName, String... lines) {
        return JavaFileObjects.forSourceLines("t." + simpleName, lines);
    }

    /** A template in package {@code t} with the usual imports, from the body of its class. */
    static JavaFileObject template(String simpleName, String... classBody) {
        String[] lines = new String[classBody.length + 9];
        lines[0] = "package t;";
        lines[1] = "import static dev.baton.runtime.Baton.*;";
        lines[2] = "import dev.baton.*;";
        lines[3] = "import dev.baton.runtime.*;";
        lines[4] = "import java.util.List;";
        lines[5] = "import java.util.ArrayList;";
        lines[6] = "";
        lines[7] = "public abstract class " + simpleName + " {";
        System.arraycopy(classBody, 0, lines, 8, classBody.length);
        lines[lines.length - 1] = "}";
        return JavaFileObjects.forSourceLines("t." + simpleName, lines);
    }

    /**
     * Compiles {@code file} (with {@code others}), asserting that it failed with an error
     * containing {@code message} on the line of {@code file} containing {@code line}.
     */
    static Compilation assertError(JavaFileObject file, String message, String line, JavaFileObject... others) {
        JavaFileObject[] all = new JavaFileObject[others.length + 1];
        all[0] = file;
        System.arraycopy(others, 0, all, 1, others.length);
        Compilation c = compile(all);
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining(message).inFile(file).onLineContaining(line);
        return c;
    }

    static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new BatonProcessor()).withOptions("-Xlint:all").compile(sources);
    }

    /** Compiles, asserting success without warnings, and loads the result. */
    static Loaded compileClean(JavaFileObject... sources) {
        Compilation c = compile(sources);
        assertWithMessage(describe(c)).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertWithMessage(describe(c)).that(c.warnings()).isEmpty();
        return new Loaded(c);
    }

    static String describe(Compilation c) {
        StringBuilder s = new StringBuilder("diagnostics:\n");
        c.diagnostics().forEach(d -> s.append(d).append('\n'));
        if (c.status() != Compilation.Status.SUCCESS) {
            return s.toString();
        }
        for (JavaFileObject f : c.generatedSourceFiles()) {
            try {
                s.append("---- ").append(f.getName()).append('\n').append(f.getCharContent(true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return s.toString();
    }

    /** The text of a generated source file, e.g. {@code generated(c, "t.Baton_Foo")}. */
    static String generated(Compilation c, String qualifiedName) {
        return c.generatedSourceFile(qualifiedName).map(f -> {
            try {
                return f.getCharContent(true).toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElseThrow(() -> new AssertionError("not generated: " + qualifiedName + "\n" + describe(c)));
    }

    /** Writes a generated source to the folder named by {@code -Dbaton.dump=DIR}, if given (for reading it). */
    static void dump(String name, String source) {
        String dir = System.getProperty("baton.dump");
        if (dir == null) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            java.nio.file.Files.writeString(java.nio.file.Path.of(dir, "Baton_" + name + ".java"), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classes of a compilation, loaded in their own class loader. */
    static final class Loaded {
        final Compilation compilation;
        final ClassLoader loader;

        Loaded(Compilation compilation) {
            this.compilation = compilation;
            Map<String, byte[]> classes = new HashMap<>();
            for (JavaFileObject f : compilation.generatedFiles()) {
                if (f.getKind() != JavaFileObject.Kind.CLASS) {
                    continue;
                }
                String path = f.toUri().getPath();
                String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                        path.length() - ".class".length()).replace('/', '.');
                try (InputStream in = f.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            this.loader = new ClassLoader(Templates.class.getClassLoader()) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    byte[] bytes = classes.get(name);
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                }
            };
        }

        /** A new instance of {@code t.Baton_<simpleName>}, made with its no-argument constructor. */
        Object instance(String simpleName) {
            try {
                return loader.loadClass("t.Baton_" + simpleName).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        /** Calls the coroutine method {@code method} on a new instance and runs it; see {@link Run}. */
        Run run(String simpleName, String method, Object... args) {
            return Templates.run(() -> call(instance(simpleName), method, args));
        }
    }

    /** Calls a method reflectively, returning the coroutine. */
    static Coroutine<?> call(Object target, String method, Object... args) {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    m.setAccessible(true);
                    return (Coroutine<?>) m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw new AssertionError(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    try {
                        m.setAccessible(true);
                        return (Coroutine<?>) m.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw new AssertionError(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        throw new AssertionError("no method " + method + " on " + target.getClass());
    }

    /** What a run printed, and how it ended. */
    record Run(String output, Object result, Throwable failure) {
        List<String> lines() {
            return output.isEmpty() ? List.of() : List.of(output.split("\n"));
        }
    }

    interface CoroutineSupplier {
        Coroutine<?> get();
    }

    /** Runs the coroutine on a virtual-clock loop, capturing System.out. */
    static synchronized Run run(CoroutineSupplier coroutine) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Object result = null;
        Throwable failure = null;
        System.setOut(capture);
        try {
            result = EventLoop.runVirtual(coroutine.get());
        } catch (Throwable t) {
            failure = t;
        } finally {
            System.setOut(saved);
        }
        return new Run(bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"), result, failure);
    }
}
