package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pattern variables ({@code o instanceof T t}, Java 16+) that live across an await: used after
 * an await in their scope, declared to the left of an await in the same expression, flow-scoped
 * past an {@code if} or a loop, re-bound on each iteration, captured by lambdas, assigned.
 *
 * <p>The oracle is javac, as in {@link FinallyRecordTest}: each scenario is compiled once as a
 * coroutine and once as a plain Java method with its awaits taken out ({@code await(f(args))}
 * becomes {@code fNow(args)}, {@code return done(x)} becomes {@code return x}); both must print
 * the same lines and return the same, for every subject, with awaits that suspend (a real trip
 * through the loop) and awaits that complete at once (the fast path).
 */
class PatternTest {

    /** Helpers: each awaitable takes {@code suspend} and has a plain twin named ...Now. */
    static final String[] HELPERS = {
        "  Awaitable<Void> pause(boolean suspend) {",
        "    if (suspend) { return sleep(0); }",
        "    Promise<Void> p = EventLoop.current().createPromise();",
        "    p.setResult(null);",
        "    return p;",
        "  }",
        "  void pauseNow(boolean suspend) {}",
        "  @Async <T> Coroutine<T> later(boolean suspend, T x) {",
        "    if (suspend) { await(sleep(0)); }",
        "    return done(x);",
        "  }",
        "  <T> T laterNow(boolean suspend, T x) { return x; }",
        "  <T> T doneNow(T x) { return x; }",
        "  static void log(Object s) { System.out.println(s); }"};

