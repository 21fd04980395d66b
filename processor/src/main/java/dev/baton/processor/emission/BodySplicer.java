package dev.baton.processor.emission;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the lowered bodies (most of a generated file's text) out of JavaPoet: JavaPoet gets a
 * one-line placeholder for each, and the bodies go into its output afterwards, indented as
 * JavaPoet indents a {@code $L} code block (each non-empty line at the placeholder's
 * indentation, blank lines bare, line breaks as {@code \n}). The output is the same, byte for
 * byte; JavaPoet, which runs its emitter twice per file (to collect imports, then to write) and
 * ClassEmitter runs twice, no longer splits and re-indents every line of every body four
 * times: that was a tenth of javac's time on a module of templates.
 */
final class BodySplicer {
    /** What JavaPoet splits a {@code $L} on. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    /**
     * Around a placeholder's number: a control character no generated text holds (the
     * lowering's line marks, see SourceLines, use characters 1 and 2; this is 3).
     */
    private static final char MARK = '\u0003';
    private static final String PREFIX = MARK + "body";

    private final List<String> bodies = new ArrayList<>();

    /** The text to give JavaPoet in place of {@code body}. */
    String hold(String body) {
        if (body.isEmpty()) {
            return body; // JavaPoet writes nothing for it, and a placeholder would leave a line
        }
        String[] lines = LINE_BREAK.split(body, -1);
        String last = lines[lines.length - 1];
        boolean endsWithBreak = lines.length > 1 && last.isEmpty();
        bodies.add(endsWithBreak ? body.substring(0, body.length() - trailingBreakLength(body)) : body);
        return PREFIX + (bodies.size() - 1) + MARK + (endsWithBreak ? "\n" : "");
    }

    /** {@code source}, JavaPoet's output, with every placeholder replaced by its body. */
    String splice(String source) {
        if (bodies.isEmpty()) {
            return source;
        }
        StringBuilder out = new StringBuilder(source.length() + bodies.stream().mapToInt(String::length).sum() * 2);
        int from = 0;
        int spliced = 0;
        for (int at = source.indexOf(PREFIX); at >= 0; at = source.indexOf(PREFIX, from)) {
            int end = source.indexOf(MARK, at + PREFIX.length());
            int i = Integer.parseInt(source.substring(at + PREFIX.length(), end));
            int lineStart = source.lastIndexOf('\n', at) + 1;
            String indent = source.substring(lineStart, at);
            if (!indent.isBlank()) {
                throw new IllegalStateException("lowered body " + i + " does not start a line");
            }
            out.append(source, from, lineStart);
            String[] lines = LINE_BREAK.split(bodies.get(i), -1);
            for (int l = 0; l < lines.length; l++) {
                if (l > 0) {
                    out.append('\n');
                }
                if (!lines[l].isEmpty()) {
                    out.append(indent).append(lines[l]);
                }
            }
            from = end + 1;
            spliced++;
        }
        if (spliced != bodies.size()) {
            throw new IllegalStateException(spliced + " of " + bodies.size() + " lowered bodies in the generated source");
        }
        return out.append(source, from, source.length()).toString();
    }

    private static int trailingBreakLength(String body) {
        return body.endsWith("\r\n") ? 2 : 1;
    }
}
