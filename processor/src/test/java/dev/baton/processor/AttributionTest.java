package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import org.junit.jupiter.api.Test;

/**
 * The processor attributes template classes during the round; javac then compiles the same
 * trees again. Implicitly typed variables (lambda parameters, {@code var} locals) whose
 * inferred type cannot be written (a captured wildcard, an anonymous class) must compile
 * on that second pass as they would without Baton.
 */
class AttributionTest {

    @Test
    void lambdaOverAWildcardStreamCompiles() {
        Templates.Loaded t = compileClean(template("Streams",
                "  int countDone(java.util.Collection<? extends Promise<?>> c) {",
                "    return (int) c.stream().filter(p -> p.isDone()).count();",
                "  }",
                "  @Async",
                "  Coroutine<Integer> main() {",
                "    List<Promise<?>> all = new ArrayList<>();",
                "    Promise<String> p = EventLoop.current().createPromise();",
                "    all.add(p);",
                "    EventLoop.current().callSoon(() -> p.setResult(\"x\"));",
                "    java.util.function.Function<List<? extends Promise<?>>, Long> f =",
                "        l -> l.stream().map(q -> q.isDone()).filter(b -> b).count();",
                "    await(p);",
                "    System.out.println(countDone(all) + \" \" + f.apply(all));",
                "    return done(countDone(all));",
                "  }"));
        Templates.Run run = t.run("Streams", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly("1 1");
    }

    @Test
    void varOfAnAnonymousClassTypeCompiles() {
        Templates.Loaded t = compileClean(template("Anon",
                "  @Async",
                "  Coroutine<Integer> main() {",
                "    await(sleep(0));",
                "    var counter = new Object() { int n; };",
                "    counter.n += 2;",
                "    for (var e : List.of(new Object() { int v = 3; })) { counter.n += e.v; }",
                "    return done(counter.n);",
                "  }"));
        Templates.Run run = t.run("Anon", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo(5);
    }

    /** A template that waits for another's Baton_ class is attributed in a later round: the same holds there. */
    @Test
    void varOfAnAnonymousClassTypeCompilesInATemplateThatWaitsForAnotherRound() {
        Templates.Loaded t = compileClean(template("Waits",
                        "  @Async",
                        "  Coroutine<Integer> main(Baton_Other other) {",
                        "    await(sleep(0));",
                        "    var counter = new Object() { int n; };",
                        "    counter.n += 2;",
                        "    List.of(3).forEach(v -> counter.n += v);",
                        "    return done(counter.n);",
                        "  }"),
                template("Other", "  @Async Coroutine<Void> main() { return done(); }"));
        Templates.Run run = t.run("Waits", "main", new Object[] {null});
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo(5);
    }
}
