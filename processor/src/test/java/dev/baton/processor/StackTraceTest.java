package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stack traces on the template's lines: the throwing coroutine's frame names the template's
 * method, file and line, then one frame per awaiting coroutine at its await, inline and across
 * tasks; the exception is the one thrown. Also the task dump's frames and
 * {@code Task.toString()}.
 */
class StackTraceTest {
    // the class body starts on line 9 of the file (see Templates.template)
    private static final Templates.Loaded BOOM = compileClean(template("Boom",
            "  public static Throwable thrown;",                             // 9
            "  @Async",                                                      // 10
            "  Coroutine<Integer> parse(String s, boolean suspend) {",       // 11
            "    if (suspend) await(sleep(0.1));",                           // 12
            "    if (s.equals(\"same\")) throw (RuntimeException) (thrown = new IllegalStateException(\"same\"));", // 13
            "    int n = Integer.parseInt(s);",                              // 14
            "    return done(n);",                                           // 15
            "  }",                                                           // 16
            "  @Async",                                                      // 17
            "  Coroutine<Integer> total(String s, boolean suspend) {",       // 18
            "    int t =",                                                   // 19
            "        await(parse(s, suspend));",                             // 20
            "    return done(t + 1);",                                       // 21
            "  }",                                                           // 22
            "  @Async",                                                      // 23
            "  Coroutine<Integer> main(String s, boolean suspend) {",        // 24
            "    System.out.println(\"main\");",                             // 25
            "    return done(await(total(s, suspend)));",                    // 26
            "  }",                                                           // 27
            "  @Async",                                                      // 28
            "  Coroutine<Integer> viaTask(String s) {",                      // 29
            "    Task<Integer> worker = spawn(total(s, true), \"worker\");",  // 30
            "    await(sleep(0));",                                          // 31
            "    return done(await(worker));",                               // 32
            "  }",                                                           // 33
            "  @Async",                                                      // 34
            "  Coroutine<String> dump() {",                                  // 35
            "    Task<Integer> worker = spawn(total(\"1\", true), \"worker\");", // 36
            "    await(sleep(0));",                                          // 37
            "    String text = worker.toString() + \"\\n\" + EventLoop.current().dumpTasks();", // 38
            "    await(worker);",                                            // 39
            "    return done(text);",                                        // 40
            "  }"));

