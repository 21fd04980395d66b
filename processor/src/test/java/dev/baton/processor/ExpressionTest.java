package dev.baton.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Awaits inside expressions (docs/design.md, lowering rule 12): each position runs with printing operands,
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

    @Test
    void operands() {
        runAgainstTwin("Operators", """
              int x = 1;
              @Async Coroutine<Integer> bump() {
                System.out.println("bump");
                x += 100;
                await(sleep(0));
                return done(x);
              }
              @Async Coroutine<Void> main() {
                Task<Void> t = spawn(ticker(40));
                System.out.println("arith " + (v("a", 1) + await(f("b", 2)) * v("c", 3)));
                System.out.println("concat " + s("s1", "x") + v("n", 4) + await(g("s2", "y")) + s("s3", "z"));
                System.out.println("neg " + -await(f("neg", 5)));
                System.out.println("not " + !await(g("not", true)));
                System.out.println("cmp " + (v("l", 3) < await(ready("r", 4))));
                int i = 0;
                System.out.println("incr " + (i++ + await(f("i", 10)) + i));
                System.out.println("field " + (x + await(bump()) + x));
                System.out.println("bits " + ((v("a", 6) & await(f("b", 3))) | v("c", 8)));
                System.out.println("shift " + (v("a", 1) << await(ready("b", 4))));
                System.out.println("div " + (v("a", 7) / await(f("b", 2)) % v("c", 2)));
                System.out.println("two " + (await(f("p", 1)) + await(f("q", 2))));
                long big = v("long", 1) + (long) await(f("w", 2));
                System.out.println("long " + big);
                await(t);
                return done();
              }
            """);
    }

    @Test
    void shortCircuitAndConditional() {
        runAgainstTwin("Logical", """
              @Async Coroutine<Void> main() {
                Task<Void> t = spawn(ticker(60));
                for (int i = 0; i < 2; i++) {
                  boolean on = i == 1;
                  System.out.println("and " + (b("left", on) && await(g("right", true))));
                  System.out.println("or " + (b("left", on) || await(g("right", false))));
                  System.out.println("cond " + (b("c", on) ? await(f("yes", 1)) : v("no", 2)));
                  System.out.println("cond2 " + (on ? v("yes", 1) : await(f("no", 2))));
                  System.out.println("cond3 " + (await(g("c", on)) ? s("yes", "Y") : s("no", "N")));
                  System.out.println("chain " + (b("a", on) && await(g("b", on)) || await(g("c", true)) && b("d", on)));
                  System.out.println("nested " + (on ? (await(g("inner", on)) ? await(f("deep", 3)) : 4)
                      : await(f("other", 5))));
                }
                await(t);
                return done();
              }
            """);
    }

    /** Java's order for assignments; Assignments.py says where Python's differs. */
    @Test
    void assignments() {
        runAgainstTwin("Assignments", """
              int x = 1;
              String text = "t";
              int[] arr = {10, 20, 30};
              static final class Holder { int n = 5; }
              Holder h = new Holder();
              int[] arr(String tag) { System.out.println(tag); return arr; }
              Holder holder(String tag) { System.out.println(tag); return h; }
              @Async Coroutine<Integer> bump(String tag, int by) {
                System.out.println("bump " + tag);
                x += by;
                arr[1] += by;
                h.n += by;
                await(sleep(0));
                return done(by);
              }
              @Async Coroutine<Void> main() {
                Task<Void> t = spawn(ticker(60));
                int local = 1;
                local = await(f("plain", 2)) + local;
                System.out.println("local " + local);
                x += await(bump("x", 10));
                System.out.println("x " + x);
                x = x + await(bump("x", 10));
                System.out.println("x " + x);
                text += await(g("text", "!"));
                System.out.println("text " + text);
                holder("h").n = await(f("n", 7));
                holder("h").n *= await(bump("n", 3));
                System.out.println("n " + h.n);
                arr("a")[v("i", 1)] = await(f("elem", 50));
                arr("a")[v("i", 1)] -= await(bump("elem", 5));
                System.out.println("arr " + arr[1]);
                byte small = 100;
                small += await(f("byte", 100));
                System.out.println("byte " + small);
                Integer boxed = 5;
                boxed <<= await(f("shift", 2));
                System.out.println("boxed " + boxed);
                char c = 'a';
                c += await(f("char", 2));
                System.out.println("char " + c);
                int y = (x = await(f("chain", 3))) + x;
                System.out.println("chain " + x + " " + y);
                int z;
                z = local += await(f("nested", 1));
                System.out.println("nested " + z + " " + local);
                await(t);
                return done();
              }
            """);
    }

    @Test
    void arrays() {
        runAgainstTwin("Arrays", """
              int[] data = {1, 2, 3};
              int[] data(String tag) { System.out.println(tag); return data; }
              @Async Coroutine<Void> main() {
                Task<Void> t = spawn(ticker(40));
                System.out.println("index " + data("d")[await(f("i", 2))]);
                System.out.println("elem " + (data("d")[v("i", 0)] + await(f("x", 10))));
                int[] made = {v("a", 1), await(f("b", 2)), v("c", 3)};
                await(sleep(0));
                System.out.println("init " + java.util.Arrays.toString(made));
                int[][] grid = new int[v("rows", 2)][await(f("cols", 3))];
                System.out.println("dims " + grid.length + " " + grid[0].length);
                String[] words = new String[] {s("w1", "x"), await(g("w2", "y"))};
                System.out.println("words " + String.join(",", words));
                System.out.println("length " + await(g("arr", new int[] {1, 2, 3, 4})).length);
                data[await(f("k", 1))]++;
                System.out.println("incr " + data[1]);
                int[][] nested = {{v("n1", 1)}, {await(f("n2", 2))}};
                System.out.println("nested " + nested[0][0] + nested[1][0]);
                await(t);
                return done();
              }
            """);
    }

    @Test
    void conditionsSelectorsAndIterables() {
        runAgainstTwin("Conditions", """
              int n = 0;
              @Async Coroutine<Integer> next(String tag) {
                n++;
                System.out.println("next " + tag + " " + n);
                await(sleep(0));
                return done(n);
              }
              @SuppressWarnings("fallthrough")
              @Async Coroutine<Void> main() {
                Task<Void> t = spawn(ticker(80));
                if (await(f("if", 1)) == v("one", 1)) System.out.println("then"); else System.out.println("else");
                while (await(next("while")) < 3) System.out.println("body " + n);
                n = 0;
                do {
                  System.out.println("do " + n);
                } while (await(next("do")) < 3);
                for (int i = await(f("init", 0)); i + await(ready("c", 0)) < 3; i += await(f("step", 1))) {
                  System.out.println("for " + i);
                }
                switch (await(g("sel", "b"))) {
                  case "a":
                    System.out.println("a");
                    break;
                  case "b":
                    System.out.println("b");
                  default:
                    System.out.println("fall");
                }
                for (String w : await(g("iter", List.of("x", "y")))) System.out.println("item " + w);
                for (int e : await(g("array", new int[] {7, 8}))) System.out.println("elem " + e);
                switch (v("sel", 2) + await(f("sel2", 1))) {
                  case 3 -> System.out.println("three");
                  default -> System.out.println("other");
                }
                n = 0;
                while (b("w", true) && await(next("cond")) < 3) {
                  System.out.println("loop " + n);
                }
                await(t);
                return done();
              }
            """);
    }

    @Test
    void castsInstanceofFieldsResourcesThrowReturn() {
        Templates.Run run = runAgainstTwin("Misc", """
              static final class Named { final String name; Named(String name) { this.name = name; } }
              static final class Res implements AutoCloseable {
                final String id;
                Res(String id) { this.id = id; System.out.println("open " + id); }
                @Override public void close() { System.out.println("close " + id); }
              }
              @Async Coroutine<Integer> fail(String tag) {
                System.out.println("await " + tag);
                await(sleep(0));
                throw new IllegalStateException(tag);
              }
              static int apply(java.util.function.IntUnaryOperator fn, int x) { return fn.applyAsInt(x); }
              @Async Coroutine<Integer> main() {
                Task<Void> t = spawn(ticker(60));
                System.out.println("cast " + (long) await(f("cast", 3)) * 2);
                if (await(g("inst", (Object) "str")) instanceof String str && !str.isEmpty()) {
                  System.out.println("instanceof " + str);
                }
                System.out.println("name " + await(g("named", new Named("n1"))).name);
                try (Res r = new Res(s("id", "r") + await(f("res", 1)))) {
                  System.out.println("using " + r.id);
                }
                try {
                  throw new IllegalStateException(s("msg", "boom ") + await(f("msg", 2)));
                } catch (IllegalStateException e) {
                  System.out.println("caught " + e.getMessage());
                }
                int many = await(f("m1", 1)) + await(f("m2", 2)) * await(ready("m3", 3));
                System.out.println("many " + many);
                try {
                  show(v("before", 1), await(fail("fail")), v("never", 3));
                } catch (IllegalStateException e) {
                  System.out.println("failed " + e.getMessage());
                }
                System.out.println("lambda " + apply(w -> w * 2, await(f("lam", 4))));
                synchronized (await(g("monitor", "m"))) {
                  System.out.println("synchronized m");
                }
                return done(v("ret", 1) + await(f("ret", 2)) + (await(t) == null ? 0 : 1));
              }
            """);
        assertWithMessage("result").that(run.result()).isEqualTo(3);
    }

    @Test
    void switchExpressions() {
        runAgainstTwin("SwitchExpressions", """
              enum Color { RED, GREEN, BLUE }
              @Async Coroutine<Void> main() {
                Task<Void> t = spawn(ticker(40));
                for (Color c : Color.values()) {
                  int n = switch (c) {
                    case RED -> await(f("red", 1));
                    case GREEN -> {
                      int a = await(f("green", 2));
                      yield a * 10;
                    }
                    default -> v("blue", 3);
                  };
                  System.out.println(c + " " + n);
                }
                String text = v("pre", 1) + switch (await(f("sel", 2))) {
                  case 1 -> "one";
                  case 2 -> "two";
                  default -> "many";
                };
                System.out.println(text);
                int old = switch (v("old", 2)) {
                  case 1:
                    yield 10;
                  case 2:
                    System.out.println("two");
                  default:
                    yield await(f("def", 30));
                };
                System.out.println("old " + old);
                int total = v("left", 100) + switch (v("sel", 1)) { case 1 -> await(f("case", 5)); default -> 0; };
                System.out.println("total " + total);
                await(t);
                return done();
              }
            """);
    }

    @Test
    void genericTemporaries() {
        runAgainstTwin("Generics", """
              @Async <T> Coroutine<List<T>> pair(T a, T b) {
                List<T> out = new ArrayList<>();
                out.add(a);
                out.add(await(g("b", b)));
                return done(out);
              }
              @Async Coroutine<Void> main() {
                Task<Void> t = spawn(ticker(40));
                java.util.Map<String, List<Integer>> m = new java.util.TreeMap<>();
                m.computeIfAbsent(s("key", "k"), k -> new ArrayList<>()).add(await(f("val", 1)));
                m.get(s("k", "k")).add(await(f("val2", 2)));
                System.out.println("map " + m);
                List<? extends Number> nums = List.of(1, 2.5);
                show(nums.get(v("i", 1)), await(f("num", 3)));
                System.out.println("pair " + await(pair("a", "b")));
                System.out.println("first " + await(pair(s("x", "x"), s("y", "y"))).get(0) + await(g("z", "z")));
                await(t);
                return done();
              }
            """);
    }

    @Test
    void loopConditionsReevaluated() {
        runAgainstTwin("Loops", """
              @Async Coroutine<Void> main() {
                Task<Void> t = spawn(ticker(80));
                for (int i = 0; i < await(f("limit", 4)); i = await(ready("update", 1)) + i) {
                  if (i == 1) continue;
                  System.out.println("for " + i);
                }
                int k = 0;
                do {
                  k++;
                  if (k == 2) continue;
                  System.out.println("do " + k);
                } while (await(f("again", k)) < 3);
                int x;
                if (b("c", true) && (x = await(f("x", 5))) > 0) {
                  System.out.println("assigned " + x);
                }
                final int first = await(f("first", 1)) + 1;
                System.out.println("final " + first);
                await(t);
                return done();
              }
            """);
    }

    /** {@code this} and {@code super} receivers stay as written; no temporary holds them. */
    @Test
    void thisAndSuperReceiversAreNotSpilled() {
        List<String> lines = new ArrayList<>(List.of(
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "import java.util.List;",
                "public abstract class Receivers extends Base {"));
        lines.addAll(List.of(PRELUDE.split("\n")));
        lines.addAll(List.of("""
                  int twice(int a, int b) { System.out.println("twice " + a + " " + b); return 2 * (a + b); }
                  @Async Coroutine<Integer> main() {
                    int a = this.twice(v("a", 1), await(f("b", 2)));
                    int b = twice(v("c", 3), await(ready("d", 4)));
                    int c = super.add(v("e", 5), await(f("f", 6)));
                    return done(a + b + c);
                  }
                }
                """.split("\n")));
        Templates.Loaded t = Templates.compileClean(
                Templates.source("Base",
                        "package t;",
                        "public abstract class Base {",
                        "  int add(int a, int b) { System.out.println(\"base \" + a + \" \" + b); return a + b; }",
                        "}"),
                Templates.source("Receivers", lines.toArray(new String[0])));
        String generated = Templates.generated(t.compilation, "t.Baton_Receivers");
        assertWithMessage(generated).that(generated).contains("this.twice($m.$int, ");
        assertWithMessage(generated).that(generated).contains("super.add($m.$int, ");
        assertWithMessage(generated).that(generated).doesNotContain("= this;");
        Templates.Run run = t.run("Receivers", "main");
        assertWithMessage(run.output()).that(run.result()).isEqualTo(31);
        assertWithMessage(run.output()).that(run.lines()).containsExactly("a", "await b", "resume b", "twice 1 2", "c",
                "ready d", "twice 3 4", "e", "await f", "resume f", "base 5 6").inOrder();
    }
}
