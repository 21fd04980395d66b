package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Coroutine methods of any size: a body too big for one method is lowered into a dispatch
 * loop split into methods, and no generated method exceeds HotSpot's HugeMethodLimit (8,000
 * bytes of bytecode; a bigger method is never JIT-compiled, and at 64 KB javac refuses it).
 */
class MethodSizeTest {
    /** HotSpot's -XX:HugeMethodLimit. */
    static final int HUGE_METHOD_LIMIT = 8_000;

    /**
     * 3,000 awaits in one method: 150 blocks of the shape measured in issue 10 (an await, an
     * if/else, a loop around a try/finally that awaits), each followed by 18 plain awaits. (The
     * template itself must stay under javac's 64 KB per method: 3,000 awaits made of that shape
     * alone would not compile as plain Java.)
     */
    @Test
    void threeThousandAwaitsInOneMethodCompileAndRun() {
        List<String> body = new ArrayList<>();
        body.add("@Async Coroutine<Integer> step(int i) { await(sleep(0)); return done(i); }");
        body.add("@Async Coroutine<String> huge() {");
        body.add("    int x = 0;");
        body.add("    int y = 0;");
        body.add("    String s = \"\";");
        body.add("    int[] z = new int[4];");
        int x = 0;
        int y = 0;
        StringBuilder s = new StringBuilder();
        int[] z = new int[4];
        int awaits = 0;
        for (int i = 0; i < 150; i++) {
            body.add("    x += await(step(" + i + "));");
            body.add("    if (x % 3 == 0) { s = s + \"a\" + x; } else { z[" + i + " % 4] += x; }");
            body.add("    for (int k = 0; k < 2; k++) { try { y += await(step(k)); } finally { y++; } }");
            awaits += 2;
            x += i;
            if (x % 3 == 0) {
                s.append('a').append(x);
            } else {
                z[i % 4] += x;
            }
            for (int k = 0; k < 2; k++) {
                y += k;
                y++;
            }
            for (int q = 0; q < 18; q++) {
                int v = (i * 18 + q) % 10;
                body.add("    x += await(step(" + v + "));");
                awaits++;
                x += v;
            }
        }
        body.add("    return done(x + \" \" + y + \" \" + s.length() + \" \" + z[0] + \",\" + z[1] + \",\" + z[2] + \",\""
                + " + z[3]);");
        body.add("}");
        assertThat(awaits).isEqualTo(3_000);

        Templates.Loaded loaded = Templates.compileClean(Templates.template("Huge", body.toArray(new String[0])));
        Map<String, Integer> sizes = methodSizes(loaded);
        assertWithMessage("the huge body is split into methods").that(sizes.keySet().stream()
                .filter(m -> m.contains("huge$resume$")).count()).isGreaterThan(10L);
        assertUnderLimit(sizes);

        Templates.Run run = loaded.run("Huge", "huge");
        assertWithMessage(String.valueOf(run.failure())).that(run.failure()).isNull();
        assertThat(run.result()).isEqualTo(x + " " + y + " " + s.length() + " " + z[0] + "," + z[1] + "," + z[2] + ","
                + z[3]);
    }

    /**
     * A split body keeps Java's semantics across its methods: exceptions caught by catches in
     * other methods (through the cut exception table), finallies that await and that do not,
     * nested and side by side (their completion records shared between siblings), a break
     * through a finally, and a return through two.
     */
    @Test
    void splitBodyKeepsExceptionsJumpsAndFinallies() {
        List<String> body = new ArrayList<>();
        body.add("@Async Coroutine<Integer> step(int i) { await(sleep(0)); return done(i); }");
        body.add("@Async Coroutine<String> big() {");
        body.add("    StringBuilder log = new StringBuilder();");
        body.add("    int x = 0;");
        body.add("    int y = 0;");
        body.add("    try {");
        int x = 0;
        int y = 0;
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            body.add("        try {");
            body.add("            x += await(step(" + i + "));");
            body.add("            if (x % 5 == 0) { throw new IllegalStateException(\"b" + i + "\"); }");
            body.add("        } catch (IllegalStateException e) {");
            body.add("            log.append(e.getMessage()).append(' ');");
            body.add("        } finally {");
            body.add(i % 2 == 0 ? "            y += await(step(1));" : "            y += 2;");
            body.add("        }");
            x += i;
            if (x % 5 == 0) {
                log.append("b").append(i).append(' ');
            }
            y += i % 2 == 0 ? 1 : 2;
        }
        body.add("        outer: for (int r = 0; r < 3; r++) {");
        body.add("            try { if (r == 1) { break outer; } y += await(step(10)); } finally { y += 100; }");
        body.add("        }");
        y += 10 + 100 + 100;
        body.add("        try { return done(log + \"x=\" + x + \" y=\" + y); } finally { await(step(0)); "
                + "System.out.println(\"inner finally\"); }");
        body.add("    } finally {");
        body.add("        System.out.println(\"outer finally\");");
        body.add("    }");
        body.add("}");

