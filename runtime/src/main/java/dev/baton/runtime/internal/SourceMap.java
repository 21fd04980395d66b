package dev.baton.runtime.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the code of one generated class comes from: for each of its coroutines, the template
 * line of each state (where the coroutine resumes, so where it is suspended), and for each
 * generated line that holds template code, the template line and coroutine it comes from.
 * The processor emits one per generated class, as a constant; the runtime reads it only to
 * describe a task or to put an exception's stack trace on the template's lines, never on a
 * path that throws nothing.
 *
 * <p>The generated lines are keyed by line alone, so a coroutine whose body the processor
 * split over several methods maps the same.
 */
public final class SourceMap {
    /** The maps made so far, by generated class: to put a frame met in a stack walk on its template's line. */
    private static final ConcurrentHashMap<String, SourceMap> BY_CLASS = new ConcurrentHashMap<>();

    private final String templateClass;
    private final String fileName;
    private final String generatedClass;
    private final String[] encodedLines;
    private final Coroutine[] coroutines;
    /** Sorted generated lines, and for each, its template line and coroutine index; parsed on first use. */
    private int[] generated, template, coroutineOf;

    /**
     * @param templateClass the template's binary name, as stack traces show it ({@code m.Boom})
     * @param fileName the template's file name ({@code Boom.java})
     * @param generatedClass the generated class's binary name ({@code m.Baton_Boom})
     * @param lines triples of numbers, space-separated and cut in chunks (a string constant is
     *     limited in size): a generated line, its template line and the index of its coroutine
     *     in {@code coroutines}, by increasing generated line
     * @param coroutines one per coroutine: its method name, then the template line of each of
     *     its states, space-separated ({@code "parse 12 13 15"})
     */
    public SourceMap(String templateClass, String fileName, String generatedClass, String[] lines,
            String... coroutines) {
        this.templateClass = templateClass;
        this.fileName = fileName;
        this.generatedClass = generatedClass;
        this.encodedLines = lines;
        this.coroutines = new Coroutine[coroutines.length];
        for (int i = 0; i < coroutines.length; i++) {
            this.coroutines[i] = new Coroutine(this, coroutines[i]);
        }
        BY_CLASS.put(generatedClass, this);
    }

    /**
     * {@code frame} on its template's line if it is a line of a generated class whose map is
     * made already (any coroutine of it was described, or made in debug mode); else {@code frame}.
     */
    public static StackTraceElement onTemplateLine(StackTraceElement frame) {
        SourceMap map = BY_CLASS.get(frame.getClassName());
        StackTraceElement mapped = map == null ? null : map.frameAt(frame.getLineNumber());
        return mapped != null ? mapped : frame;
    }

    /** The coroutine at {@code index} (the generated machine's). */
    public Coroutine coroutine(int index) {
        return coroutines[index];
    }

    /** The generated class's binary name. */
    public String generatedClass() {
        return generatedClass;
    }

    /**
     * The template frame for a generated line, or null if the line holds no template code.
     */
    public StackTraceElement frameAt(int generatedLine) {
        int[] g = generatedLines();
        int i = Arrays.binarySearch(g, generatedLine);
        if (i < 0) {
            return null;
        }
        return new StackTraceElement(templateClass, coroutines[coroutineOf[i]].method, fileName, template[i]);
    }

    private synchronized int[] generatedLines() {
        if (generated == null) {
            String joined = String.join(" ", encodedLines).trim();
            String[] parts = joined.isEmpty() ? new String[0] : joined.split(" +");
            int n = parts.length / 3;
            int[] g = new int[n], t = new int[n], c = new int[n];
            for (int i = 0; i < n; i++) {
                g[i] = Integer.parseInt(parts[3 * i]);
                t[i] = Integer.parseInt(parts[3 * i + 1]);
                c[i] = Integer.parseInt(parts[3 * i + 2]);
            }
            template = t;
            coroutineOf = c;
            generated = g;
        }
        return generated;
    }

    /** One coroutine method of the template. */
    public static final class Coroutine {
        private final SourceMap map;
        private final String method;
        private final int[] stateLines;

        Coroutine(SourceMap map, String encoded) {
            this.map = map;
            String[] parts = encoded.split(" ");
            this.method = parts[0];
            this.stateLines = new int[parts.length - 1];
            for (int i = 1; i < parts.length; i++) {
                stateLines[i - 1] = Integer.parseInt(parts[i]);
            }
        }

        /** The map of the generated class this coroutine is in. */
        public SourceMap map() {
            return map;
        }

        /** The template method's name. */
        public String method() {
            return method;
        }

        /** {@code Boom.parse()}: the template's simple name and the method, as a task shows it. */
        public String describe() {
            String simple = map.templateClass.substring(map.templateClass.lastIndexOf('.') + 1);
            return simple + "." + method + "()";
        }

        /** The template's file name. */
        public String fileName() {
            return map.fileName;
        }

        /** The template line where state {@code state} resumes, or -1 if unknown. */
        public int line(int state) {
            return state >= 0 && state < stateLines.length ? stateLines[state] : -1;
        }

        /** The frame of this coroutine suspended so as to resume in {@code state}. */
        public StackTraceElement frame(int state) {
            return new StackTraceElement(map.templateClass, method, map.fileName, line(state));
        }
    }
}
