package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated code users can live with, on a template that uses every construct Baton
 * supports: byte-identical on every build, clean under {@code -Xlint:all -Werror}, states
 * commented with the template line they come from, hoisted locals under their own names.
 */
class GeneratedCodeTest {

    /** Every construct at once: envelopes, generics, nesting, control flow, try, switch, expressions. */
    static JavaFileObject everything() {
        return JavaFileObjects.forSourceLines("t.Everything",
                "package t;",
                "",
                "import static dev.baton.runtime.Baton.*;",
                "",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "import java.util.ArrayList;",
                "import java.util.List;",
                "import java.util.function.Supplier;",
                "",
                "public abstract class Everything<T extends Comparable<T>> {",
                "    static final String PREFIX = \">\";",
                "    final Lock lock = new Lock();",
                "    final Semaphore permits = new Semaphore(2);",
                "    final Condition changed = new Condition();",
                "    final Event ready = new Event();",
                "    final Queue<T> items = new Queue<>();",
                "    final List<String> log = new ArrayList<>();",
                "",
                "    protected Everything() {}",
                "",
                "    public Everything(String first) {",
                "        log.add(first);",
                "    }",
                "",
                "    String describe(Object o) {",
                "        return PREFIX + o;",
                "    }",
                "",
                "    @Async",
                "    Coroutine<Integer> value(int x) {",
                "        await(sleep(0));",
                "        return done(x);",
                "    }",
                "",
                "    @AwaitsEvent(\"ready\")",
                "    @Guarded(\"lock\")",
                "    @Guarded(\"permits\")",
                "    Coroutine<String> guarded(String who) {",
                "        log.add(who);",
                "        await(sleep(0.1));",
                "        return done(describe(who));",
                "    }",
                "",
                "    @Consumes(value = \"items\", workers = 2)",
                "    Coroutine<Void> each(T item) {",
                "        var text = String.valueOf(item);",
                "        await(sleep(0));",
                "        log.add(text);",
                "        return done();",
                "    }",
                "",
                "    @Async @SuppressWarnings(\"fallthrough\")",
                "    <U extends T> Coroutine<List<String>> control(U[] array, List<U> list, int n) {",
                "        int total = 0;",
                "        outer:",
                "        for (int i = 0; i < n; i++) {",
                "            int j = 0;",
                "            while (j < i) {",
                "                j += await(value(1));",
                "                if (j == 3) {",
                "                    continue outer;",
                "                }",
                "            }",
                "            do {",
                "                total += await(value(j)) * 2;",
                "            } while (total < 0);",
                "            if (total > 100) {",
                "                break outer;",
                "            }",
                "        }",
                "        for (U u : array) {",
                "            log.add(describe(u) + await(value(total)));",
                "        }",
                "        for (U u : list) {",
                "            switch (u.hashCode() % 3) {",
                "                case 0:",
                "                    await(sleep(0));",
                "                case 1:",
                "                    log.add(\"one\");",
                "                    break;",
                "                default:",
                "                    log.add(\"other\");",
                "            }",
                "            String kind = switch (u.hashCode() % 2) {",
                "                case 0 -> \"even\";",
                "                default -> \"odd\" + await(value(1));",
                "            };",
                "            log.add(kind);",
                "        }",
                "        return done(log);",
                "    }",
                "",
                "    @Async",
                "    Coroutine<String> errors(boolean fail) throws Exception {",
                "        StringBuilder out = new StringBuilder();",
                "        try (AutoCloseable resource = () -> out.append(\"closed;\")) {",
                "            try {",
                "                if (fail && await(value(1)) == resource.hashCode() * 0 + 1) {",
                "                    throw new IllegalStateException(\"boom\");",
                "                }",
                "                out.append(await(value(2)) > 1 ? \"big;\" : \"small;\");",
                "            } catch (IllegalStateException e) {",
                "                out.append(e.getMessage()).append(';');",
                "                await(sleep(0));",
                "            } finally {",
                "                await(changed.acquire());",
                "                try {",
                "                    changed.notifyAllWaiters();",
                "                } finally {",
                "                    changed.release();",
                "                }",
                "            }",
                "        }",
                "        Supplier<String> later = () -> out + \"|\" + this.log.size() + \"|\" + Everything.this.log.size();",
                "        await(sleep(0));",
                "        return done(later.get());",
                "    }",
                "",
                "    @Async",
                "    Coroutine<String> patterns(Object o) {",
                "        if (o instanceof List<?> l && await(value(l.size())) > 0 && l.get(0) instanceof String first) {",
                "            await(sleep(0));",
                "            return done(first + l.size());",
                "        }",
                "        if (!(o instanceof CharSequence text)) {",
                "            return done(\"none\");",
                "        }",
                "        await(sleep(0));",
                "        return done(text.toString());",
                "    }",
                "",
                "    public abstract static class Nested {",
                "        @Async",
                "        Coroutine<String> hello() {",
                "            String greeting = \"hello\";",
                "            await(sleep(0));",
                "            return done(PREFIX + greeting);",
                "        }",
                "    }",
                "}");
    }

