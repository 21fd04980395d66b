package dev.baton.processor.lowering;

/**
 * Marks in generated text which template line each generated line comes from, so that the
 * generated class can carry a table from its lines to the template's (the runtime puts stack
 * traces on the template's lines with it). A mark is {@code \u0001line\u0002} at the end of a
 * line, before its newline; {@link dev.baton.processor.emission.ClassEmitter} reads the marks
 * once the file is laid out, and takes them out.
 */
public final class SourceLines {
    /** Opens a mark. */
    public static final char OPEN = '\u0001';
    /** Closes a mark. */
    public static final char CLOSE = '\u0002';

    private SourceLines() {}

    /**
     * Marks each line of {@code text} that has no mark yet: the first with {@code line}, the
     * k-th after it with {@code line + k} when {@code consecutive} (text copied from the
     * template), else with {@code line}. The last line is marked only when {@code markLast}.
     */
    static String mark(String text, int line, boolean consecutive, boolean markLast) {
        if (line <= 0 || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int k = 0;
        int from = 0;
        while (true) {
            int nl = text.indexOf('\n', from);
            String l = nl < 0 ? text.substring(from) : text.substring(from, nl);
            out.append(l);
            if ((nl >= 0 || markLast) && l.indexOf(OPEN) < 0 && !l.isBlank()) {
                out.append(OPEN).append(consecutive ? line + k : line).append(CLOSE);
            }
            if (nl < 0) {
                return out.toString();
            }
            out.append('\n');
            from = nl + 1;
            k++;
        }
    }
}
