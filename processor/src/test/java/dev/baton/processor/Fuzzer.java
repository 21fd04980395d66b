package dev.baton.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The differential fuzzer: random coroutines ({@link FuzzProgram}) compiled by Baton and, with
 * their awaits taken out, by javac alone ({@link Oracle}); each must compile without a warning
 * under {@code -Xlint:all} and print and end as its plain twin does, with awaits that suspend and
 * awaits that complete at once. Programs are compiled in batches (one template class each), and
 * a batch that fails is split to find the programs at fault; a finding is shrunk by leaving out
 * statements while it still fails.
 */
final class Fuzzer {
    private Fuzzer() {}

    static final String[] HELPERS = {
        "  Awaitable<Void> pause(boolean suspend) { return later(suspend, null); }",
        "  void pauseNow(boolean suspend) {}",
        "  <T> Awaitable<T> step(boolean suspend, T x) { log(\"step \" + x); return later(suspend, x); }",
        "  <T> T stepNow(boolean suspend, T x) { log(\"step \" + x); return x; }",
        "  @Async <T> Coroutine<T> later(boolean suspend, T x) {",
        "    if (suspend) { await(sleep(0)); }",
        "    return done(x);",
        "  }",
        "  @Async <T> Coroutine<T> fail(boolean suspend, String m) {",
        "    if (suspend) { await(sleep(0)); }",
        "    throw new Boom(m);",
        "  }",
        "  <T> T failNow(boolean suspend, String m) { throw new Boom(m); }",
        "  <T> T doneNow(T x) { return x; }",
        "  static void log(Object s) { System.out.println(s); }",
        "  static int v(String tag, int x) { log(tag + \" \" + x); return x; }",
        "  static boolean b(String tag, boolean x) { log(tag + \" \" + x); return x; }",
        "  static String s(String tag, String x) { log(tag + \" \" + x); return x; }",
        "  static int use(int x, java.util.function.IntSupplier f) { return x * 100 + f.getAsInt(); }",
        "  static int apply(java.util.function.IntSupplier f) { return f.getAsInt(); }",
        "  static int len(java.util.function.IntSupplier f, int x) { return f.getAsInt() * 10 + x; }",
        "  static String what(Throwable t) {",
        "    return t.getClass().getSimpleName() + (t instanceof NullPointerException ? \"\" : \" \" + t.getMessage());",
        "  }"};

    static final String[] PAIR = {
        "package t;",
        "public class Pair {",
        "  static { System.out.println(\"Pair initialized\"); }",
        "  final int a, b;",
        "  public Pair(int a, int b) { this.a = a; this.b = b; System.out.println(\"new Pair \" + a + \" \" + b); }",
        "  public int sum() { return a + b; }",
        "}"};

    /** A program the fuzzer found at fault: why, and its lines (shrunk when {@link #shrunk} is set). */
    record Finding(long seed, String kind, String detail, List<String> program, boolean shrunk) {
        /** A program javac itself rejects is the generator's fault: shown as generated, not shrunk. */
        boolean worthShrinking() {
            return !kind.startsWith("invalid program");
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + kind + (shrunk ? " (shrunk)" : "") + "\n" + String.join("\n", program)
                    + "\n" + detail;
        }
    }

