package dev.baton.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Awaits inside expressions (LOWERING.md rule 12): each position runs with printing operands,
 * so Java's left-to-right order shows, and is compared with the transcript of its Python twin
 * under {@code src/test/resources/twins/expr/} (helpers in {@code common.py}). A ticker task
 * prints on every loop step, so the transcript also shows where the coroutine suspended.
 */
class ExpressionTest {

    /** The helpers every template of this class has; {@code common.py} mirrors them. */
    static final String PRELUDE = """
              static int v(String tag, int x) { System.out.println(tag); return x; }
              static String s(String tag, String x) { System.out.println(tag); return x; }
              static boolean b(String tag, boolean x) { System.out.println(tag); return x; }
              @Async Coroutine<Integer> f(String tag, int x) {
                System.out.println("await " + tag);
                await(sleep(0));
                System.out.println("resume " + tag);
                return done(x);
              }
              @Async <T> Coroutine<T> g(String tag, T x) {
                System.out.println("await " + tag);
                await(sleep(0));
                System.out.println("resume " + tag);
                return done(x);
              }
              <T> Promise<T> ready(String tag, T x) {
                System.out.println("ready " + tag);
                Promise<T> p = EventLoop.current().createPromise();
                p.setResult(x);
                return p;
              }
              @Async Coroutine<Void> ticker(int n) {
                for (int i = 0; i < n; i++) {
                  System.out.println("tick " + i);
                  await(sleep(0));
                }
                return done();
              }
              static void show(Object... parts) {
                StringBuilder out = new StringBuilder("show [");
                for (int i = 0; i < parts.length; i++) {
                  out.append(i == 0 ? "" : ", ").append(parts[i]);
                }
                System.out.println(out.append("]"));
              }
            """;

    /** Compiles the template (clean under -Xlint:all), runs {@code main()}, compares with the twin. */
    static Templates.Run runAgainstTwin(String name, String body) {
        List<String> lines = new ArrayList<>(List.of(PRELUDE.split("\n")));
        lines.addAll(List.of(body.split("\n")));
        Templates.Loaded t = Templates.compileClean(Templates.template(name, lines.toArray(new String[0])));
        Templates.Run run = t.run(name, "main");
        String generated = Templates.generated(t.compilation, "t.Baton_" + name);
        Templates.dump(name, generated);
        assertWithMessage("failure\n" + generated).that(run.failure()).isNull();
        assertWithMessage(generated).that(run.lines()).containsExactlyElementsIn(Twins.transcript("expr/" + name))
                .inOrder();
        return run;
    }

    @Test
    void methodAndConstructorArgumentsAndReceivers() {
        runAgainstTwin("Calls", """
              int x = 10;
              static final class Box {
                final int n;
                Box(int n) { this.n = n; }
                int add(int a, int b) { System.out.println("add " + n + " " + a + " " + b); return n + a + b; }
              }
              Box box(String tag, int n) { System.out.println(tag); return new Box(n); }
              Box field = new Box(1000);
              void say(Object... parts) { show(parts); }
              @Async Coroutine<Integer> bump(String tag) {
                System.out.println("bump " + tag);
                x += 5;
                field = new Box(x * 100);
                await(sleep(0));
                return done(x);
              }
              @Async Coroutine<Coroutine<Integer>> outer(String tag) {
                System.out.println("outer " + tag);
                await(sleep(0));
                return done(f(tag, 9));
              }
              @Async Coroutine<Void> main() {
                Task<Void> t = spawn(ticker(30));
                show(v("a", 1), await(f("b", 2)), v("c", 3));
                show(x, await(bump("x")), x);
                show(field.add(v("a", 1), await(bump("field"))));
                System.out.println("sum " + box("box", 100).add(v("a", 1), await(f("b", 2))));
                System.out.println("max " + Math.max(v("left", 4), await(ready("right", 7))));
                show(new Box(v("ctor", 1)).add(await(f("arg", 2)), v("last", 3)));
                System.out.println("nested " + await(await(outer("n"))));
                int local = 7;
                show(local, await(f("local", 1)), local);
                this.say(v("this", 1), await(ready("r", 2)));
                show(await(g("list", List.of(v("x", 1), v("y", 2)))).get(v("index", 1)), await(f("after", 3)));
                await(t);
                return done();
              }
            """);
    }
}
