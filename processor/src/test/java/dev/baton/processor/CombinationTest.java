package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import java.lang.reflect.Field;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Constructs combined, var locals, hoisting details, super calls. */
class CombinationTest {

    @Test
    void returnInTryInsideLabeledLoopWithAwaitingFinally() {
        Templates.Loaded t = compileClean(template("Find",
                "  @Async",
                "  Coroutine<Integer> find(List<String> items, String wanted) {",
                "    search:",
                "    for (int i = 0; i < items.size(); i++) {",
                "      String item = items.get(i);",
                "      try {",
                "        try {",
                "          await(sleep(0));",
                "          if (item.equals(wanted)) return done(i);",
                "          if (item.equals(\"skip\")) continue search;",
                "          if (item.equals(\"stop\")) break search;",
                "          System.out.println(\"looked at \" + item);",
                "        } finally {",
                "          await(sleep(0));",
                "          System.out.println(\"inner finally \" + item);",
                "        }",
                "      } finally {",
                "        await(sleep(0));",
                "        System.out.println(\"outer finally \" + item);",
                "      }",
                "    }",
                "    System.out.println(\"not found \" + wanted);",
                "    return done(-1);",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    int r = await(find(List.of(\"a\", \"b\", \"c\"), \"b\"));",
                "    System.out.println(r);",
                "    r = await(find(List.of(\"a\", \"skip\", \"stop\", \"c\"), \"c\"));",
                "    System.out.println(r);",
                "    return done();",
                "  }"));
        Templates.Run run = t.run("Find", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactlyElementsIn(Twins.transcript("combinations")).inOrder();
    }

    @Test
    void varLocalsCrossingAnAwaitGetTheirInferredType() {
        Templates.Loaded t = compileClean(template("Vars",
                "  @Async",
                "  Coroutine<String> main() {",
                "    var names = new ArrayList<String>();",
                "    var count = 0;",
                "    for (var n : List.of(\"x\", \"y\")) {",
                "      await(sleep(0));",
                "      names.add(n);",
                "      count++;",
                "    }",
                "    var joined = String.join(\",\", names);",
                "    await(sleep(0));",
                "    return done(joined + count);",
                "  }"));
        Templates.Run run = t.run("Vars", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo("x,y2");
    }

    @Test
    void varWhoseTypeCannotBeWrittenIsAnError() {
        JavaFileObject f = template("AnonVar",
                "  @Async",
                "  Coroutine<Integer> main() {",
                "    var counter = new Object() { int n; };",
                "    await(sleep(0));",
                "    counter.n++;",
                "    return done(counter.n);",
                "  }");
        Compilation c = Templates.compile(f);
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("[BatonVarType] local 'counter' lives across an await")
                .inFile(f).onLineContaining("var counter = new Object()");
    }

    @Test
    void localOfALocalClassAcrossAnAwaitSaysToMoveTheClass() {
        // the type is written explicitly, so "declare it with an explicit type" cannot help
        JavaFileObject f = template("LocalRes",
                "  @Async",
                "  Coroutine<Integer> main() {",
                "    class Res implements AutoCloseable { public void close() {} }",
                "    try (Res r = new Res()) {",
                "      await(sleep(0));",
                "    }",
                "    return done(1);",
                "  }");
        Compilation c = Templates.compile(f);
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("[BatonVarType] local 'r' lives across an await, so it"
                + " becomes a field of the state machine, but its type mentions the local class Res, which a field"
                + " cannot name; declare Res as a static nested class of LocalRes")
                .inFile(f).onLineContaining("try (Res r = new Res())");
        assertThat(c.errors().toString()).doesNotContain("declare it with an explicit type");
    }

    @Test
    void hoistedReferencesAreClearedWhenTheMachineCompletes() throws Exception {
        Templates.Loaded t = compileClean(template("Clears",
                "  @Async",
                "  Coroutine<Integer> main(String param) {",
                "    StringBuilder big = new StringBuilder(param);",
                "    await(sleep(0));",
                "    return done(big.length());",
                "  }"));
        Object instance = t.instance("Clears");
        dev.baton.runtime.Coroutine<?> machine = Templates.call(instance, "main", "abc");
        Templates.Run run = Templates.run(() -> machine);
        assertThat(run.result()).isEqualTo(3);
        for (Field f : machine.getClass().getDeclaredFields()) {
            // the template's instance ($self) stays, as an inner class's this$0 would
            if (!f.getType().isPrimitive() && !f.isSynthetic() && !f.getName().equals("$self")) {
                f.setAccessible(true);
                assertThat(f.get(machine)).isNull();
            }
        }
    }

    @Test
    void superCallToAMethodTheTemplateDoesNotOverride() {
        Templates.Loaded t = compileClean(Templates.source("Base",
                "package t;",
                "public abstract class Base {",
                "  String hello() { return \"base hello\"; }",
                "}"), Templates.source("Sub",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.Async;",
                "import dev.baton.runtime.Coroutine;",
                "public abstract class Sub extends Base {",
                "  @Async Coroutine<String> main() {",
                "    await(sleep(0));",
                "    return done(super.hello() + \" from \" + this.getClass().getSimpleName());",
                "  }",
                "}"));
        Templates.Run run = t.run("Sub", "main");
        assertThat(run.result()).isEqualTo("base hello from Baton_Sub");
    }

    @Test
    void superCallToAMethodTheTemplateOverridesIsAnError() {
        JavaFileObject base = Templates.source("Base2",
                "package t;",
                "public abstract class Base2 {",
                "  String hello() { return \"base\"; }",
                "}");
        JavaFileObject sub = Templates.source("Sub2",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.Async;",
                "import dev.baton.runtime.Coroutine;",
                "public abstract class Sub2 extends Base2 {",
                "  @Override String hello() { return \"sub\"; }",
                "  @Async Coroutine<String> hello2() {",
                "    return done(super.hello());",
                "  }",
                "}");
        Compilation c = Templates.compile(base, sub);
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("[BatonSuperCall]").inFile(sub)
                .onLineContaining("return done(super.hello());");
    }
}