    /** Each scenario: {@code Coroutine<String> name(Object o, boolean suspend)}. */
    static final String[] SCENARIOS = {
        // the brief's first form: used after an await in the then-block
        "  @Async",
        "  Coroutine<String> afterAwait(Object o, boolean suspend) {",
        "    if (o instanceof String s) {",
        "      await(pause(suspend));",
        "      return done(s + \" \" + s.length());",
        "    }",
        "    return done(\"not a string\");",
        "  }",
        // the brief's second form: declared to the left of an await in the same condition
        "  @Async",
        "  Coroutine<String> leftOfAwait(Object o, boolean suspend) {",
        "    if (o instanceof String s && await(later(suspend, s.length())) > 0) {",
        "      return done(\"nonempty \" + s);",
        "    }",
        "    return done(\"other\");",
        "  }",
        // the await's operand reads the variable, and nothing after the await does
        "  @Async",
        "  Coroutine<String> onlyInTheAwait(Object o, boolean suspend) {",
        "    if (o instanceof String s && await(done(s.length())) > 3) {",
        "      return done(\"long\");",
        "    }",
        "    return done(\"short\");",
        "  }",
        // flow scoping: in scope after an if whose body cannot complete normally
        "  @Async",
        "  Coroutine<String> afterNegatedIf(Object o, boolean suspend) {",
        "    if (!(o instanceof String s)) {",
        "      await(pause(suspend));",
        "      return done(\"not a string\");",
        "    }",
        "    log(\"before \" + s);",
        "    await(pause(suspend));",
        "    return done(s + \"!\");",
        "  }",
        "  @Async",
        "  Coroutine<String> afterPlainNegatedIf(Object o, boolean suspend) {",
        "    if (!(o instanceof String s)) return done(\"not a string\");",
        "    await(pause(suspend));",
        "    return done(s + \"?\");",
        "  }",
        // || : the left side's 'when false' variable is in scope on the right, and after the if
        "  @Async",
        "  Coroutine<String> orChain(Object o, boolean suspend) {",
        "    if (!(o instanceof String s) || await(later(suspend, s.length())) == 0) {",
        "      return done(\"empty or other\");",
        "    }",
        "    await(pause(suspend));",
        "    return done(\"text \" + s);",
        "  }",
        // a negated while: the variable is in scope after the loop, bound by the last test
        "  @Async",
        "  Coroutine<String> afterWhile(Object o, boolean suspend) {",
        "    Object x = o;",
        "    int n = 0;",
        "    while (!(x instanceof String t)) {",
        "      await(pause(suspend));",
        "      x = n++ == 0 && x != null ? \"from \" + x : \"end\";",
        "    }",
        "    await(pause(suspend));",
        "    return done(t + \" after \" + n);",
        "  }",
        "  @Async",
        "  Coroutine<String> afterDoWhile(Object o, boolean suspend) {",
        "    Object x = o;",
        "    int n = 0;",
        "    do {",
        "      await(pause(suspend));",
        "      x = n++ > 0 ? \"done\" : x;",
        "    } while (!(x instanceof String t));",
        "    return done(t + \" \" + n);",
        "  }",
        // re-bound on each iteration, in a loop that suspends
        "  @Async",
        "  Coroutine<String> rebound(Object o, boolean suspend) {",
        "    List<Object> items = new ArrayList<>(List.of(1, \"b\", 2.5, \"cc\", List.of()));",
        "    items.add(0, o);",
        "    StringBuilder out = new StringBuilder();",
        "    for (Object item : items) {",
        "      if (item instanceof String str) {",
        "        await(pause(suspend));",
        "        out.append(str).append(';');",
        "      } else if (item instanceof Number num && await(later(suspend, num.intValue())) >= 2) {",
        "        out.append(num).append(',');",
        "      } else {",
        "        out.append('_');",
        "      }",
        "    }",
        "    return done(out.toString());",
        "  }",
        // ?: with the variable used in the chosen branch, both polarities
        "  @Async",
        "  Coroutine<String> conditional(Object o, boolean suspend) {",
        "    String r = o instanceof String s ? s + await(later(suspend, s.length())) : \"other\";",
        "    int n = !(o instanceof Integer i) ? -1 : await(later(suspend, i)) + i;",
        "    int m = !(o instanceof Integer j) ? await(later(suspend, 0)) : j * 2;",
        "    return done(r + \" \" + n + \" \" + m);",
        "  }",
        // generics, and && chains with several variables and awaits between them
        "  @Async",
        "  Coroutine<String> chain(Object o, boolean suspend) {",
        "    if (o instanceof List<?> l && await(later(suspend, l.size())) > 0 && l.get(0) instanceof String first",
        "        && await(later(suspend, first.length())) > 0) {",
        "      await(pause(suspend));",
        "      return done(first + \" of \" + l.size());",
        "    }",
        "    if (o instanceof List<?> l) {",
        "      await(pause(suspend));",
        "      return done(\"list \" + l);",
        "    }",
        "    return done(\"no list\");",
        "  }",
        // assigned (pattern variables are not final), and final ones captured by lambdas
        "  @Async",
        "  Coroutine<String> assigned(Object o, boolean suspend) {",
        "    if (o instanceof String s) {",
        "      s = s.toUpperCase();",
        "      await(pause(suspend));",
        "      s = s + \"?\";",
        "      return done(s);",
        "    }",
        "    return done(\"-\");",
        "  }",
        "  @Async",
        "  Coroutine<String> captured(Object o, boolean suspend) {",
        "    if (o instanceof final String s && java.util.stream.Stream.of(\"four\", \"\").anyMatch(e -> e.equals(s))) {",
        "      java.util.function.Supplier<String> early = () -> \"early \" + s;",
        "      await(pause(suspend));",
        "      java.util.function.Supplier<String> late = () -> \"late \" + s;",
        "      return done(early.get() + \" \" + late.get());",
        "    }",
        "    if (o instanceof Integer i && await(later(suspend, java.util.stream.Stream.of(1, 7).anyMatch(e -> e.equals(i))))) {",
        "      return done(\"known \" + i);",
        "    }",
        "    return done(\"unknown\");",
        "  }",
        // a lambda on the line that binds, inside a return that line holds, and after an await
        "  @Async",
        "  Coroutine<String> capturedInAReturn(Object o, boolean suspend) {",
        "    if (!(o instanceof String s) || s.isEmpty()) {",
        "      return done(\"none\");",
        "    } else {",
        "      if (s.length() > 3) return done(java.util.Optional.of(1).map(k -> s + k).get());",
        "    }",
        "    await(pause(suspend));",
        "    return done(\"short \" + s);",
        "  }",
        "  @Async",
        "  Coroutine<String> capturedRightOfAnAwait(Object o, boolean suspend) {",
        "    if (await(later(suspend, 1)) > 0 && o instanceof String s",
        "        && java.util.stream.Stream.of(\"four\", \"\").anyMatch(e -> e.equals(s))) {",
        "      await(pause(suspend));",
        "      return done(\"found \" + s);",
        "    }",
        "    return done(\"not found\");",
        "  }",
        // a for loop: the condition's variable is in scope in the update, a later state
        "  @Async",
        "  Coroutine<String> forUpdate(Object o, boolean suspend) {",
        "    Object x = o;",
        "    int n = 0;",
        "    for (; x instanceof String s && n < 3; x = s + n) {",
        "      await(pause(suspend));",
        "      n++;",
        "    }",
        "    return done(x + \" \" + n);",
        "  }",
        // a while condition with a variable and an await, labeled jumps, and a switch
        "  @Async",
        "  @SuppressWarnings(\"fallthrough\")",
        "  Coroutine<String> whileAndSwitch(Object o, boolean suspend) {",
        "    java.util.Iterator<Object> it = List.of(o == null ? \"null\" : o, \"xy\", 5, \"\", \"z\").iterator();",
        "    StringBuilder out = new StringBuilder();",
        "    outer:",
        "    while (it.hasNext() && it.next() instanceof String s && await(later(suspend, s.length())) >= 0) {",
        "      switch (s.length()) {",
        "        case 0:",
        "          out.append(\"empty\");",
        "          break outer;",
        "        case 1:",
        "          if (!(o instanceof String t)) break;",
        "          await(pause(suspend));",
        "          out.append(t).append('/');",
        "        default:",
        "          await(pause(suspend));",
        "          out.append(s).append(',');",
        "          if (s.length() > 3) continue outer;",
        "      }",
        "      out.append('.');",
        "    }",
        "    return done(out.toString());",
        "  }",
        // in a switch expression's case, and in a try whose finally awaits
        "  @Async",
        "  Coroutine<String> inSwitchExpressionAndTry(Object o, boolean suspend) {",
        "    String r = switch (o == null ? 0 : o.hashCode() % 2) {",
        "      case 0 -> {",
        "        if (o instanceof String s) {",
        "          await(pause(suspend));",
        "          yield \"even \" + s;",
        "        }",
        "        yield \"even\";",
        "      }",
        "      default -> o instanceof Integer i ? \"odd \" + await(later(suspend, i)) + i : \"odd\";",
        "    };",
        "    try {",
        "      if (o instanceof List<?> l) {",
        "        await(pause(suspend));",
        "        if (l.isEmpty()) throw new IllegalStateException(\"empty \" + l);",
        "        return done(r + \" list \" + l.get(0));",
        "      }",
        "    } catch (IllegalStateException e) {",
        "      if ((Object) e.getMessage() instanceof CharSequence m && await(later(suspend, m.length())) > 0) {",
        "        r = r + \" caught \" + m;",
        "      }",
        "    } finally {",
        "      if (o instanceof Number num) {",
        "        await(pause(suspend));",
        "        log(\"finally \" + num);",
        "      }",
        "    }",
        "    return done(r);",
        "  }",
        // a generic type argument the field keeps
        "  @Async",
        "  Coroutine<String> generic(Object o, boolean suspend) {",
        "    List<Object> view = o instanceof List<?> ? new ArrayList<>((List<?>) o) : List.of();",
        "    if (view instanceof ArrayList<Object> al) {",
        "      await(pause(suspend));",
        "      al.add(\"x\");",
        "      return done(al.toString());",
        "    }",
        "    return done(\"immutable\");",
        "  }",
        // names: sibling variables of one name, then a local of that name
        "  @Async",
        "  Coroutine<String> sameNames(Object o, boolean suspend) {",
        "    if (o instanceof String s) {",
        "      await(pause(suspend));",
        "      log(\"string \" + s);",
        "    }",
        "    if (o instanceof Integer s) {",
        "      await(pause(suspend));",
        "      log(\"integer \" + (s + 1));",
        "    }",
        "    String s = \"local\";",
        "    await(pause(suspend));",
        "    return done(s);",
        "  }",
        // the tested value is itself awaited; the variable is declared in a block after an await
        "  @Async",
        "  Coroutine<String> awaitedSubject(Object o, boolean suspend) {",
        "    if (await(later(suspend, o)) instanceof String s) {",
        "      await(pause(suspend));",
        "      return done(\"awaited \" + s);",
        "    }",
        "    {",
        "      await(pause(suspend));",
        "      if (!(o instanceof Integer s)) {",
        "        return done(\"neither\");",
        "      }",
        "      log(\"int \" + s);",
        "    }",
        "    String s = \"after the block\";",
        "    return done(s);",
        "  }"};

