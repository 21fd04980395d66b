package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import org.junit.jupiter.api.Test;

class StraightLineTest {

    @Test
    void awaitsInSequenceWithHoistedLocals() {
        Templates.Loaded t = compileClean(template("Seq",
                "  @Async",
                "  Coroutine<Integer> add(int a, int b) {",
                "    System.out.println(\"add \" + a + \" \" + b);",
                "    await(sleep(1));",
                "    int sum = a + b;",
                "    await(sleep(1));",
                "    System.out.println(\"sum \" + sum + \" at \" + EventLoop.current().time());",
                "    return done(sum);",
                "  }",
                "  @Async",
                "  Coroutine<String> main() {",
                "    int x = await(add(1, 2));",
                "    String s;",
                "    s = await(greet(\"x=\" + x));",
                "    System.out.println(s);",
                "    return done(await(greet(\"end\")));",
                "  }",
                "  @Async",
                "  Coroutine<String> greet(String who) {",
                "    await(sleep(0));",
                "    return done(\"hello \" + who);",
                "  }"));
        Templates.Run run = t.run("Seq", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly("add 1 2", "sum 3 at 2.0", "hello x=3").inOrder();
        assertThat(run.result()).isEqualTo("hello end");
    }
}