    private static Compilation compileStrict(JavaFileObject source) {
        return Compiler.javac().withProcessors(new BatonProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(source);
    }

    @Test
    void everyConstructCompilesUnderXlintAllWerror() {
        Compilation c = compileStrict(everything());
        assertWithMessage(Templates.describe(c)).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void everyConstructGivesByteIdenticalOutputOnEveryBuild() {
        Compilation first = compileStrict(everything());
        Compilation second = compileStrict(everything());
        Compilation third = Templates.compile(everything());
        for (String name : new String[] {"t.Baton_Everything", "t.Baton_Everything_Nested"}) {
            String a = Templates.generated(first, name);
            assertThat(Templates.generated(second, name)).isEqualTo(a);
            assertThat(Templates.generated(third, name)).isEqualTo(a);
        }
    }

    @Test
    void statesAreCommentedWithTheirTemplateLineAndLocalsKeepTheirNames() {
        String code = Templates.generated(compileStrict(everything()), "t.Baton_Everything");
        // each state after an await says where it resumes, as "File.java:line: source line": the
        // awaiting statement when the state finishes it, else the statement after the await
        for (String resumed : new String[] {"return done(describe(who));", "j += await(value(1));",
                "total += await(value(j)) * 2;",
                "default -> \"odd\" + await(value(1));"}) {
            assertThat(code).contains("// Everything.java:" + lineOf(resumed) + ": " + resumed);
        }
        assertThat(code).contains("// Everything.java:" + (lineOf("await(changed.acquire());") + 1) + ": try {");
        // the envelope's states name their annotation
        assertThat(code).contains("// @AwaitsEvent(\"ready\")");
        assertThat(code).contains("// @Guarded(\"lock\")");
        assertThat(code).contains("// @Guarded(\"permits\")");
        // hoisted locals and parameters are fields under their own names, with where they come from
        for (String field : new String[] {"int total;", "int j;", "int i;", "java.lang.String text;",
                "java.lang.StringBuilder out;", "java.lang.String who;", "U[] array;", "int n;"}) {
            assertThat(code).contains(field);
        }
        assertThat(code).contains("local, Everything.java:" + lineOf("int total = 0;"));
        for (String field : new String[] {"java.util.List<?> l;", "java.lang.String first;",
                "java.lang.CharSequence text;"}) {
            assertThat(code).contains(field);
        }
        assertThat(code).contains("pattern variable, Everything.java:" + lineOf("if (!(o instanceof CharSequence"));
        // every comment line points into the template
        Matcher m = Pattern.compile("// Everything\\.java:(\\d+): (.*)").matcher(code);
        String[] lines = everythingLines();
        int count = 0;
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            assertThat(lines[line - 1].strip()).isEqualTo(m.group(2));
            count++;
        }
        assertThat(count).isGreaterThan(10);
    }

    /** The 1-based line of the template that contains {@code text}, which must be unique. */
    private static int lineOf(String text) {
        String[] lines = everythingLines();
        int found = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                assertWithMessage("more than one line contains " + text).that(found).isEqualTo(-1);
                found = i + 1;
            }
        }
        assertWithMessage("no line contains " + text).that(found).isGreaterThan(0);
        return found;
    }

    private static String[] everythingLines() {
        try {
            return everything().getCharContent(true).toString().split("\n", -1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
