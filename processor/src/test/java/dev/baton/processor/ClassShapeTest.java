package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.source;

import org.junit.jupiter.api.Test;

/** The generated class: name, type parameters, mirrored constructors, nesting, this and lambdas. */
class ClassShapeTest {

    @Test
    void genericClassWithMirroredConstructors() throws Exception {
        Templates.Loaded t = compileClean(source("Box",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.Async;",
                "import dev.baton.runtime.Coroutine;",
                "import java.util.ArrayList;",
                "import java.util.List;",
                "public abstract class Box<T extends Comparable<T>> {",
                "  final List<T> items = new ArrayList<>();",
                "  protected Box() {}",
                "  public Box(T first) { items.add(first); }",
                "  @SafeVarargs",
                "  public Box(int ignored, T... more) throws java.io.IOException { for (T m : more) items.add(m); }",
                "  @Async",
                "  public <U extends T> Coroutine<T> addAndMax(U item) {",
                "    await(sleep(0));",
                "    items.add(item);",
                "    T max = items.get(0);",
                "    await(sleep(0));",
                "    for (T x : items) { if (x.compareTo(max) > 0) max = x; }",
                "    return done(max);",
                "  }",
                "}"));
        Class<?> generated = t.loader.loadClass("t.Baton_Box");
        assertThat(generated.getTypeParameters()[0].getName()).isEqualTo("T");
        assertThat(generated.getDeclaredConstructors()).hasLength(3);
        Object box = generated.getConstructor(Comparable.class).newInstance("b");
        Templates.Run run = Templates.run(() -> Templates.call(box, "addAndMax", "c"));
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("c");
    }

    @Test
    void nestedTemplateSeesOuterNamesThisAndLambdas() {
        Templates.Loaded t = compileClean(source("Outer",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.Async;",
                "import dev.baton.runtime.Coroutine;",
                "import java.util.ArrayList;",
                "import java.util.List;",
                "import java.util.function.Supplier;",
                "public class Outer {",
                "  static final String PREFIX = \"p:\";",
                "  static String shout(String s) { return s.toUpperCase(); }",
                "  static class Helper { String help() { return \"helped\"; } }",
                "  public abstract static class Inner {",
                "    String name = \"inner\";",
                "    @Async",
                "    Coroutine<String> run() {",
                "      List<Supplier<String>> later = new ArrayList<>();",
                "      for (int i = 0; i < 3; i++) {",
                "        int copy = i;",
                "        await(sleep(0));",
                "        later.add(() -> PREFIX + copy + this.name);",
                "      }",
                "      Helper h = new Helper();",
                "      await(sleep(0));",
                "      StringBuilder out = new StringBuilder(shout(h.help()));",
                "      for (Supplier<String> s : later) out.append(' ').append(s.get());",
                "      return done(out + \" \" + Inner.this.name);",
                "    }",
                "  }",
                "}"));
        Templates.Run run = Templates.run(() -> {
            try {
                Object inner = t.loader.loadClass("t.Baton_Outer_Inner").getDeclaredConstructor().newInstance();
                return Templates.call(inner, "run");
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("HELPED p:0inner p:1inner p:2inner inner");
    }
}