    /** What a run of the fuzzer did. */
    static final class Summary {
        int programs;
        int runs;
        int statements;
        int awaits;
        long compileNanos;
        long runNanos;
        long cpuNanos;
        final Map<String, Integer> features = new TreeMap<>();
        final List<Finding> findings = new ArrayList<>();

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "%d programs (%d statements, %d await sites), %d runs compared with javac's, %d findings"
                            + " (compiling %.1f s, running %.1f s, CPU %.1f s)%n",
                    programs, statements, awaits, runs, findings.size(), compileNanos / 1e9, runNanos / 1e9,
                    cpuNanos / 1e9));
            s.append("programs per construct: ").append(features).append('\n');
            for (Finding f : findings) {
                s.append(f).append("\n\n");
            }
            return s.toString();
        }
    }

    static String name(long seed) {
        return "p" + seed;
    }

    /** Runs the programs of seeds {@code from} .. {@code from + count - 1}, {@code batch} to a template. */
    static Summary run(long from, int count, int batch, boolean shrink) {
        Summary summary = new Summary();
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (long first = from; first < from + count; first += batch) {
            List<Long> seeds = new ArrayList<>();
            List<FuzzProgram> programs = new ArrayList<>();
            for (long seed = first; seed < Math.min(from + count, first + batch); seed++) {
                FuzzProgram p = new FuzzProgram(seed, name(seed));
                seeds.add(seed);
                programs.add(p);
                summary.programs++;
                summary.statements += p.statements();
                for (String l : p.lines(Set.of())) {
                    summary.awaits += count(l, "await(");
                }
                for (String f : p.features) {
                    summary.features.merge(f, 1, Integer::sum);
                }
            }
            List<List<String>> bodies = new ArrayList<>();
            for (FuzzProgram p : programs) {
                bodies.add(p.lines(Set.of()));
            }
            long t0 = System.nanoTime();
            Compilation c = compile(bodies);
            summary.compileNanos += System.nanoTime() - t0;
            if (compileProblem(c) != null) {
                // find the programs at fault, one by one
                for (int i = 0; i < programs.size(); i++) {
                    Finding f = check(seeds.get(i), bodies.get(i));
                    summary.runs += f == null ? 4 : 0;
                    if (f != null) {
                        summary.findings.add(shrink && f.worthShrinking() ? shrink(programs.get(i), f) : f);
                    }
                }
                continue;
            }
            for (int i = 0; i < programs.size(); i++) {
                long t1 = System.nanoTime();
                Finding f = compare(c, seeds.get(i), bodies.get(i));
                summary.runNanos += System.nanoTime() - t1;
                summary.runs += 4;
                if (f != null) {
                    summary.findings.add(shrink && f.worthShrinking() ? shrink(programs.get(i), f) : f);
                }
            }
        }
        summary.cpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
        return summary;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    static JavaFileObject[] sources(List<List<String>> programs) {
        List<String> body = new ArrayList<>(Arrays.asList(HELPERS));
        for (List<String> p : programs) {
            body.addAll(p);
            body.addAll(Oracle.plain(p));
        }
        return new JavaFileObject[] {
            Templates.template("Fuzz", body.toArray(new String[0])),
            Templates.source("Boom", TryTest.BOOM),
            Templates.source("Res", FinallyRecordTest.RES),
            Templates.source("Loud", EvaluationOrderTest.LOUD),
            Templates.source("Pair", PAIR)};
    }

    static Compilation compile(List<List<String>> programs) {
        return Compiler.javac().withProcessors(new BatonProcessor()).withOptions("-Xlint:all")
                .compile(sources(programs));
    }

    /**
     * Why a compilation is not clean, or null: {@code invalid program} when javac rejects the
     * template itself (the generator's fault), else {@code refused} (an error of Baton's) or
     * {@code generated code} (javac rejects or warns about what Baton generated).
     */
    static String[] compileProblem(Compilation c) {
        if (c.status() == Compilation.Status.SUCCESS && c.warnings().isEmpty()) {
            return null;
        }
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR && d.getKind() != Diagnostic.Kind.WARNING
                    && d.getKind() != Diagnostic.Kind.MANDATORY_WARNING) {
                continue;
            }
            String text = d.getMessage(Locale.ROOT);
            String where = d.getSource() == null ? "" : d.getSource().getName();
            if (text.contains("[Baton")) {
                return new String[] {"refused", text.substring(text.indexOf("[Baton")).split("]")[0] + "]", d.toString()};
            }
            if (where.contains("Baton_")) {
                return new String[] {"generated code", d.getKind() + " " + text.split("\n")[0], d.toString()};
            }
            return new String[] {"invalid program", d.getKind() + " " + text.split("\n")[0], d.toString()};
        }
        return new String[] {"invalid program", "no diagnostic", Templates.describe(c)};
    }

    /** Compiles one program alone and compares it with its twin: the finding, or null. */
    static Finding check(long seed, List<String> program) {
        Compilation c = compile(List.of(program));
        String[] problem = compileProblem(c);
        if (problem != null) {
            return new Finding(seed, problem[0] + " " + problem[1], problem[2], program, false);
        }
        return compare(c, seed, program);
    }

    private static Finding compare(Compilation c, long seed, List<String> program) {
        for (boolean suspend : new boolean[] {true, false}) {
            Oracle.Outcome expected = Oracle.plain(c, "Fuzz", name(seed), suspend);
            Oracle.Outcome actual = Oracle.coroutine(c, "Fuzz", name(seed), suspend);
            if (!expected.equals(actual)) {
                return new Finding(seed, "disagreement (suspend " + suspend + ")", "javac:\n" + expected + "\nBaton:\n"
                        + actual, program, false);
            }
        }
        return null;
    }

    /**
     * Leaves statements out of {@code p}, one at a time, first to last, keeping each removal after
     * which the program still fails the same way (the same kind of finding), until none can go.
     */
    static Finding shrink(FuzzProgram p, Finding f) {
        Set<Integer> drop = new HashSet<>();
        Finding smallest = f;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < p.statements(); i++) {
                if (drop.contains(i)) {
                    continue;
                }
                drop.add(i);
                Finding g = check(f.seed(), p.lines(drop));
                if (g != null && sameKind(f, g)) {
                    smallest = g;
                    progress = true;
                } else {
                    drop.remove(i);
                }
            }
        }
        return new Finding(smallest.seed(), smallest.kind(), smallest.detail(), smallest.program(), true);
    }

    private static boolean sameKind(Finding a, Finding b) {
        if (a.kind().startsWith("disagreement")) {
            return b.kind().startsWith("disagreement");
        }
        return a.kind().equals(b.kind());
    }
}