    private static List<String> templateFrames(Throwable t) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("t.")) {
                out.add(e.toString());
            }
        }
        return out;
    }

    private static void assertNoGeneratedFrame(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            assertThat(e.getClassName()).doesNotContain("Baton_");
            assertThat(e.getClassName()).doesNotContain("$Machine");
            assertThat(e.getClassName()).isNotEqualTo("dev.baton.runtime.internal.StateMachine");
        }
    }

    @Test
    void afterASuspensionEveryAwaitingCoroutineHasAFrameAtItsAwait() {
        Throwable failure = BOOM.run("Boom", "main", "x", true).failure();
        assertThat(failure).isInstanceOf(NumberFormatException.class);
        assertThat(templateFrames(failure)).containsExactly(
                "t.Boom.parse(Boom.java:14)", "t.Boom.total(Boom.java:20)", "t.Boom.main(Boom.java:26)").inOrder();
        assertNoGeneratedFrame(failure);
        // the frames of parseInt come first, then the template's, then the loop's
        List<StackTraceElement> frames = Arrays.asList(failure.getStackTrace());
        int parse = frames.indexOf(new StackTraceElement("t.Boom", "parse", "Boom.java", 14));
        assertThat(frames.get(parse - 1).getClassName()).isEqualTo("java.lang.Integer");
        assertThat(frames.get(parse + 3).getClassName()).startsWith("dev.baton.runtime.");
    }

    @Test
    void inTheFirstStepRunInline() {
        Throwable failure = BOOM.run("Boom", "main", "x", false).failure();
        assertThat(templateFrames(failure)).containsExactly(
                "t.Boom.parse(Boom.java:14)", "t.Boom.total(Boom.java:20)", "t.Boom.main(Boom.java:26)").inOrder();
        assertNoGeneratedFrame(failure);
    }

    @Test
    void aTaskAwaitingAFailedTaskAddsItsAwait() {
        Throwable failure = BOOM.run("Boom", "viaTask", "x").failure();
        assertThat(templateFrames(failure)).containsExactly(
                "t.Boom.parse(Boom.java:14)", "t.Boom.total(Boom.java:20)", "t.Boom.viaTask(Boom.java:32)").inOrder();
        assertNoGeneratedFrame(failure);
    }

    @Test
    void theExceptionIsTheOneThrown() throws Exception {
        Throwable failure = BOOM.run("Boom", "main", "same", true).failure();
        Object thrown = BOOM.loader.loadClass("t.Boom").getDeclaredField("thrown").get(null);
        assertThat(failure).isSameInstanceAs(thrown);
        assertThat(failure.getCause()).isNull();
        assertThat(templateFrames(failure)).containsExactly(
                "t.Boom.parse(Boom.java:13)", "t.Boom.total(Boom.java:20)", "t.Boom.main(Boom.java:26)").inOrder();
    }

    @Test
    void aStateIsNamedAfterTheStatementItResumesAt() {
        String source = Templates.generated(BOOM.compilation, "t.Baton_Boom");
        assertThat(source).contains("// Boom.java:13: if (s.equals(\"same\"))");
        assertThat(source).contains("case 1: { // Boom.java:20: await(parse(s, suspend));");
        assertThat(source).contains("case 2: { // Boom.java:13: if (s.equals(\"same\"))");
    }

    /** Awaits in {@code big} between its first statement and its parseInt: enough to split its resume method. */
    private static final int AWAITS = 250;

    /**
     * A body too big for one resume method: its states are split over several methods of the
     * generated class, and a frame in any of them maps to the template's line. The class body
     * starts on line 9: {@code step} on 9, {@code big} on 10, its first check on 12, its awaits
     * on 13 to {@code 12 + AWAITS}, its parseInt on {@code 13 + AWAITS}; {@code outer}'s await
     * four lines below.
     */
    private static final Templates.Loaded BIG = compileClean(template("Big", big()));

    private static String[] big() {
        List<String> body = new ArrayList<>();
        body.add("  @Async Coroutine<Integer> step(int i) { await(sleep(0)); return done(i + 1); }");
        body.add("  @Async Coroutine<Integer> big(String s) {");
        body.add("    int n = 0;");
        body.add("    if (s.isEmpty()) throw new IllegalArgumentException(\"empty\");");
        for (int i = 0; i < AWAITS; i++) {
            body.add("    n = await(step(n));");
        }
        body.add("    int v = Integer.parseInt(s);");
        body.add("    return done(n + v);");
        body.add("  }");
        body.add("  @Async Coroutine<Integer> outer(String s) {");
        body.add("    int r = await(big(s));");
        body.add("    return done(r);");
        body.add("  }");
        return body.toArray(new String[0]);
    }

    @Test
    void aFrameInAMethodOfASplitBodyMapsToo() {
        String source = Templates.generated(BIG.compilation, "t.Baton_Big");
        assertThat(source).contains("big$resume$0(");
        int parse = 13 + AWAITS;
        int outer = parse + 4;
        // thrown in the last group, after the awaits
        Throwable late = BIG.run("Big", "outer", "x").failure();
        assertThat(late).isInstanceOf(NumberFormatException.class);
        assertThat(templateFrames(late)).containsExactly(
                "t.Big.big(Big.java:" + parse + ")", "t.Big.outer(Big.java:" + outer + ")").inOrder();
        assertNoGeneratedFrame(late);
        // thrown in the first group, inline in outer's first step
        Throwable early = BIG.run("Big", "outer", "").failure();
        assertThat(early).isInstanceOf(IllegalArgumentException.class);
        assertThat(templateFrames(early)).containsExactly(
                "t.Big.big(Big.java:12)", "t.Big.outer(Big.java:" + outer + ")").inOrder();
        assertNoGeneratedFrame(early);
        assertThat(BIG.run("Big", "outer", "7").result()).isEqualTo(AWAITS + 7);
    }

    /**
     * A coroutine method inherited from another template runs {@code Baton_Base}'s shared body
     * on the subclass's instance: its frames are the base template's lines, its caller's the
     * subclass's.
     */
    @Test
    void anInheritedCoroutineShowsTheLinesOfTheTemplateThatWroteIt() {
        Templates.Loaded t = compileClean(template("Base",
                "  @Async",                                                  // 9
                "  public Coroutine<Integer> parse(String s) {",             // 10
                "    await(sleep(0));",                                      // 11
                "    return done(Integer.parseInt(s));",                     // 12
                "  }"),
                com.google.testing.compile.JavaFileObjects.forSourceLines("t.Sub",
                        "package t;",
                        "import static dev.baton.runtime.Baton.*;",
                        "import dev.baton.*;",
                        "import dev.baton.runtime.*;",
                        "public abstract class Sub extends Base {",
                        "  @Async",
                        "  Coroutine<Integer> main(String s) {",
                        "    int n = await(parse(s));",                      // 8
                        "    return done(n);",
                        "  }",
                        "}"));
        Throwable failure = t.run("Sub", "main", "x").failure();
        assertThat(failure).isInstanceOf(NumberFormatException.class);
        assertThat(templateFrames(failure)).containsExactly("t.Base.parse(Base.java:12)", "t.Sub.main(Sub.java:8)")
                .inOrder();
        assertNoGeneratedFrame(failure);
        assertThat(t.run("Sub", "main", "5").result()).isEqualTo(5);
    }

    @Test
    void theDumpAndTheTaskShowTheTemplateLines() {
        Templates.Run run = BOOM.run("Boom", "dump");
        assertThat(run.failure()).isNull();
        String text = (String) run.result();
        assertThat(text).startsWith("Task[pending, name=worker, coro=Boom.total() at Boom.java:20, waiting on ");
        assertThat(text).endsWith("\n2 pending tasks:\n"
                + "├── Task 'Task-1' running\n"
                + "└── Task 'worker' waiting on Promise[pending]\n"
                + "    in sleep(0.1)\n"
                + "    at t.Boom.parse(Boom.java:12)\n"
                + "    at t.Boom.total(Boom.java:20)\n");
    }
}
