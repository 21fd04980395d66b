package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.source;
import static dev.baton.processor.Templates.template;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Completion records: what entered a finally (normal completion, a throw, a return, a break
 * or continue) is replayed at its end. A finally that awaits keeps its record in machine
 * fields, across the suspension; one that does not keeps it in locals of the resume method.
 *
 * <p>The oracle is javac: each scenario is written once as a coroutine and compiled a second
 * time as a plain Java method with its awaits taken out ({@code await(pause())} becomes
 * {@code pauseNow()}, {@code return done(x)} becomes {@code return x}); both must print the
 * same lines and end the same way, for every argument.
 */
class FinallyRecordTest {

    static final String[] BOOM = TryTest.BOOM;

    static final String[] RES = {
        "package t;",
        "public class Res implements AutoCloseable {",
        "  final String name; final boolean failClose;",
        "  public Res(String name, boolean failClose) {",
        "    this.name = name; this.failClose = failClose;",
        "    System.out.println(\"open \" + name);",
        "  }",
        "  @Override public void close() {",
        "    System.out.println(\"close \" + name);",
        "    if (failClose) throw new IllegalStateException(\"close \" + name);",
        "  }",
        "}"};

    /** The helpers: each awaitable has a plain twin named ...Now that does the same at once. */
    static final String[] HELPERS = {
        "  Awaitable<Void> pause() { return sleep(0); }",
        "  void pauseNow() {}",
        "  Awaitable<Void> ready() {",
        "    Promise<Void> p = EventLoop.current().createPromise();",
        "    p.setResult(null);",
        "    return p;",
        "  }",
        "  void readyNow() {}",
        "  @Async Coroutine<Void> fail(String msg) { await(sleep(0)); throw new Boom(msg); }",
        "  void failNow(String msg) { throw new Boom(msg); }",
        "  void log(String s) { System.out.println(s); }"};

