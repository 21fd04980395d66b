package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.source;

import org.junit.jupiter.api.Test;

/** try/catch/finally with awaits in every part: the try table and completion records. */
class TryTest {
    static final String[] BOOM = {
        "package t;",
        "public class Boom extends RuntimeException {",
        "  private static final long serialVersionUID = 1L;",
        "  public Boom(String m) { super(m); }",
        "  @Override public String toString() { return getMessage(); }",
        "}"};

    @Test
    void awaitsInEveryPartOfTry() {
        Templates.Loaded t = compileClean(source("Boom", BOOM), Templates.template("Tries",
                "  @Async Coroutine<Void> fail(String msg) { await(sleep(0)); throw new Boom(msg); }",
                "  @Async",
                "  Coroutine<String> inner(int n) {",
                "    try {",
                "      await(sleep(0));",
                "      if (n == 1) {",
                "        return done(\"early\");",
                "      }",
                "      await(fail(\"inner \" + n));",
                "    } catch (Boom e) {",
                "      System.out.println(\"caught \" + e);",
                "      await(sleep(0));",
                "      System.out.println(\"handled \" + e);",
                "    } finally {",
                "      System.out.println(\"finally \" + n);",
                "      await(sleep(0));",
                "      System.out.println(\"finally done \" + n);",
                "    }",
                "    return done(\"late\");",
                "  }",
                "  @Async",
                "  Coroutine<Void> nested() {",
                "    try {",
                "      try {",
                "        await(fail(\"deep\"));",
                "      } finally {",
                "        await(sleep(0));",
                "        System.out.println(\"inner finally\");",
                "      }",
                "    } catch (Boom e) {",
                "      System.out.println(\"outer caught \" + e);",
                "    } finally {",
                "      await(sleep(0));",
                "      System.out.println(\"outer finally\");",
                "    }",
                "    return done();",
                "  }",
                "  @Async",
                "  Coroutine<String> loopWithFinally() {",
                "    outer:",
                "    for (int i = 0; i < 5; i++) {",
                "      try {",
                "        await(sleep(0));",
                "        if (i == 1) continue outer;",
                "        if (i == 3) break;",
                "        System.out.println(\"body \" + i);",
                "      } finally {",
                "        await(sleep(0));",
                "        System.out.println(\"cleanup \" + i);",
                "      }",
                "    }",
                "    return done(\"loop over\");",
                "  }",
                "  @Async",
                "  Coroutine<String> returnInNestedFinallies() {",
                "    try {",
                "      try {",
                "        return done(\"value\");",
                "      } finally {",
                "        await(sleep(0));",
                "        System.out.println(\"first\");",
                "      }",
                "    } finally {",
                "      await(sleep(0));",
                "      System.out.println(\"second\");",
                "    }",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    String r = await(inner(1));",
                "    System.out.println(r);",
                "    r = await(inner(2));",
                "    System.out.println(r);",
                "    await(nested());",
                "    r = await(loopWithFinally());",
                "    System.out.println(r);",
                "    r = await(returnInNestedFinallies());",
                "    System.out.println(r);",
                "    try {",
                "      await(fail(\"uncaught\"));",
                "    } catch (Boom e) {",
                "      System.out.println(\"main caught \" + e);",
                "    }",
                "    return done();",
                "  }"));
        Templates.Run run = t.run("Tries", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactlyElementsIn(Twins.transcript("try_finally")).inOrder();
    }

    @Test
    void multiCatchAndUncaughtFailureCompletesTheCoroutine() {
        Templates.Loaded t = compileClean(source("Boom", BOOM), Templates.template("Multi",
                "  @Async Coroutine<Void> fail(RuntimeException e) { await(sleep(0)); throw e; }",
                "  @Async",
                "  Coroutine<String> main() {",
                "    StringBuilder out = new StringBuilder();",
                "    for (RuntimeException e : List.of(new Boom(\"b\"), new IllegalStateException(\"s\"))) {",
                "      try {",
                "        await(fail(e));",
                "      } catch (Boom | IllegalStateException caught) {",
                "        await(sleep(0));",
                "        out.append(caught.getClass().getSimpleName()).append(' ').append(caught.getMessage()).append(';');",
                "      }",
                "    }",
                "    try {",
                "      await(fail(new UnsupportedOperationException(\"u\")));",
                "    } catch (Boom e) {",
                "      out.append(\"wrong\");",
                "    } finally {",
                "      await(sleep(0));",
                "      System.out.println(out);",
                "    }",
                "    return done(\"unreachable\");",
                "  }"));
        Templates.Run run = t.run("Multi", "main");
        assertThat(run.lines()).containsExactly("Boom b;IllegalStateException s;");
        assertThat(run.failure()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(run.failure()).hasMessageThat().isEqualTo("u");
    }

    /**
     * Code that falls from one case into the next without a jump: into a try, out of it, and
     * within it. The catch dispatch routes by the state, so crossing into or out of a try must
     * record the new state, while staying inside one need not.
     */
    @Test
    void exceptionsRightAfterFallingIntoOrOutOfATryGoToTheRightHandler() {
        Templates.Loaded t = compileClean(source("Boom", BOOM), Templates.template("Falls",
                "  static void boom(String where, boolean really) { if (really) throw new Boom(where); }",
                "  @Async",
                "  Coroutine<String> into(boolean really) {",
                "    await(sleep(0));",
                "    int before = 1;",
                "    try {",
                "      boom(\"first line of the try \" + before, really);",
                "      await(sleep(0));",
                "      boom(\"after an await in the try\", !really);",
                "    } catch (Boom e) {",
                "      return done(\"caught \" + e);",
                "    }",
                "    return done(\"nothing thrown\");",
                "  }",
                "  @Async",
                "  Coroutine<String> outOf(boolean really) {",
                "    try {",
                "      await(sleep(0));",
                "      System.out.println(\"end of the try\");",
                "    } catch (Boom e) {",
                "      return done(\"wrongly caught \" + e);",
                "    }",
                "    boom(\"first line after the try\", really);",
                "    await(sleep(0));",
                "    return done(\"nothing thrown\");",
                "  }",
                "  @Async",
                "  Coroutine<String> main() {",
                "    StringBuilder out = new StringBuilder();",
                "    out.append(await(into(true))).append(';');",
                "    out.append(await(into(false))).append(';');",
                "    out.append(await(outOf(false))).append(';');",
                "    try {",
                "      out.append(await(outOf(true)));",
                "    } catch (Boom e) {",
                "      out.append(\"outOf failed with \").append(e);",
                "    }",
                "    return done(out.toString());",
                "  }"));
        Templates.Run run = t.run("Falls", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("caught first line of the try 1;caught after an await in the try;"
                + "nothing thrown;outOf failed with first line after the try");
    }

    @Test
    void finallyRunsOnCancellationButNotOnSuspension() {
        Templates.Loaded t = compileClean(Templates.template("Cancel",
                "  @Async",
                "  Coroutine<Void> worker() {",
                "    try {",
                "      System.out.println(\"working\");",
                "      await(sleep(10));",
                "      System.out.println(\"never\");",
                "    } finally {",
                "      System.out.println(\"cleanup\");",
                "      await(sleep(1));",
                "      System.out.println(\"cleanup done\");",
                "    }",
                "    return done();",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    Task<Void> w = spawn(worker());",
                "    await(sleep(1));",
                "    System.out.println(\"cancelling\");",
                "    w.cancel();",
                "    try {",
                "      await(w);",
                "    } catch (CancelledException e) {",
                "      System.out.println(\"worker cancelled \" + w.isCancelled());",
                "    }",
                "    return done();",
                "  }"));
        Templates.Run run = t.run("Cancel", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly("working", "cancelling", "cleanup", "cleanup done",
                "worker cancelled true").inOrder();
    }
}