    /** The plain Java twin of a coroutine's lines: awaits taken out, as javac is the oracle. */
    static List<String> plain(String[] lines) {
        List<String> out = new ArrayList<>();
        Pattern signature = Pattern.compile("Coroutine<String> (\\w+)\\(");
        Pattern done = Pattern.compile("return done\\((.*)\\);");
        for (String line : lines) {
            if (line.strip().equals("@Async")) {
                continue;
            }
            String l = signature.matcher(line).replaceAll("String $1Plain(");
            l = withoutAwaits(l);
            l = done.matcher(l).replaceAll("return $1;");
            out.add(l);
        }
        return out;
    }

    /** {@code await(f(args))} becomes {@code fNow(args)}, innermost calls too. */
    static String withoutAwaits(String line) {
        int at = line.indexOf("await(");
        if (at < 0) {
            return line;
        }
        int open = at + "await(".length();
        int depth = 1;
        int close = open;
        while (depth > 0) {
            char c = line.charAt(close++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        String call = line.substring(open, close - 1); // f(args)
        int paren = call.indexOf('(');
        String replaced = call.substring(0, paren) + "Now" + call.substring(paren);
        return withoutAwaits(line.substring(0, at) + replaced + line.substring(close));
    }

    static Templates.Loaded compileScenarios() {
        List<String> body = new ArrayList<>(Arrays.asList(HELPERS));
        body.addAll(Arrays.asList(SCENARIOS));
        body.addAll(plain(SCENARIOS));
        Templates.Loaded t = compileClean(template("Patterns", body.toArray(new String[0])));
        Templates.dump("Patterns", Templates.generated(t.compilation, "t.Baton_Patterns"));
        return t;
    }

    static List<String> scenarioNames() {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("Coroutine<String> (\\w+)\\(").matcher(String.join("\n", SCENARIOS));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static final Object[] SUBJECTS = {"four", "", 7, 1, List.of("ab", 2), List.of(3), List.of(), null, 2.5};

    @Test
    void everyScenarioEndsAsJavacSaysWithTheAwaitsTakenOut() throws Exception {
        Templates.Loaded t = compileScenarios();
        List<String> names = scenarioNames();
        assertThat(names).hasSize(21);
        int runs = 0;
        for (String name : names) {
            for (Object subject : SUBJECTS) {
                for (boolean suspend : new boolean[] {true, false}) {
                    Templates.Run coroutine = t.run("Patterns", name, subject, suspend);
                    Object plain = t.instance("Patterns");
                    Templates.Run expected = plainRun(plain, name + "Plain", subject, suspend);
                    String what = name + "(" + subject + ", " + suspend + ")";
                    assertWithMessage(what + " failed").that(coroutine.failure()).isNull();
                    assertWithMessage(what + " printed").that(coroutine.lines())
                            .containsExactlyElementsIn(expected.lines()).inOrder();
                    assertWithMessage(what + " returned").that(coroutine.result()).isEqualTo(expected.result());
                    runs++;
                }
            }
        }
        assertThat(runs).isEqualTo(21 * SUBJECTS.length * 2);
    }

    @Test
    void theBriefsTwoFormsRunAndStoreTheMatchInAField() {
        Templates.Loaded t = compileScenarios();
        assertThat(t.run("Patterns", "afterAwait", "four", true).result()).isEqualTo("four 4");
        assertThat(t.run("Patterns", "afterAwait", 4, true).result()).isEqualTo("not a string");
        assertThat(t.run("Patterns", "leftOfAwait", "ab", true).result()).isEqualTo("nonempty ab");
        assertThat(t.run("Patterns", "leftOfAwait", "", false).result()).isEqualTo("other");
        assertThat(t.run("Patterns", "onlyInTheAwait", "four", false).result()).isEqualTo("long");
        assertThat(t.run("Patterns", "afterWhile", 3, true).result()).isEqualTo("from 3 after 1");
        assertThat(t.run("Patterns", "rebound", "a", true).result()).isEqualTo("a;_b;2.5,cc;_");
        String code = Templates.generated(t.compilation, "t.Baton_Patterns");
        // the match stores the value in the variable's field; later states read the field
        assertThat(code).contains("if (!($m.o instanceof String s && ($m.s = s) != null))");
        assertThat(code).contains("return $m.$complete($m.s + \" \" + $m.s.length());");
        assertThat(code).contains("pattern variable, Patterns.java:");
        // sibling variables of one name, and a local of that name, each get a field
        assertThat(code).contains("($m.s$1 = s) != null");
        assertThat(code).contains("$m.s$2 = \"local\";");
        // a lambda in the variable's scope on the line that binds it captures the binding itself
        assertThat(code).contains("anyMatch(e -> e.equals(s))");
    }

    @Test
    void anAwaitOnAPendingPromiseKeepsTheVariable() {
        Templates.Loaded t = compileClean(template("Pending",
                "  @Async Coroutine<String> main(Object o) {",
                "    Promise<Integer> p = EventLoop.current().createPromise();",
                "    EventLoop.current().callSoon(() -> { System.out.println(\"resolve\"); p.setResult(5); });",
                "    if (o instanceof CharSequence s && await(p) + s.length() > 5) {",
                "      System.out.println(\"resumed \" + s);",
                "      Promise<Integer> q = EventLoop.current().createPromise();",
                "      EventLoop.current().callSoon(() -> q.setResult(s.length()));",
                "      return done(s + \":\" + await(q));",
                "    }",
                "    return done(\"no\");",
                "  }"));
        Templates.Run r = t.run("Pending", "main", new StringBuilder("abc"));
        assertThat(r.failure()).isNull();
        assertThat(r.lines()).containsExactly("resolve", "resumed abc").inOrder();
        assertThat(r.result()).isEqualTo("abc:3");
        r = t.run("Pending", "main", 42);
        assertThat(r.result()).isEqualTo("no");
    }

    static Templates.Run plainRun(Object target, String method, Object... args) throws Exception {
        java.lang.reflect.Method m = null;
        for (Class<?> c = target.getClass(); c != null && m == null; c = c.getSuperclass()) {
            for (java.lang.reflect.Method candidate : c.getDeclaredMethods()) {
                if (candidate.getName().equals(method)) {
                    m = candidate;
                }
            }
        }
        assertWithMessage(method).that(m).isNotNull();
        m.setAccessible(true);
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        Object result;
        try {
            result = m.invoke(target, args);
        } finally {
            System.setOut(saved);
        }
        return new Templates.Run(bytes.toString(java.nio.charset.StandardCharsets.UTF_8), result, null);
    }
}