    /** Each scenario: a coroutine taking {@code int how}; which of them await in a finally is in FIELDS. */
    static final String[] SCENARIOS = {
        // a return passes its value through a finally, before and after a suspension in the try
        "  @Async",
        "  Coroutine<String> returnThrough(int how) {",
        "    try {",
        "      log(\"try \" + how);",
        "      if (how == 1) { await(pause()); }",
        "      if (how == 2) { await(ready()); }",
        "      return done(\"returned \" + how);",
        "    } finally {",
        "      log(\"finally \" + how);",
        "    }",
        "  }",
        // an exception is rethrown after the finally: delivered at the await site after a
        // suspension, thrown after a fast-path await (no suspension yet), thrown after a suspension
        "  @Async",
        "  Coroutine<String> throwThrough(int how) {",
        "    try {",
        "      if (how == 0) { await(fail(\"delivered\")); }",
        "      await(ready());",
        "      if (how == 1) { throw new Boom(\"after fast path\"); }",
        "      await(pause());",
        "      if (how == 2) { throw new Boom(\"after suspension\"); }",
        "      log(\"no throw \" + how);",
        "    } finally {",
        "      log(\"finally \" + how);",
        "    }",
        "    return done(\"completed \" + how);",
        "  }",
        // catches in front of the finally: caught, thrown from the catch, returned from the catch
        "  @Async",
        "  Coroutine<String> catchThenFinally(int how) {",
        "    try {",
        "      await(pause());",
        "      if (how > 0) { throw new Boom(\"try \" + how); }",
        "      log(\"try done\");",
        "    } catch (Boom e) {",
        "      log(\"caught \" + e.getMessage());",
        "      await(pause());",
        "      if (how == 2) { throw new IllegalStateException(\"from catch\"); }",
        "      if (how == 3) { return done(\"returned from catch\"); }",
        "    } finally {",
        "      log(\"finally \" + how);",
        "    }",
        "    return done(\"after \" + how);",
        "  }",
        // a finally that throws or returns replaces what entered it
        "  @Async",
        "  Coroutine<String> throwInFinally(int how) {",
        "    try {",
        "      await(pause());",
        "      if (how == 1) { return done(\"lost return\"); }",
        "      if (how == 2 || how == 5) { throw new Boom(\"lost exception\"); }",
        "    } finally {",
        "      log(\"finally \" + how);",
        "      if (how == 3 || how == 5) { return done(\"finally wins\"); }",
        "      if (how < 4) { throw new IllegalStateException(\"from finally \" + how); }",
        "    }",
        "    return done(\"after \" + how);",
        "  }",
        // an exception from a finally goes to the catch around the try
        "  @Async",
        "  Coroutine<String> finallyThrowsIntoCatch(int how) {",
        "    try {",
        "      try {",
        "        await(pause());",
        "        if (how == 1) { return done(\"inner return\"); }",
        "        if (how == 2) { throw new IllegalStateException(\"inner throw\"); }",
        "      } finally {",
        "        log(\"inner finally \" + how);",
        "        if (how < 3) { throw new Boom(\"from inner finally \" + how); }",
        "      }",
        "      log(\"after inner \" + how);",
        "    } catch (Boom e) {",
        "      log(\"outer caught \" + e.getMessage());",
        "    }",
        "    return done(\"after \" + how);",
        "  }",
        // labeled and plain breaks and continues through two finallies, neither awaits
        "  @Async",
        "  Coroutine<String> jumpsQuiet(int how) {",
        "    outer:",
        "    for (int i = 0; i < 5; i++) {",
        "      try {",
        "        inner:",
        "        for (int j = 0; j < 3; j++) {",
        "          try {",
        "            await(pause());",
        "            if (i == 1 && j == 1) { continue outer; }",
        "            if (j == 1) { continue inner; }",
        "            if (i == how && j == 2) { break outer; }",
        "            if (i == 4 && j == 0) { return done(\"returned at \" + i + j); }",
        "            if (j == 2) { break inner; }",
        "            log(\"body \" + i + j);",
        "          } finally {",
        "            log(\"inner finally \" + i + j);",
        "          }",
        "        }",
        "        log(\"after inner \" + i);",
        "      } finally {",
        "        log(\"outer finally \" + i);",
        "      }",
        "    }",
        "    return done(\"jumps done \" + how);",
        "  }",
        // the same through an outer finally that awaits around an inner one that does not
        "  @Async",
        "  Coroutine<String> jumpsOuterAwaits(int how) {",
        "    outer:",
        "    for (int i = 0; i < 5; i++) {",
        "      try {",
        "        inner:",
        "        for (int j = 0; j < 3; j++) {",
        "          try {",
        "            await(pause());",
        "            if (i == 1 && j == 1) { continue outer; }",
        "            if (j == 1) { continue inner; }",
        "            if (i == how && j == 2) { break outer; }",
        "            if (i == 4 && j == 0) { return done(\"returned at \" + i + j); }",
        "            if (j == 2) { break inner; }",
        "            log(\"body \" + i + j);",
        "          } finally {",
        "            log(\"inner finally \" + i + j);",
        "          }",
        "        }",
        "        log(\"after inner \" + i);",
        "      } finally {",
        "        await(pause());",
        "        log(\"outer finally \" + i);",
        "      }",
        "    }",
        "    return done(\"jumps done \" + how);",
        "  }",
        // and through an outer finally that does not await around an inner one that does
        "  @Async",
        "  Coroutine<String> jumpsInnerAwaits(int how) {",
        "    outer:",
        "    for (int i = 0; i < 5; i++) {",
        "      try {",
        "        inner:",
        "        for (int j = 0; j < 3; j++) {",
        "          try {",
        "            await(pause());",
        "            if (i == 1 && j == 1) { continue outer; }",
        "            if (j == 1) { continue inner; }",
        "            if (i == how && j == 2) { break outer; }",
        "            if (i == 4 && j == 0) { return done(\"returned at \" + i + j); }",
        "            if (j == 2) { break inner; }",
        "            log(\"body \" + i + j);",
        "          } finally {",
        "            log(\"inner finally \" + i + j);",
        "            await(pause());",
        "          }",
        "        }",
        "        log(\"after inner \" + i);",
        "      } finally {",
        "        log(\"outer finally \" + i);",
        "      }",
        "    }",
        "    return done(\"jumps done \" + how);",
        "  }",
        // a break out of a labeled block (not a loop) through a finally
        "  @Async",
        "  Coroutine<String> breakBlock(int how) {",
        "    block: {",
        "      try {",
        "        await(pause());",
        "        if (how == 1) { break block; }",
        "        log(\"rest of block\");",
        "      } finally {",
        "        log(\"finally \" + how);",
        "      }",
        "      log(\"after try \" + how);",
        "    }",
        "    return done(\"after block \" + how);",
        "  }",
        // a try whose finally does not await, inside a finally that awaits before and after it
        "  @Async",
        "  Coroutine<String> quietInsideAwaiting(int how) {",
        "    try {",
        "      await(pause());",
        "      if (how == 1) { throw new Boom(\"body\"); }",
        "      if (how == 2) { return done(\"body value\"); }",
        "    } finally {",
        "      log(\"outer finally\");",
        "      await(pause());",
        "      try {",
        "        await(pause());",
        "        if (how == 3) { throw new IllegalStateException(\"inner try\"); }",
        "        log(\"inner try\");",
        "      } finally {",
        "        log(\"inner finally\");",
        "      }",
        "      await(pause());",
        "      log(\"outer finally end\");",
        "    }",
        "    return done(\"after \" + how);",
        "  }",
        // a try whose finally awaits, inside a try whose finally does not
        "  @Async",
        "  Coroutine<String> awaitingInsideQuiet(int how) {",
        "    try {",
        "      try {",
        "        await(pause());",
        "        if (how == 1) { return done(\"inner return\"); }",
        "        if (how == 2) { throw new Boom(\"inner throw\"); }",
        "      } finally {",
        "        log(\"inner finally\");",
        "        await(pause());",
        "        log(\"inner finally resumed\");",
        "      }",
        "      log(\"between\");",
        "    } finally {",
        "      log(\"outer finally\");",
        "    }",
        "    return done(\"after \" + how);",
        "  }",
        // a finally that awaits keeps the return value and the exception across its suspension
        "  @Async",
        "  Coroutine<String> awaitInFinally(int how) {",
        "    try {",
        "      await(pause());",
        "      if (how == 1) { return done(\"kept across suspension\"); }",
        "      if (how == 2) { throw new Boom(\"kept across suspension\"); }",
        "    } finally {",
        "      log(\"finally before \" + how);",
        "      await(pause());",
        "      log(\"finally after \" + how);",
        "    }",
        "    return done(\"normal \" + how);",
        "  }",
        // try-with-resources: closed in reverse, suppressed close failures, return and throw through
        "  @Async",
        "  @SuppressWarnings(\"try\")",
        "  Coroutine<String> resources(int how) {",
        "    try (Res a = new Res(\"a\", how == 3); Res b = new Res(\"b\", how >= 2)) {",
        "      await(pause());",
        "      if (how == 1) { return done(\"returned with resources\"); }",
        "      if (how == 2) { throw new Boom(\"body with resources\"); }",
        "      log(\"body \" + how);",
        "    }",
        "    return done(\"resources \" + how);",
        "  }",
        // a resource that is an existing variable, and a resource inside a try with a catch
        "  @Async",
        "  Coroutine<String> resourceVariable(int how) {",
        "    Res r = new Res(\"r\", how == 2);",
        "    try (r) {",
        "      await(pause());",
        "      if (how == 1) { throw new Boom(\"body\"); }",
        "      log(\"body \" + how);",
        "    } catch (Boom | IllegalStateException e) {",
        "      log(\"caught \" + e.getMessage() + \" suppressed \" + e.getSuppressed().length);",
        "    } finally {",
        "      log(\"finally \" + how);",
        "    }",
        "    return done(\"after \" + how);",
        "  }"};

