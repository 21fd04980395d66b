package dev.baton.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded output of the Python twins under {@code src/test/resources/twins/}: each
 * {@code .txt} is what CPython 3.13 printed for the {@code .py} beside it, split into
 * sections by lines {@code == name}.
 */
final class Twins {
    private Twins() {}

    /** The lines CPython printed for scenario {@code name} of twin {@code file} (e.g. "core/run_once"). */
    static List<String> section(String file, String name) {
        List<String> lines = sections(file).get(name);
        if (lines == null) {
            throw new AssertionError("no section '" + name + "' in twins/" + file + ".txt");
        }
        return lines;
    }

    static Map<String, List<String>> sections(String file) {
        String resource = "/twins/" + file + ".txt";
        try (InputStream in = Twins.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource);
            }
            Map<String, List<String>> sections = new LinkedHashMap<>();
            List<String> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("== ")) {
                    current = new ArrayList<>();
                    sections.put(line.substring(3), current);
                } else if (current != null && !line.isEmpty()) {
                    current.add(line);
                }
            }
            return sections;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The twins' {@code fmt}: a cancellation as {@code cancelled(msg)}, an exception as {@code error(msg)}. */
    static String fmt(Object x) {
        if (x instanceof CancelledException) {
            return "cancelled(" + message((Throwable) x) + ")";
        }
        if (x instanceof Throwable) {
            return "error(" + message((Throwable) x) + ")";
        }
        return String.valueOf(x);
    }

    /** The twins' {@code fmt_list}: {@code [a, error(b)]}. */
    static String fmtList(List<?> xs) {
        StringBuilder s = new StringBuilder("[");
        for (Object x : xs) {
            if (s.length() > 1) {
                s.append(", ");
            }
            s.append(fmt(x));
        }
        return s.append(']').toString();
    }

    /** Python's {@code str(exc)}: the message, or "" when there is none. */
    static String message(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage();
    }

    /** Python's {@code str(bool)}. */
    static String py(boolean b) {
        return b ? "True" : "False";
    }

    /** Asserts that {@code out} printed exactly section {@code name} of twin {@code file}. */
    static void assertTranscript(String file, String name, Transcript out) {
        assertEquals(String.join("\n", section(file, name)), String.join("\n", out.lines()),
                "transcript of " + file + " / " + name);
    }

    /** Python's {@code str()} of a value: True/False, None, lists as {@code [1, 'a']}. */
    static String py(Object value) {
        if (value instanceof Boolean) {
            return py(((Boolean) value).booleanValue());
        }
        if (value == null) {
            return "None";
        }
        if (value instanceof Collection) {
            StringBuilder s = new StringBuilder("[");
            String sep = "";
            for (Object element : (Collection<?>) value) {
                s.append(sep).append(element instanceof String ? "'" + element + "'" : py(element));
                sep = ", ";
            }
            return s.append(']').toString();
        }
        return String.valueOf(value);
    }

    /** What a test printed, line by line, as Python's {@code print(*parts)} would. */
    static final class Transcript {
        private final List<String> lines = new ArrayList<>();

        void print(Object... parts) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    s.append(' ');
                }
                s.append(py(parts[i]));
            }
            lines.add(s.toString());
        }

        List<String> lines() {
            return lines;
        }
    }

    /**
     * The twins' {@code describe(e)}: Python's exception class names for Baton's
     * ({@code IllegalArgumentException} is ValueError, {@code IllegalStateException}
     * RuntimeError), with the message; a timeout says whether its cause is a cancellation.
     */
    static String describe(Throwable e) {
        if (e instanceof ExceptionGroup) {
            StringBuilder s = new StringBuilder("ExceptionGroup(" + e.getMessage() + ") [");
            List<Throwable> exceptions = ((ExceptionGroup) e).exceptions();
            for (int i = 0; i < exceptions.size(); i++) {
                s.append(i > 0 ? ", " : "").append(describe(exceptions.get(i)));
            }
            return s.append(']').toString();
        }
        if (e instanceof TimeoutException) {
            Throwable cause = e.getCause();
            return "TimeoutError cause " + (cause instanceof CancelledException ? "cancelled" : String.valueOf(cause));
        }
        String name = e instanceof CancelledException ? "CancelledError"
                : e instanceof IllegalArgumentException ? "ValueError"
                : e instanceof IllegalStateException ? "RuntimeError"
                : e.getClass().getSimpleName();
        return name + "(" + message(e) + ")";
    }
}
