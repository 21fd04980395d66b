package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Evaluation order and captures exactly as javac's: a capture copied where the capture happens,
 * and operands converted (string conversion, unboxing, the null check of a bound method
 * reference's receiver, the class initialization of {@code new}) when Java evaluates them, before
 * an await to their right. The oracle is javac ({@link Oracle}): each scenario runs as a coroutine
 * and as plain Java with its awaits taken out, with awaits that suspend and awaits that complete
 * at once.
 */
class EvaluationOrderTest {

    /** Helpers: each awaitable takes {@code suspend} and has a plain twin named ...Now. */
    static final String[] HELPERS = {
        "  Awaitable<Void> pause(boolean suspend) { return later(suspend, null); }",
        "  void pauseNow(boolean suspend) {}",
        "  <T> Awaitable<T> step(boolean suspend, T x) { log(\"step \" + x); return later(suspend, x); }",
        "  <T> T stepNow(boolean suspend, T x) { log(\"step \" + x); return x; }",
        "  @Async <T> Coroutine<T> later(boolean suspend, T x) {",
        "    if (suspend) { await(sleep(0)); }",
        "    return done(x);",
        "  }",
        "  <T> T doneNow(T x) { return x; }",
        "  static void log(Object s) { System.out.println(s); }",
        "  static int use(int x, java.util.function.IntSupplier f) { return x * 100 + f.getAsInt(); }",
        "  static int use(java.util.function.IntSupplier f, int x) { return f.getAsInt() * 100 + x; }",
        "  final Loud field = new Loud(\"field\");"};

    static final String[] LOUD = {
        "package t;",
        "public class Loud {",
        "  final String name;",
        "  public Loud(String name) { this.name = name; }",
        "  @Override public String toString() { System.out.println(\"toString \" + name); return name; }",
        "}"};

    static final String[] ONCE = {
        "package t;",
        "public class Once {",
        "  static { System.out.println(\"Once initialized\"); }",
        "  final int a, b;",
        "  public Once(int a, int b) { this.a = a; this.b = b; System.out.println(\"new Once \" + a + \" \" + b); }",
        "}"};

    static final String[] SCENARIOS = {
        // the issue's first program: a capture of a local assigned in the same line
        "  @Async",
        "  Coroutine<String> captureAfterAssignment(boolean suspend) {",
        "    int v;",
        "    log(\"lambda sees \" + use(v = 5, () -> v));",
        "    int w;",
        "    { w = 7; java.util.function.IntSupplier f = () -> w; log(\"block lambda sees \" + f.getAsInt()); }",
        "    await(pause(suspend));",
        "    return done(\"after await \" + v + \" \" + w);",
        "  }",
        // anonymous and local classes capture the same way; a loop re-declares and re-captures
        "  @Async",
        "  Coroutine<String> captureByClasses(boolean suspend) {",
        "    List<java.util.function.IntSupplier> seen = new ArrayList<>();",
        "    for (int i = 0; i < 3; i++) {",
        "      int a;",
        "      int b;",
        "      if ((a = i * 2) >= 0) seen.add(new java.util.function.IntSupplier() {",
        "        public int getAsInt() { return a; } });",
        "      { b = a + 1; class Local implements java.util.function.IntSupplier {",
        "          public int getAsInt() { return b; } } seen.add(new Local()); }",
        "      await(pause(suspend));",
        "      log(\"iteration \" + a + \" \" + b);",
        "    }",
        "    StringBuilder out = new StringBuilder();",
        "    for (java.util.function.IntSupplier s : seen) out.append(s.getAsInt()).append(',');",
        "    return done(out.toString());",
        "  }",
        // string conversion: the left operand is converted before the await runs
        "  @Async",
        "  Coroutine<String> stringConversion(boolean suspend) {",
        "    StringBuilder sb = new StringBuilder(\"a\");",
        "    log(sb + await(step(suspend, sb.append(\"b\").toString())));",
        "    Loud loud = new Loud(\"loud\");",
        "    log(loud + await(step(suspend, \"x\")));",
        "    log(field + \"-\" + await(step(suspend, \"y\")));",
        "    log(\"z\" + loud + await(step(suspend, 1)) + loud);",
        "    String s = \"s\";",
        "    log(s + 'c' + 1.5 + await(step(suspend, \"w\")));",
        "    char[] chars = {'q'};",
        "    String shown = chars + await(step(suspend, \"\"));",
        "    return done(shown.startsWith(\"[C@\") ? \"array shown as an object\" : shown);",
        "  }",
        // unboxing: a null Integer throws before the await's operand runs
        "  @Async",
        "  Coroutine<String> unboxing(boolean suspend) {",
        "    Integer n = null;",
        "    try { log(n + await(step(suspend, 1))); } catch (NullPointerException e) { log(\"npe +\"); }",
        "    try { log(Math.max(n, await(step(suspend, 2)))); } catch (NullPointerException e) { log(\"npe max\"); }",
        "    try { n += await(step(suspend, 3)); } catch (NullPointerException e) { log(\"npe +=\"); }",
        "    int[] a = {1, 2};",
        "    try { a[n] = await(step(suspend, 4)); } catch (NullPointerException e) { log(\"npe index\"); }",
        "    try { log(n == await(step(suspend, 5))); } catch (NullPointerException e) { log(\"npe ==\"); }",
        "    Integer same = 6;",
        "    log(same == await(step(suspend, 6)));",
        "    Boolean flag = null;",
        "    try { log(flag & await(step(suspend, true))); } catch (NullPointerException e) { log(\"npe &\"); }",
        "    return done(\"n \" + n);",
        "  }",
        // a bound method reference checks its receiver when it is evaluated
        "  @Async",
        "  Coroutine<String> boundMethodReference(boolean suspend) {",
        "    String s = null;",
        "    try { log(use(s::length, await(step(suspend, 1)))); } catch (NullPointerException e) { log(\"npe ref\"); }",
        "    s = \"four\";",
        "    log(use(s::length, await(step(suspend, 2))));",
        "    return done(\"ok\");",
        "  }",
        // class initialization comes before the arguments of new
        "  @Async",
        "  Coroutine<String> classInitialization(boolean suspend) {",
        "    Once once = new Once(1, await(step(suspend, 2)));",
        "    Once again = new Once(3, await(step(suspend, 4)));",
        "    return done(\"made \" + once.a + again.b);",
        "  }",
        // done(...) with an await in its argument is an ordinary call
        "  @Async",
        "  Coroutine<String> doneOfAnAwait(boolean suspend) {",
        "    int r = await(done(await(step(suspend, 2))));",
        "    int s = await(done(1)) + await(done(await(step(suspend, 3)) * 2));",
        "    return done(\"r \" + r + \" s \" + s);",
        "  }",
        // catch (Throwable) around an await: compiles without a redundant cast (the -Werror test below)
        "  @Async",
        "  Coroutine<String> catchThrowable(boolean suspend) {",
        "    try {",
        "      await(pause(suspend));",
        "      throw new IllegalStateException(\"thrown\");",
        "    } catch (Throwable e) {",
        "      await(pause(suspend));",
        "      return done(\"caught \" + e.getMessage());",
        "    }",
        "  }"};

    static List<String> body() {
        List<String> body = new ArrayList<>(Arrays.asList(HELPERS));
        body.addAll(Arrays.asList(SCENARIOS));
        body.addAll(Oracle.plain(Arrays.asList(SCENARIOS)));
        return body;
    }

    static JavaFileObject[] sources() {
        return new JavaFileObject[] {
            Templates.template("Order", body().toArray(new String[0])),
            Templates.source("Loud", LOUD),
            Templates.source("Once", ONCE)};
    }

    @Test
    void everyScenarioEndsAsJavacSaysWithTheAwaitsTakenOut() {
        Templates.Loaded t = Templates.compileClean(sources());
        String generated = Templates.generated(t.compilation, "t.Baton_Order");
        Templates.dump("Order", generated);
        List<String> names = Oracle.coroutineNames(Arrays.asList(SCENARIOS));
        assertThat(names).hasSize(8);
        for (String name : names) {
            for (boolean suspend : new boolean[] {true, false}) {
                Oracle.Outcome expected = Oracle.plain(t.compilation, "Order", name, suspend);
                Oracle.Outcome actual = Oracle.coroutine(t.compilation, "Order", name, suspend);
                assertWithMessage(name + "(" + suspend + ")\n" + generated).that(actual.toString())
                        .isEqualTo(expected.toString());
            }
        }
    }

    @Test
    void theIssuesProgramsPrintWhatJavacPrints() {
        Templates.Loaded t = Templates.compileClean(sources());
        assertThat(Oracle.coroutine(t.compilation, "Order", "captureAfterAssignment", true).toString())
                .isEqualTo("lambda sees 505\nblock lambda sees 7\n=> returned after await 5 7");
        assertThat(Oracle.coroutine(t.compilation, "Order", "stringConversion", true).lines().subList(0, 2))
                .containsExactly("step ab", "aab").inOrder();
        assertThat(Oracle.coroutine(t.compilation, "Order", "unboxing", false).lines().subList(0, 3))
                .containsExactly("npe +", "npe max", "npe +=").inOrder();
        assertThat(Oracle.coroutine(t.compilation, "Order", "boundMethodReference", true).lines().get(0))
                .isEqualTo("npe ref");
        assertThat(Oracle.coroutine(t.compilation, "Order", "classInitialization", true).lines().subList(0, 2))
                .containsExactly("Once initialized", "step 2").inOrder();
    }

    @Test
    void generatedCodeCompilesUnderXlintAllWerror() {
        Compilation c = Compiler.javac().withProcessors(new BatonProcessor()).withOptions("-Xlint:all", "-Werror")
                .compile(sources());
        assertWithMessage(Templates.describe(c)).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(c.diagnostics()).isEmpty();
    }
}