    /** The scenarios whose machine keeps a record in fields: those with a finally that awaits. */
    static final List<String> FIELDS = List.of("jumpsOuterAwaits", "jumpsInnerAwaits", "quietInsideAwaiting",
            "awaitingInsideQuiet", "awaitInFinally");

    /** The plain Java twin of a coroutine's lines: awaits taken out, as javac is the oracle. */
    static List<String> plain(String[] lines) {
        List<String> out = new ArrayList<>();
        Pattern signature = Pattern.compile("Coroutine<String> (\\w+)\\(");
        Pattern await = Pattern.compile("await\\((\\w+)\\(([^()]*)\\)\\)");
        Pattern done = Pattern.compile("return done\\((.*)\\);");
        for (String line : lines) {
            if (line.strip().equals("@Async")) {
                continue;
            }
            String l = signature.matcher(line).replaceAll("String $1Plain(");
            l = await.matcher(l).replaceAll("$1Now($2)");
            l = done.matcher(l).replaceAll("return $1;");
            assertWithMessage(line).that(l).doesNotContain("await(");
            out.add(l);
        }
        return out;
    }

    static Templates.Loaded compileScenarios() {
        List<String> body = new ArrayList<>(Arrays.asList(HELPERS));
        body.addAll(Arrays.asList(SCENARIOS));
        body.addAll(plain(SCENARIOS));
        return compileClean(source("Boom", BOOM), source("Res", RES),
                template("Records", body.toArray(new String[0])));
    }