        Templates.Loaded loaded = Templates.compileClean(Templates.template("Big", body.toArray(new String[0])));
        Map<String, Integer> sizes = methodSizes(loaded);
        assertWithMessage("the body is split into methods").that(sizes.keySet().stream()
                .filter(m -> m.contains("big$resume$catch")).count()).isGreaterThan(0L);
        assertUnderLimit(sizes);

        Templates.Run run = loaded.run("Big", "big");
        assertWithMessage(String.valueOf(run.failure())).that(run.failure()).isNull();
        assertThat(run.result()).isEqualTo(log + "x=" + x + " y=" + y);
        assertThat(run.lines()).containsExactly("inner finally", "outer finally").inOrder();
    }

    /**
     * Straight-line code between two awaits too big for one method: it is cut into states, the
     * locals that cross a cut move to fields, and a lambda still captures a local's value.
     */
    @Test
    void longStraightLineCodeIsCutIntoStates() {
        List<String> body = new ArrayList<>();
        body.add("@Async Coroutine<Integer> step(int i) { await(sleep(0)); return done(i); }");
        body.add("@Async Coroutine<String> straight() {");
        body.add("    int x = await(step(3));");
        body.add("    final int first = x * 7;");
        body.add("    java.util.function.IntSupplier early = () -> first + 1;");
        for (int i = 0; i < 800; i++) {
            body.add("    int a" + i + " = x * " + (i % 13) + " + " + i + ";");
            body.add("    x = (x + a" + i + ") % 1000003;");
        }
        body.add("    int last = await(step(x % 10));");
        body.add("    return done((x + last) + \" \" + a0 + \" \" + a799 + \" \" + early.getAsInt());");
        body.add("}");

        Templates.Loaded loaded = Templates.compileClean(Templates.template("Straight", body.toArray(new String[0])));
        assertUnderLimit(methodSizes(loaded));

        long y = 3;
        long first = y * 7;
        long a0 = 0;
        long a799 = 0;
        for (int i = 0; i < 800; i++) {
            long a = y * (i % 13) + i;
            if (i == 0) {
                a0 = a;
            }
            if (i == 799) {
                a799 = a;
            }
            y = (y + a) % 1000003;
        }
        Templates.Run run = loaded.run("Straight", "straight");
        assertWithMessage(String.valueOf(run.failure())).that(run.failure()).isNull();
        assertThat(run.result()).isEqualTo((y + y % 10) + " " + a0 + " " + a799 + " " + (first + 1));
    }

    static void assertUnderLimit(Map<String, Integer> sizes) {
        for (Map.Entry<String, Integer> m : sizes.entrySet()) {
            assertWithMessage("bytecode of " + m.getKey()).that(m.getValue()).isLessThan(HUGE_METHOD_LIMIT);
        }
    }

    /** Every generated method's bytecode length, keyed by class, name and descriptor. */
    static Map<String, Integer> methodSizes(Templates.Loaded loaded) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (JavaFileObject f : loaded.compilation.generatedFiles()) {
            if (f.getKind() != JavaFileObject.Kind.CLASS || !f.getName().contains("Baton_")) {
                continue;
            }
            try (InputStream in = f.openInputStream()) {
                ClassFileMethods.codeLengths(in.readAllBytes())
                        .forEach((method, length) -> sizes.put(f.getName() + " " + method, length));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(sizes).isNotEmpty();
        return sizes;
    }
}
