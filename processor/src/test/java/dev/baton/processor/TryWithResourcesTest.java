package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.source;

import org.junit.jupiter.api.Test;

/** Try-with-resources around awaits: closed in reverse on every exit, cancellation included. */
class TryWithResourcesTest {

    @Test
    void closedOnEveryExitWithSuppressedExceptions() {
        Templates.Loaded t = compileClean(source("Res",
                "package t;",
                "public class Res implements AutoCloseable {",
                "  final String name; final boolean failClose;",
                "  public Res(String name, boolean failClose) {",
                "    this.name = name; this.failClose = failClose;",
                "    System.out.println(\"open \" + name);",
                "  }",
                "  @Override public void close() {",
                "    System.out.println(\"close \" + name);",
                "    if (failClose) throw new RuntimeException(\"close \" + name);",
                "  }",
                "}"), Templates.template("Resources",
                "  @Async",
                "  @SuppressWarnings(\"try\")",
                "  Coroutine<String> use(boolean fail) {",
                "    try (Res a = new Res(\"a\", false); Res b = new Res(\"b\", true)) {",
                "      await(sleep(0));",
                "      System.out.println(\"body\");",
                "      if (fail) throw new IllegalArgumentException(\"body failed\");",
                "      return done(\"returned\");",
                "    }",
                "  }",
                "  @Async",
                "  Coroutine<Void> sleeper() {",
                "    Res r = new Res(\"s\", false);",
                "    try (r) {",
                "      await(sleep(10));",
                "    }",
                "    return done();",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    try {",
                "      String r = await(use(false));",
                "      System.out.println(r);",
                "    } catch (RuntimeException e) {",
                "      System.out.println(\"caught \" + e.getMessage());",
                "    }",
                "    try {",
                "      await(use(true));",
                "    } catch (IllegalArgumentException e) {",
                "      System.out.println(\"caught \" + e.getMessage() + \" suppressed ['\"",
                "          + e.getSuppressed()[0].getMessage() + \"']\");",
                "    }",
                "    Task<Void> t = spawn(sleeper());",
                "    await(sleep(1));",
                "    t.cancel();",
                "    try {",
                "      await(t);",
                "    } catch (CancelledException e) {",
                "      System.out.println(\"sleeper cancelled\");",
                "    }",
                "    return done();",
                "  }"));
        Templates.Run run = t.run("Resources", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactlyElementsIn(Twins.transcript("with_resources")).inOrder();
    }
}
