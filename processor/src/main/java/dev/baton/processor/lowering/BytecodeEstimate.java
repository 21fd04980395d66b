package dev.baton.processor.lowering;

/**
 * A cheap upper estimate of the bytecode that a piece of generated Java compiles to, from its
 * text: the dispatch loop is split into methods by it, so that none exceeds HotSpot's
 * {@code -XX:HugeMethodLimit} (8,000 bytes; a bigger method is never JIT-compiled). Most
 * tokens compile to one instruction of one to three bytes, and a qualified name to one
 * constant-pool reference, so the estimate counts tokens (the segments of a dotted name as
 * one), with literals weighed more, as each usually stands for a push and a store (array
 * initializers). Comments and white space cost nothing.
 */
final class BytecodeEstimate {
    /** Bytes per token: above what javac emits for the code the lowering writes. */
    private static final int BYTES_PER_TOKEN = 2;
    /** A literal costs this many tokens: a push (up to three bytes) and, in an initializer, a store. */
    private static final int LITERAL = 3;

    private BytecodeEstimate() {}

    /** The estimated bytes of {@code text}, Java code. */
    static int of(String text) {
        int tokens = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '.' || c == ';' || c == '{' || c == '}') {
                i++; // separators: no instruction of their own (a dotted name is one reference)
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = indexOf(text, "*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == SourceLines.OPEN) {
                int end = text.indexOf(SourceLines.CLOSE, i + 1);
                i = end < 0 ? n : end + 1; // a mark of the line table (see SourceLines): no code
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(text, i, c);
                tokens += LITERAL;
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && (Character.isJavaIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens++;
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || text.charAt(i) == '_')) {
                    i++;
                }
                tokens += LITERAL;
            } else {
                i++;
                tokens++; // an operator or a bracket: an instruction, or part of one
            }
        }
        return tokens * BYTES_PER_TOKEN;
    }

    private static int skipQuoted(String text, int at, char quote) {
        int n = text.length();
        if (quote == '"' && at + 2 < n && text.charAt(at + 1) == '"' && text.charAt(at + 2) == '"') {
            int end = indexOf(text, "\"\"\"", at + 3); // a text block
            return end < 0 ? n : end + 3;
        }
        int i = at + 1;
        while (i < n && text.charAt(i) != quote && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(n, i + 1);
    }

    private static int indexOf(String text, String what, int from) {
        return text.indexOf(what, from);
    }
}