    static List<String> scenarioNames() {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("Coroutine<String> (\\w+)\\(").matcher(String.join("\n", SCENARIOS));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyScenarioEndsAsJavacSaysWithTheAwaitsTakenOut() {
        Templates.Loaded t = compileScenarios();
        List<String> names = scenarioNames();
        assertThat(names).hasSize(14);
        int runs = 0;
        for (String name : names) {
            for (int how = 0; how <= 5; how++) {
                int arg = how;
                Templates.Run coroutine = t.run("Records", name, arg);
                Templates.Run expected = plainRun(t.instance("Records"), name + "Plain", arg);
                String what = name + "(" + arg + ")";
                assertWithMessage(what + " printed").that(coroutine.lines()).containsExactlyElementsIn(
                        expected.lines()).inOrder();
                assertWithMessage(what + " returned").that(coroutine.result()).isEqualTo(expected.result());
                assertWithMessage(what + " failed with").that(describe(coroutine.failure()))
                        .isEqualTo(describe(expected.failure()));
                assertWithMessage(what + " printed nothing").that(expected.lines()).isNotEmpty();
                runs++;
            }
        }
        assertThat(runs).isEqualTo(84);
    }

    @Test
    void theOracleSeesWhatJavaSays() {
        // a few outcomes spelled out, so that the comparison above is not between two wrong answers
        Templates.Loaded t = compileScenarios();
        Templates.Run r = t.run("Records", "returnThrough", 1);
        assertThat(r.result()).isEqualTo("returned 1");
        assertThat(r.lines()).containsExactly("try 1", "finally 1").inOrder();
        r = t.run("Records", "throwThrough", 0);
        assertThat(describe(r.failure())).isEqualTo("t.Boom: delivered");
        assertThat(r.lines()).containsExactly("finally 0");
        r = t.run("Records", "throwInFinally", 1);
        assertThat(describe(r.failure())).isEqualTo("java.lang.IllegalStateException: from finally 1");
        r = t.run("Records", "throwInFinally", 5);
        assertThat(r.result()).isEqualTo("finally wins");
        assertThat(r.failure()).isNull();
        r = t.run("Records", "resources", 2);
        assertThat(describe(r.failure())).isEqualTo("t.Boom: body with resources [close b]");
        assertThat(r.lines()).containsExactly("open a", "open b", "close b", "close a").inOrder();
        r = t.run("Records", "jumpsQuiet", 2);
        assertThat(r.result()).isEqualTo("jumps done 2");
        assertThat(r.lines()).containsExactly(
                "body 00", "inner finally 00", "inner finally 01", "inner finally 02", "after inner 0",
                "outer finally 0",
                "body 10", "inner finally 10", "inner finally 11", "outer finally 1",
                "body 20", "inner finally 20", "inner finally 21", "inner finally 22", "outer finally 2").inOrder();
        r = t.run("Records", "awaitInFinally", 2);
        assertThat(describe(r.failure())).isEqualTo("t.Boom: kept across suspension");
        assertThat(r.lines()).containsExactly("finally before 2", "finally after 2").inOrder();
    }

    @Test
    void onlyAFinallyThatAwaitsKeepsItsRecordInFields() throws Exception {
        Templates.Loaded t = compileScenarios();
        for (String name : scenarioNames()) {
            List<String> records = recordFields(machineOf(t, name));
            assertWithMessage(name).that(records.isEmpty()).isEqualTo(!FIELDS.contains(name));
        }
        // one record per finally that awaits, none for those that do not
        assertThat(recordFields(machineOf(t, "jumpsOuterAwaits"))).hasSize(2);
        assertThat(recordFields(machineOf(t, "quietInsideAwaiting"))).hasSize(2);
    }

    /**
     * Try statements side by side are never in their finallies at the same time, so they share
     * one completion record (issue 10); a try nested in another's body needs a record of its own.
     */
    @Test
    void siblingTriesShareOneRecordAndNestedTriesKeepTheirOwn() throws Exception {
        Templates.Loaded t = compileClean(source("Boom", BOOM), template("Siblings",
                "  @Async",
                "  Coroutine<String> siblings(int n) {",
                "    String log = \"\";",
                "    try { await(sleep(0)); if (n == 1) { throw new Boom(\"one\"); } log += \"a\"; }",
                "    catch (Boom e) { log += \"caught \" + e.getMessage(); }",
                "    finally { await(sleep(0)); log += \" fa\"; }",
                "    try { await(sleep(0)); if (n == 2) { return done(log + \" early\"); } log += \" b\"; }",
                "    finally { await(sleep(0)); log += \" fb\"; System.out.println(\"fb: \" + log); }",
                "    try { log += \" c\"; } finally { await(sleep(0)); log += \" fc\"; }",
                "    return done(log);",
                "  }",
                "  @Async",
                "  Coroutine<String> nested(int n) {",
                "    String log = \"\";",
                "    try {",
                "      try { await(sleep(0)); log += \"in\"; } finally { await(sleep(0)); log += \" fin\"; }",
                "      try { await(sleep(0)); if (n == 1) { throw new Boom(\"two\"); } }",
                "      finally { await(sleep(0)); log += \" fin2\"; }",
                "    } catch (Boom e) { log += \" caught \" + e.getMessage(); }",
                "    finally { await(sleep(0)); log += \" fout\"; }",
                "    return done(log);",
                "  }"));
        assertThat(recordFields(machineOf(t, "Siblings", "siblings"))).hasSize(2); // one kind, one value
        assertThat(recordFields(machineOf(t, "Siblings", "nested"))).hasSize(4); // outer, then the inner two

        Templates.Run r = t.run("Siblings", "siblings", 0);
        assertThat(r.result()).isEqualTo("a fa b fb c fc");
        assertThat(r.lines()).containsExactly("fb: a fa b fb");
        r = t.run("Siblings", "siblings", 1);
        assertThat(r.result()).isEqualTo("caught one fa b fb c fc");
        r = t.run("Siblings", "siblings", 2);
        assertThat(r.result()).isEqualTo("a fa early");
        assertThat(r.lines()).containsExactly("fb: a fa fb");
        r = t.run("Siblings", "nested", 0);
        assertThat(r.result()).isEqualTo("in fin fin2 fout");
        r = t.run("Siblings", "nested", 1);
        assertThat(r.result()).isEqualTo("in fin fin2 caught two fout");
        assertThat(r.failure()).isNull();
    }

    @Test
    void aGuardedMachineKeepsOnlyItsGuards() throws Exception {
        Templates.Loaded t = compileClean(template("Guards",
                "  final Lock lock = new Lock();",
                "  final Semaphore permits = new Semaphore(1);",
                "  @Guarded(\"lock\")",
                "  Coroutine<Void> onLock() {",
                "    return done();",
                "  }",
                "  @Guarded(\"lock\")",
                "  @Guarded(\"permits\")",
                "  Coroutine<Integer> both(int n) {",
                "    await(sleep(0));",
                "    if (n < 0) { throw new IllegalArgumentException(\"negative \" + n); }",
                "    return done(n * 2);",
                "  }"));
        assertThat(fieldNames(machineOf(t, "Guards", "onLock"))).containsExactly("$guard0");
        assertThat(fieldNames(machineOf(t, "Guards", "both"))).containsExactly("n", "$guard0", "$guard1");
        String generated = Templates.generated(t.compilation, "t.Baton_Guards");
        assertThat(generated).doesNotContain("$m.$finally");
        assertThat(generated).doesNotContain("this.$finally");
    }

    @Test
    void guardedBodiesReturnThrowAndReleaseWithLocalRecords() {
        Templates.Loaded t = compileClean(template("GuardedRuns",
                "  final Lock lock = new Lock();",
                "  final Semaphore permits = new Semaphore(1);",
                "  @Guarded(\"lock\")",
                "  @Guarded(\"permits\")",
                "  Coroutine<Integer> both(int n) {",
                "    System.out.println(\"in \" + n + \" \" + lock.locked() + \" \" + permits.locked());",
                "    if (n == 0) { return done(0); }",
                "    await(sleep(0));",
                "    if (n < 0) { throw new IllegalArgumentException(\"negative \" + n); }",
                "    try {",
                "      await(sleep(0));",
                "      if (n == 3) { return done(33); }",
                "    } finally {",
                "      System.out.println(\"inner finally \" + n);",
                "      await(sleep(0));",
                "    }",
                "    for (int i = 0; ; i++) {",
                "      await(sleep(0));",
                "      if (i == n) { return done(n * 2); }",
                "    }",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    for (int n : new int[] {0, 1, -1, 3, 4}) {",
                "      try {",
                "        int got = await(both(n));",
                "        System.out.println(\"got \" + got);",
                "      } catch (IllegalArgumentException e) {",
                "        System.out.println(\"caught \" + e.getMessage());",
                "      }",
                "      System.out.println(\"released \" + !lock.locked() + \" \" + !permits.locked());",
                "    }",
                "    Task<Integer> a = spawn(both(4));",
                "    Task<Integer> b = spawn(both(3));",
                "    await(waitAll(a, b));",
                "    System.out.println(\"tasks \" + a.result() + \" \" + b.result() + \" \" + lock.locked());",
                "    return done();",
                "  }"));
        Templates.Run run = t.run("GuardedRuns", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly(
                "in 0 true true", "got 0", "released true true",
                "in 1 true true", "inner finally 1", "got 2", "released true true",
                "in -1 true true", "caught negative -1", "released true true",
                "in 3 true true", "inner finally 3", "got 33", "released true true",
                "in 4 true true", "inner finally 4", "got 8", "released true true",
                "in 4 true true", "inner finally 4", "in 3 true true", "inner finally 3",
                "tasks 8 33 false").inOrder();
    }

    @Test
    void interleavedCoroutinesEachKeepTheirOwnRecord() {
        // several machines in the same finally at once: fields per machine, locals per call
        Templates.Loaded t = compileClean(source("Boom", BOOM), template("Interleaved",
                "  @Async",
                "  Coroutine<String> awaiting(int n) {",
                "    try {",
                "      await(sleep(n * 0.1));",
                "      if (n % 2 == 0) { return done(\"value \" + n); }",
                "      throw new Boom(\"boom \" + n);",
                "    } finally {",
                "      await(sleep(1 - n * 0.1));",
                "    }",
                "  }",
                "  @Async",
                "  Coroutine<String> quiet(int n) {",
                "    try {",
                "      await(sleep(1 - n * 0.1));",
                "      if (n % 2 == 0) { return done(\"value \" + n); }",
                "      throw new Boom(\"boom \" + n);",
                "    } finally {",
                "      System.out.println(\"quiet finally \" + n);",
                "    }",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    List<Task<String>> tasks = new ArrayList<>();",
                "    for (int n = 0; n < 4; n++) {",
                "      tasks.add(spawn(awaiting(n)));",
                "      tasks.add(spawn(quiet(n)));",
                "    }",
                "    await(gather(true, tasks.toArray(new Task<?>[0])));",
                "    for (Task<String> task : tasks) {",
                "      System.out.println(task.exception() == null ? task.result() : \"failed \" + task.exception());",
                "    }",
                "    return done();",
                "  }"));
        Templates.Run run = t.run("Interleaved", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly(
                "quiet finally 3", "quiet finally 2", "quiet finally 1", "quiet finally 0",
                "value 0", "value 0", "failed boom 1", "failed boom 1",
                "value 2", "value 2", "failed boom 3", "failed boom 3").inOrder();
    }

    // ---- helpers ----

    /** Runs a plain method of the template, capturing what it prints, like {@link Templates#run}. */
    static Templates.Run plainRun(Object instance, String method, int arg) {
        synchronized (Templates.class) {
            PrintStream saved = System.out;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            Object result = null;
            Throwable failure = null;
            try {
                Method m = instance.getClass().getSuperclass().getDeclaredMethod(method, int.class);
                m.setAccessible(true);
                result = m.invoke(instance, arg);
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            } finally {
                System.setOut(saved);
            }
            return new Templates.Run(bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"), result, failure);
        }
    }

    /** An exception as its class, message and suppressed messages; null for none. */
    static String describe(Throwable t) {
        if (t == null) {
            return null;
        }
        List<String> suppressed = new ArrayList<>();
        for (Throwable s : t.getSuppressed()) {
            suppressed.add(s.getMessage());
        }
        return t.getClass().getName() + ": " + t.getMessage() + (suppressed.isEmpty() ? "" : " " + suppressed);
    }

    static Class<?> machineOf(Templates.Loaded t, String method) throws ClassNotFoundException {
        return machineOf(t, "Records", method);
    }

    static Class<?> machineOf(Templates.Loaded t, String template, String method) throws ClassNotFoundException {
        String machine = Character.toUpperCase(method.charAt(0)) + method.substring(1) + "$Machine";
        return t.loader.loadClass("t.Baton_" + template + "$" + machine);
    }

    /** The machine's own fields: not the template's instance ($self, or an inner class's this$0). */
    static List<String> fieldNames(Class<?> machine) {
        List<String> names = new ArrayList<>();
        for (Field f : machine.getDeclaredFields()) {
            if (!f.isSynthetic() && !f.getName().equals("$self")) {
                names.add(f.getName());
            }
        }
        return names;
    }

    static List<String> recordFields(Class<?> machine) {
        List<String> out = fieldNames(machine);
        out.removeIf(n -> !n.startsWith("$finally"));
        return out;
    }
}
