package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import org.junit.jupiter.api.Test;

/** Awaits inside if/else, while, do, for, enhanced for and labeled loops. */
class ControlFlowTest {

    @Test
    void loopsAndBranches() {
        Templates.Loaded t = compileClean(template("Flow",
                "  @Async <T> Coroutine<T> tick(T v) { await(sleep(0)); return done(v); }",
                "  @Async",
                "  Coroutine<String> main() {",
                "    double start = EventLoop.current().time();",
                "    int i = 0;",
                "    while (i < 3) {",
                "      int v = await(tick(i));",
                "      if (v % 2 == 0) {",
                "        System.out.println(\"even \" + v);",
                "      } else {",
                "        await(sleep(1));",
                "        System.out.println(\"odd \" + v);",
                "      }",
                "      i += 1;",
                "    }",
                "    int n = 0;",
                "    while (true) {",
                "      n = await(tick(n + 1));",
                "      if (n == 2) continue;",
                "      if (n > 3) break;",
                "      System.out.println(\"n \" + n);",
                "    }",
                "    for (int j = 0; j < 3; j++) {",
                "      await(sleep(0));",
                "      System.out.println(\"j \" + j);",
                "    }",
                "    for (String s : List.of(\"a\", \"b\")) {",
                "      Object got = await(tick(s));",
                "      System.out.println(\"item \" + got);",
                "    }",
                "    for (int x : new int[] {10, 20}) {",
                "      Object got = await(tick(x));",
                "      System.out.println(\"array \" + got);",
                "    }",
                "    int k = 0;",
                "    do {",
                "      k = await(tick(k + 5));",
                "      System.out.println(\"k \" + k);",
                "    } while (k < 12);",
                "    outer:",
                "    for (int a = 0; a < 4; a++) {",
                "      for (int b = 0; b < 3; b++) {",
                "        await(sleep(0));",
                "        if (b == 1 && a == 0) continue outer;",
                "        if (a == 2) break outer;",
                "        System.out.println(\"pair \" + a + \" \" + b);",
                "      }",
                "    }",
                "    System.out.println(\"time \" + (int) (EventLoop.current().time() - start));",
                "    return done(\"done\");",
                "  }"));
        Templates.Run run = t.run("Flow", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactlyElementsIn(
                Twins.transcript("control_flow").subList(0, Twins.transcript("control_flow").size() - 1)).inOrder();
        assertThat(run.result()).isEqualTo("done");
    }

    @Test
    void ifWithoutElseAndNestedBlocksShadowingNames() {
        Templates.Loaded t = compileClean(template("Scopes",
                "  int count = 100;",
                "  @Async",
                "  Coroutine<Integer> main(boolean flag) {",
                "    System.out.println(\"field \" + count);",
                "    {",
                "      int count = 1;",
                "      await(sleep(0));",
                "      System.out.println(\"first block \" + count);",
                "    }",
                "    {",
                "      int count = 2;",
                "      await(sleep(0));",
                "      System.out.println(\"second block \" + count);",
                "    }",
                "    if (flag) {",
                "      String count = \"three\";",
                "      await(sleep(0));",
                "      System.out.println(\"if \" + count);",
                "    }",
                "    System.out.println(\"field again \" + count);",
                "    return done(count);",
                "  }"));
        Templates.Run run = t.run("Scopes", "main", true);
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly("field 100", "first block 1", "second block 2", "if three",
                "field again 100").inOrder();
        assertThat(run.result()).isEqualTo(100);
    }

    @Test
    void methodEndingInAnInfiniteLoop() {
        Templates.Loaded t = compileClean(template("Forever",
                "  int seen;",
                "  @Async",
                "  Coroutine<Void> forever() {",
                "    while (true) {",
                "      await(sleep(1));",
                "      seen++;",
                "      System.out.println(\"tick \" + seen);",
                "    }",
                "  }",
                "  @Async",
                "  Coroutine<Integer> main() {",
                "    Task<Void> t = spawn(forever());",
                "    await(sleep(3.5));",
                "    t.cancel();",
                "    await(sleep(0));",
                "    System.out.println(\"cancelled \" + t.isCancelled());",
                "    return done(seen);",
                "  }"));
        Templates.Run run = t.run("Forever", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly("tick 1", "tick 2", "tick 3", "cancelled true").inOrder();
        assertThat(run.result()).isEqualTo(3);
    }
}
