package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import org.junit.jupiter.api.Test;

/** Switch statements with awaits in their cases: both forms, fall-through, break, locals shared by cases. */
class SwitchTest {

    @Test
    void bothFormsWithFallThrough() {
        Templates.Loaded t = compileClean(template("Switches",
                "  @Async",
                "  @SuppressWarnings(\"fallthrough\")",
                "  Coroutine<String> describe(int n) {",
                "    List<String> out = new ArrayList<>();",
                "    switch (n) {",
                "      case 1:",
                "        out.add(\"one\");",
                "        await(sleep(0));",
                "      case 2:",
                "        out.add(\"one-or-two\");",
                "        break;",
                "      case 3:",
                "        await(sleep(0));",
                "        out.add(\"three\");",
                "      default:",
                "        out.add(\"default\");",
                "    }",
                "    switch (n) {",
                "      case 1, 2 -> {",
                "        await(sleep(0));",
                "        out.add(\"small\");",
                "      }",
                "      case 3 -> out.add(\"three\");",
                "      default -> {",
                "        await(sleep(0));",
                "        out.add(\"big\");",
                "      }",
                "    }",
                "    return done(String.join(\" \", out));",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    for (int n = 1; n < 5; n++) {",
                "      String d = await(describe(n));",
                "      System.out.println(n + \" \" + d);",
                "    }",
                "    return done();",
                "  }"));
        Templates.Run run = t.run("Switches", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactlyElementsIn(Twins.transcript("switch_fallthrough")).inOrder();
    }

    @Test
    void stringAndEnumSelectorsLocalsSharedAcrossCasesAndContinueThroughSwitch() {
        Templates.Loaded t = compileClean(template("Selectors",
                "  enum Color { RED, GREEN, BLUE }",
                "  @Async",
                "  @SuppressWarnings(\"fallthrough\")",
                "  Coroutine<String> main() {",
                "    StringBuilder out = new StringBuilder();",
                "    for (Color c : Color.values()) {",
                "      switch (c) {",
                "        case RED:",
                "          int shared = 1;",
                "          await(sleep(0));",
                "          out.append(\"red\").append(shared);",
                "          break;",
                "        case GREEN:",
                "          shared = 2;",
                "          await(sleep(0));",
                "          if (shared == 2) continue;",
                "          out.append(\"never\");",
                "          break;",
                "        case BLUE:",
                "          await(sleep(0));",
                "          out.append(\" blue\");",
                "      }",
                "      out.append(';');",
                "    }",
                "    String word = \"b\";",
                "    switch (word) {",
                "      case \"a\": out.append(\" A\"); break;",
                "      case \"b\": await(sleep(0)); out.append(\" B\");",
                "    }",
                "    return done(out.toString());",
                "  }"));
        Templates.Run run = t.run("Selectors", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("red1; blue; B");
    }
}
