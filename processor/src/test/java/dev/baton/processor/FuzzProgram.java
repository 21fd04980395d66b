package dev.baton.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random coroutine for the differential fuzzer ({@link FuzzTest}): from a seed, the lines of
 * {@code Coroutine<String> name(boolean suspend)}, a body of nested blocks, loops with labeled
 * jumps, both switch forms and switch expressions, try/catch/finally and try-with-resources,
 * returns and throws, with awaits (that suspend or complete at once, or fail) inside every kind
 * of expression, locals of every primitive type, boxed, {@code var}, captured by lambdas and
 * classes, pattern variables. Its plain twin is {@link Oracle#plain}'s. Every program is valid
 * Java that compiles without a warning under {@code -Xlint:all}, terminates (each loop runs at
 * most a few times) and prints what it evaluates, so javac's order shows.
 *
 * <p>Each statement's lines are recorded, so the shrinker can leave statements out (with what they
 * nest) and keep the rest of the program as it was.
 */
final class FuzzProgram {
    /** The types of locals; each has literals, operators and a few conversions. */
    enum T {
        INT("int"), LONG("long"), DOUBLE("double"), BOOLEAN("boolean"), CHAR("char"), BYTE("byte"), SHORT("short"),
        FLOAT("float"), STRING("String"), INTEGER("Integer"), OBJECT("Object"), INTS("int[]"), LOUD("Loud");

        final String java;

        T(String java) {
            this.java = java;
        }

        boolean numeric() {
            return this == INT || this == LONG || this == DOUBLE || this == CHAR || this == BYTE || this == SHORT
                    || this == FLOAT;
        }
    }

    /** A local in scope: whether it may be assigned, and whether a lambda may capture it. */
    record Var(String name, T type, boolean assignable, boolean capturable) {}

    /** What the program used: the constructs the fuzzer's note counts. */
    final java.util.Set<String> features = new java.util.TreeSet<>();

    private final Random random;
    private final String name;
    /** The lines of each statement, by number: {@code [from, to)} in {@link #out}. */
    private final List<int[]> ranges = new ArrayList<>();
    private int statementNumber;
    private int nextName;
    private final List<List<Var>> scopes = new ArrayList<>();
    /** The enclosing loops' labels (null for an unlabeled loop), innermost last. */
    private final List<String> loops = new ArrayList<>();
    private int finallyDepth;
    private final List<String> out = new ArrayList<>();

    FuzzProgram(long seed, String name) {
        this.random = new Random(seed);
        this.name = name;
        generate();
    }

    /** The coroutine's lines, without the statements numbered in {@code drop} (the shrinker's). */
    List<String> lines(java.util.Set<Integer> drop) {
        boolean[] gone = new boolean[out.size()];
        for (int d : drop) {
            int[] r = ranges.get(d);
            for (int i = r[0]; i < r[1]; i++) {
                gone[i] = true;
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (!gone[i]) {
                kept.add(out.get(i));
            }
        }
        return kept;
    }

    private void generate() {
        out.add("  @Async");
        out.add("  @SuppressWarnings(\"fallthrough\")");
        out.add("  Coroutine<String> " + name + "(boolean suspend) {");
        scopes.add(new ArrayList<>());
        Var result = declare(T.STRING, true, false);
        out.add("    String " + result.name() + " = \"\";");
        // a few locals every program has, so assignments, increments, array stores and captures find one
        for (T type : new T[] {T.INT, T.INTS, T.INTEGER}) {
            String init = expr(type, 1);
            out.add("    " + type.java + " " + declare(type, true, false).name() + " = " + init + ";");
        }
        String text = expr(T.STRING, 1);
        out.add("    final String " + declare(T.STRING, false, true).name() + " = " + text + ";");
        int n = 2 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            statement(2, 2);
        }
        StringBuilder summary = new StringBuilder(result.name());
        for (Var v : scopes.get(0)) {
            if (v != result && v.type() != T.LOUD && v.type() != T.INTS) {
                summary.append(" + \" ").append(v.name()).append("=\" + ").append(v.name());
            }
        }
        out.add("    return done(" + summary + ");");
        out.add("  }");
    }

    /** How many statements the program has (the shrinker's {@code drop} numbers them from 0). */
    int statements() {
        return statementNumber;
    }

    // ---- scopes ----

    private Var declare(T type, boolean assignable, boolean capturable) {
        Var v = new Var(fresh(type == T.INTEGER ? "n" : type == T.OBJECT ? "o" : "v"), type, assignable, capturable);
        scopes.get(scopes.size() - 1).add(v);
        return v;
    }

    private String fresh(String base) {
        return base + (nextName++);
    }

    private List<Var> visible(T type, boolean needAssignable, boolean needCapturable) {
        List<Var> found = new ArrayList<>();
        for (List<Var> s : scopes) {
            for (Var v : s) {
                if (v.type() == type && (!needAssignable || v.assignable()) && (!needCapturable || v.capturable())) {
                    found.add(v);
                }
            }
        }
        return found;
    }

    private Var pick(List<Var> vars) {
        return vars.isEmpty() ? null : vars.get(random.nextInt(vars.size()));
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String indent(int level) {
        return "  ".repeat(level);
    }

    private String suspend() {
        int r = random.nextInt(4);
        if (r == 0) {
            features.add("await completing at once");
            return "false";
        }
        if (r == 1) {
            return "true";
        }
        return "suspend";
    }

    // ---- statements ----

    private void block(int level, int depth, int count) {
        scopes.add(new ArrayList<>());
        for (int i = 0; i < count; i++) {
            statement(level, depth);
        }
        scopes.remove(scopes.size() - 1);
    }

    private void statement(int level, int depth) {
        int[] range = {out.size(), 0};
        ranges.add(range);
        statementNumber++;
        statementKind(level, depth);
        range[1] = out.size();
    }

    private void statementKind(int level, int depth) {
        String in = indent(level);
        int kind = random.nextInt(depth > 0 ? 30 : 14);
        switch (kind) {
            case 0, 1, 2 -> {
                T type = T.values()[random.nextInt(T.values().length)];
                boolean fin = chance(25);
                String init = type == T.OBJECT ? objectExpr(2) : expr(type, 2);
                if (type == T.INT && !fin && chance(30)) {
                    features.add("var");
                    Var v = declare(type, true, false);
                    out.add(in + "var " + v.name() + " = " + init + ";");
                } else {
                    Var v = declare(type, !fin, fin);
                    out.add(in + (fin ? "final " : "") + type.java + " " + v.name() + " = " + init + ";");
                }
            }
            case 3, 4 -> out.add(in + "log(\"" + fresh("at") + " \" + " + expr(T.STRING, 3) + ");");
            case 5 -> assignment(in);
            case 6 -> {
                features.add("await statement");
                out.add(in + (chance(70) ? "await(pause(" + suspend() + "));" : "await(step(" + suspend() + ", "
                        + expr(T.INT, 2) + "));"));
            }
            case 7 -> {
                Var r = pick(visible(T.STRING, true, false));
                if (r != null) {
                    features.add("compound assignment");
                    out.add(in + r.name() + " += " + expr(T.STRING, 2) + " + \";\";");
                }
            }
            case 8 -> capture(in);
            case 9 -> {
                Var a = pick(visible(T.INTS, false, false));
                if (a != null) {
                    features.add("array store");
                    String index = chance(80) ? "Math.floorMod(" + expr(T.INT, 2) + ", " + a.name() + ".length)"
                            : expr(T.INT, 1);
                    String op = chance(50) ? " = " : " += ";
                    out.add(in + a.name() + "[" + index + "]" + op + expr(T.INT, 2) + ";");
                }
            }
            case 10 -> {
                features.add("throw");
                out.add(in + "if (" + expr(T.BOOLEAN, 2) + ") throw new Boom(\"" + fresh("b") + " \" + "
                        + expr(T.INT, 1) + ");");
            }
            case 11 -> {
                if (chance(30)) {
                    features.add("await that fails");
                    out.add(in + "if (" + expr(T.BOOLEAN, 1) + ") await(fail(" + suspend() + ", \"" + fresh("f")
                            + "\"));");
                }
            }
            case 12 -> {
                if (finallyDepth == 0 && chance(40)) {
                    features.add("return");
                    out.add(in + "if (" + expr(T.BOOLEAN, 2) + ") return done(\"" + fresh("r") + " \" + "
                            + expr(T.STRING, 2) + ");");
                }
            }
            case 13 -> jump(in);
            case 14, 15 -> ifStatement(level, depth);
            case 16 -> loop(level, depth);
            case 17 -> loop(level, depth);
            case 18 -> {
                features.add("block");
                out.add(in + "{");
                block(level + 1, depth - 1, 1 + random.nextInt(3));
                out.add(in + "}");
            }
            case 19, 20 -> tryStatement(level, depth);
            case 21 -> switchStatement(level, depth);
            case 22 -> pattern(level, depth);
            case 23 -> resources(level, depth);
            case 24 -> lambdaInLoop(level, depth);
            default -> out.add(in + "log(\"" + fresh("at") + " \" + " + expr(T.STRING, 3) + ");");
        }
    }

    private void assignment(String in) {
        T type = T.values()[random.nextInt(T.values().length)];
        Var v = pick(visible(type, true, false));
        if (v == null || type == T.OBJECT || type == T.LOUD) {
            return;
        }
        if (type == T.INTS) {
            out.add(in + v.name() + " = new int[] {" + expr(T.INT, 1) + ", " + expr(T.INT, 1) + "};");
            features.add("new array");
            return;
        }
        String op = compoundOperator(type);
        if (op != null && chance(50)) {
            features.add("compound assignment");
            T operand = compoundOperand(type, op);
            out.add(in + v.name() + " " + op + " " + expr(operand, 2) + ";");
        } else if ((type == T.INT || type == T.LONG) && chance(30)) {
            features.add("increment");
            out.add(in + (chance(50) ? v.name() + "++;" : "--" + v.name() + ";"));
        } else {
            out.add(in + v.name() + " = " + expr(type, 3) + ";");
        }
    }

    /** An operator {@code op=} on a variable of {@code type} whose operand needs no narrowing (no lossy-conversions warning). */
    private String compoundOperator(T type) {
        return switch (type) {
            case INT, LONG -> new String[] {"+=", "-=", "*=", "&=", "|=", "^=", "<<=", ">>="}[random.nextInt(8)];
            case DOUBLE -> new String[] {"+=", "-=", "*="}[random.nextInt(3)];
            case INTEGER -> new String[] {"+=", "-="}[random.nextInt(2)];
            case STRING -> "+=";
            case BOOLEAN -> new String[] {"&=", "|=", "^="}[random.nextInt(3)];
            default -> null;
        };
    }

    private T compoundOperand(T type, String op) {
        if (op.equals("<<=") || op.equals(">>=")) {
            return T.INT;
        }
        return switch (type) {
            case INTEGER -> T.INT;
            case STRING -> T.values()[random.nextInt(T.values().length - 2)];
            case LONG -> chance(50) ? T.INT : T.LONG;
            case DOUBLE -> chance(50) ? T.INT : T.DOUBLE;
            default -> type;
        };
    }

    private void jump(String in) {
        if (loops.isEmpty()) {
            return;
        }
        String label = loops.get(random.nextInt(loops.size()));
        boolean labeled = label != null && chance(60);
        features.add(labeled ? "labeled break/continue" : "break/continue");
        out.add(in + "if (" + expr(T.BOOLEAN, 2) + ") " + (chance(50) ? "break" : "continue")
                + (labeled ? " " + label : "") + ";");
    }

    private void ifStatement(int level, int depth) {
        String in = indent(level);
        features.add("if/else");
        out.add(in + "if (" + expr(T.BOOLEAN, 3) + ") {");
        block(level + 1, depth - 1, 1 + random.nextInt(3));
        if (chance(50)) {
            out.add(in + "} else {");
            block(level + 1, depth - 1, 1 + random.nextInt(3));
        }
        out.add(in + "}");
    }

    private void loop(int level, int depth) {
        String in = indent(level);
        String label = chance(40) ? fresh("l") : null;
        String counter = fresh("i");
        int bound = 1 + random.nextInt(3);
        String prefix = label == null ? "" : label + ": ";
        int kind = random.nextInt(4);
        if (kind == 0) {
            features.add("for");
            out.add(in + prefix + "for (int " + counter + " = 0; " + counter + " < " + bound + "; " + counter + "++) {");
            scopes.add(new ArrayList<>(List.of(new Var(counter, T.INT, false, false))));
        } else if (kind == 1) {
            features.add("while");
            out.add(in + "int " + counter + " = 0;");
            scopes.get(scopes.size() - 1).add(new Var(counter, T.INT, false, false));
            String extra = chance(40) ? " && " + expr(T.BOOLEAN, 1) : "";
            out.add(in + prefix + "while (" + counter + "++ < " + bound + extra + ") {");
            scopes.add(new ArrayList<>());
        } else if (kind == 2) {
            features.add("do/while");
            out.add(in + "int " + counter + " = 0;");
            scopes.get(scopes.size() - 1).add(new Var(counter, T.INT, false, false));
            out.add(in + prefix + "do {");
            out.add(in + "  " + counter + "++;");
            scopes.add(new ArrayList<>());
        } else {
            features.add("enhanced for");
            boolean list = chance(50);
            String items = list ? "List.of(" + expr(T.STRING, 1) + ", \"e\")" : "new int[] {" + expr(T.INT, 1) + ", "
                    + expr(T.INT, 1) + "}";
            out.add(in + prefix + "for (" + (list ? "String " : "int ") + counter + " : " + items + ") {");
            scopes.add(new ArrayList<>(List.of(new Var(counter, list ? T.STRING : T.INT, false, true))));
        }
        loops.add(label);
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            statement(level + 1, depth - 1);
        }
        loops.remove(loops.size() - 1);
        scopes.remove(scopes.size() - 1);
        if (kind == 2) {
            out.add(in + "} while (" + counter + " < " + bound + (chance(30) ? " && " + expr(T.BOOLEAN, 1) : "")
                    + ");");
        } else {
            out.add(in + "}");
        }
    }

    private void tryStatement(int level, int depth) {
        String in = indent(level);
        features.add("try/catch/finally");
        out.add(in + "try {");
        block(level + 1, depth - 1, 1 + random.nextInt(3));
        String[][] catchable = {{"Boom"}, {"ArithmeticException", "IndexOutOfBoundsException"},
            {"NullPointerException"}, {"RuntimeException"}, {"Throwable"}};
        boolean any = false;
        for (String[] c : catchable) {
            if (!chance(35)) {
                continue;
            }
            any = true;
            String e = fresh("e");
            String type = c.length > 1 && chance(50) ? c[0] + " | " + c[1] : c[random.nextInt(c.length)];
            if (type.contains("|")) {
                features.add("multi-catch");
            }
            out.add(in + "} catch (" + type + " " + e + ") {");
            out.add(in + "  log(\"caught \" + what(" + e + "));");
            block(level + 1, depth - 1, random.nextInt(3));
        }
        if (!any || chance(50)) {
            out.add(in + "} finally {");
            finallyDepth++;
            block(level + 1, depth - 1, 1 + random.nextInt(2));
            finallyDepth--;
        }
        out.add(in + "}");
    }

    private void resources(int level, int depth) {
        String in = indent(level);
        features.add("try-with-resources");
        String r1 = fresh("r");
        String open = chance(50) ? "await(step(" + suspend() + ", \"" + r1 + "\"))" : "\"" + r1 + "\"";
        String res = "Res " + r1 + " = new Res(" + open + ", " + expr(T.BOOLEAN, 1) + ")";
        String using = r1 + ".name";
        if (chance(40)) {
            String r2 = fresh("r");
            res += "; Res " + r2 + " = new Res(\"" + r2 + "\", " + expr(T.BOOLEAN, 1) + ")";
            using += " + " + r2 + ".name";
        }
        out.add(in + "try (" + res + ") {");
        out.add(in + "  log(\"using \" + " + using + ");");
        block(level + 1, depth - 1, 1 + random.nextInt(3));
        if (chance(60)) {
            String e = fresh("e");
            out.add(in + "} catch (RuntimeException " + e + ") {");
            out.add(in + "  log(\"caught \" + what(" + e + ") + \" suppressed \" + " + e + ".getSuppressed().length);");
        }
        out.add(in + "}");
    }

    private void switchStatement(int level, int depth) {
        String in = indent(level);
        String selector = expr(T.INT, 2);
        if (chance(50)) {
            features.add("switch statement (arrows)");
            out.add(in + "switch (" + selector + " & 3) {");
            for (String label : new String[] {"case 0 ->", "case 1, 2 ->", "default ->"}) {
                out.add(in + "  " + label + " {");
                block(level + 2, depth - 1, 1 + random.nextInt(2));
                out.add(in + "  }");
            }
        } else {
            features.add("switch statement (colons)");
            out.add(in + "switch (" + selector + " & 3) {");
            for (String label : new String[] {"case 0:", "case 1:", "default:"}) {
                out.add(in + "  " + label);
                block(level + 2, depth - 1, 1 + random.nextInt(2));
                if (chance(60)) {
                    out.add(in + "    break;");
                }
            }
        }
        out.add(in + "}");
    }

    private void pattern(int level, int depth) {
        String in = indent(level);
        features.add("pattern variables");
        Var o = pick(visible(T.OBJECT, false, false));
        String subject = o != null ? o.name() : objectExpr(1);
        String s = fresh("p");
        String n = fresh("q");
        boolean capture = chance(30);
        out.add(in + "if (" + subject + " instanceof " + (capture ? "final " : "") + "String " + s
                + (chance(50) ? " && " + s + ".length() < await(step(" + suspend() + ", " + expr(T.INT, 1) + "))" : "")
                + ") {");
        scopes.add(new ArrayList<>(List.of(new Var(s, T.STRING, !capture, capture))));
        block(level + 1, depth - 1, 1 + random.nextInt(2));
        out.add(in + "  log(\"string \" + " + s + ");");
        scopes.remove(scopes.size() - 1);
        out.add(in + "} else if (" + subject + " instanceof Integer " + n + ") {");
        scopes.add(new ArrayList<>(List.of(new Var(n, T.INTEGER, true, false))));
        block(level + 1, depth - 1, 1 + random.nextInt(2));
        out.add(in + "  log(\"integer \" + " + n + ");");
        scopes.remove(scopes.size() - 1);
        out.add(in + "}");
    }

    private void capture(String in) {
        int kind = random.nextInt(3);
        if (kind == 0) {
            // the form: assigned and captured in one line, used after an await
            features.add("captured by lambdas");
            Var c = new Var(fresh("c"), T.INT, false, true);
            out.add(in + "int " + c.name() + ";");
            out.add(in + "log(\"captured \" + use(" + c.name() + " = " + expr(T.INT, 2) + ", () -> " + c.name()
                    + " * 2));");
            scopes.get(scopes.size() - 1).add(c);
        } else if (kind == 1) {
            Var f = pick(visible(T.INT, false, true));
            if (f == null) {
                return;
            }
            features.add("captured by lambdas");
            out.add(in + "log(\"lambda \" + apply(() -> " + f.name() + " + " + random.nextInt(5) + ") + "
                    + expr(T.INT, 2) + ");");
        } else {
            Var f = pick(visible(T.STRING, false, true));
            if (f == null) {
                return;
            }
            features.add("captured by anonymous classes");
            out.add(in + "log(\"anonymous \" + apply(new java.util.function.IntSupplier() {");
            out.add(in + "  public int getAsInt() { return " + f.name() + ".length(); } }) + " + expr(T.STRING, 1) + ");");
        }
    }

    private void lambdaInLoop(int level, int depth) {
        String in = indent(level);
        features.add("captured by lambdas");
        String list = fresh("fs");
        String i = fresh("i");
        String f = fresh("k");
        out.add(in + "List<java.util.function.IntSupplier> " + list + " = new ArrayList<>();");
        out.add(in + "for (int " + i + " = 0; " + i + " < 3; " + i + "++) {");
        out.add(in + "  final int " + f + " = " + i + " * " + expr(T.INT, 1) + ";");
        out.add(in + "  " + list + ".add(() -> " + f + ");");
        scopes.add(new ArrayList<>(List.of(new Var(i, T.INT, false, false), new Var(f, T.INT, false, true))));
        loops.add(null);
        statement(level + 1, Math.max(0, depth - 1));
        loops.remove(loops.size() - 1);
        scopes.remove(scopes.size() - 1);
        out.add(in + "}");
        String s = fresh("s");
        out.add(in + "for (java.util.function.IntSupplier " + s + " : " + list + ") log(\"saw \" + " + s + ".getAsInt());");
    }

    // ---- expressions ----

    private String await(String inner) {
        features.add("await in expressions");
        return "await(step(" + suspend() + ", " + inner + "))";
    }

    private String objectExpr(int depth) {
        return "(" + expr(T.BOOLEAN, depth) + " ? (Object) " + expr(T.STRING, depth - 1) + " : (Object) "
                + expr(T.INT, depth - 1) + ")";
    }

    /** An expression of type {@code type}, at most {@code depth} operators deep. */
    String expr(T type, int depth) {
        if (depth <= 0 || chance(20)) {
            return leaf(type);
        }
        if (chance(22) && type != T.INTS && type != T.OBJECT) {
            return await(expr(type, depth - 1)); // step(..) of a byte yields a Byte, unboxed where a byte is needed
        }
        return switch (type) {
            case INT -> intExpr(depth);
            case LONG -> chance(50) ? "(" + expr(T.LONG, depth - 1) + " " + arith() + " " + expr(T.INT, depth - 1) + ")"
                    : "(long) (" + expr(T.DOUBLE, depth - 1) + " * 1.0)";
            case DOUBLE -> chance(50) ? "(" + expr(T.DOUBLE, depth - 1) + " " + arith() + " " + expr(T.LONG, depth - 1)
                    + ")" : "Math.max(" + expr(T.DOUBLE, depth - 1) + ", " + expr(T.FLOAT, depth - 1) + ")";
            case FLOAT -> "(float) (" + expr(T.INT, depth - 1) + " * 0.5)";
            case CHAR -> "(char) ('a' + Math.floorMod(" + expr(T.INT, depth - 1) + ", 26))";
            case BYTE -> "(byte) (" + expr(T.INT, depth - 1) + " + 0)";
            case SHORT -> "(short) (" + expr(T.INT, depth - 1) + " * 3)";
            case BOOLEAN -> boolExpr(depth);
            case STRING -> stringExpr(depth);
            case INTEGER -> chance(30) ? "(Integer) null" : chance(50) ? "Integer.valueOf(" + expr(T.INT, depth - 1) + ")"
                    : "(" + expr(T.BOOLEAN, depth - 1) + " ? " + expr(T.INTEGER, depth - 1) + " : "
                    + expr(T.INTEGER, depth - 1) + ")";
            case OBJECT -> objectExpr(depth);
            case INTS -> {
                features.add("new array");
                yield "new int[] {" + expr(T.INT, depth - 1) + ", " + expr(T.INT, depth - 1) + ", 7}";
            }
            case LOUD -> {
                features.add("new");
                yield "new Loud(" + expr(T.STRING, depth - 1) + ")";
            }
        };
    }

    private String arith() {
        return new String[] {"+", "-", "*"}[random.nextInt(3)];
    }

    private String intExpr(int depth) {
        int k = random.nextInt(17);
        switch (k) {
            case 0, 1, 2:
                features.add("operators");
                return "(" + expr(T.INT, depth - 1) + " " + new String[] {"+", "-", "*", "&", "|", "^", "<<", ">>"}[
                        random.nextInt(8)] + " " + expr(T.INT, depth - 1) + ")";
            case 3:
                features.add("division");
                return "(" + expr(T.INT, depth - 1) + " " + (chance(50) ? "/" : "%") + " v(\"" + fresh("d") + "\", "
                        + expr(T.INT, depth - 1) + "))";
            case 4:
                features.add("calls");
                return "v(\"" + fresh("t") + "\", " + expr(T.INT, depth - 1) + ")";
            case 5:
                features.add("?:");
                return "(" + expr(T.BOOLEAN, depth - 1) + " ? " + expr(T.INT, depth - 1) + " : " + expr(T.INT, depth - 1)
                        + ")";
            case 6: {
                Var v = pick(visible(T.INT, true, false));
                if (v == null) {
                    return leaf(T.INT);
                }
                features.add("assignments in expressions");
                String op = compoundOperator(T.INT);
                return "(" + v.name() + " " + (chance(40) ? "=" : op) + " " + expr(T.INT, depth - 1) + ")";
            }
            case 7: {
                Var v = pick(visible(T.INT, true, false));
                if (v == null) {
                    return leaf(T.INT);
                }
                features.add("increment");
                return chance(50) ? v.name() + "++" : "++" + v.name();
            }
            case 8:
                features.add("casts");
                return chance(50) ? "(int) (" + expr(T.LONG, depth - 1) + " + 0L)" : "(int) (" + expr(T.DOUBLE, depth - 1)
                        + " * 1.0)";
            case 9:
                features.add("calls");
                return expr(T.STRING, depth - 1) + ".length()";
            case 10: {
                Var a = pick(visible(T.INTS, false, false));
                if (a == null) {
                    return leaf(T.INT);
                }
                features.add("array index");
                return a.name() + "[" + (chance(85) ? "Math.floorMod(" + expr(T.INT, depth - 1) + ", " + a.name()
                        + ".length)" : expr(T.INT, depth - 1)) + "]";
            }
            case 11: {
                features.add("unboxing");
                Var n = pick(visible(T.INTEGER, false, false));
                return n != null ? "(" + n.name() + " + " + expr(T.INT, depth - 1) + ")"
                        : "Math.max(" + expr(T.INTEGER, depth - 1) + ", " + expr(T.INT, depth - 1) + ")";
            }
            case 12: {
                features.add("switch expressions");
                String sel = expr(T.INT, depth - 1);
                String y = fresh("y");
                return "(switch (" + sel + " & 3) { case 0 -> " + expr(T.INT, depth - 1) + "; case 1 -> { int " + y
                        + " = " + expr(T.INT, depth - 1) + "; log(\"yield \" + " + y + "); yield " + y + " * 2; }"
                        + " default -> " + expr(T.INT, depth - 1) + "; })";
            }
            case 13: {
                Var s = pick(visible(T.STRING, false, false));
                if (s == null) {
                    return leaf(T.INT);
                }
                features.add("method references");
                return "len(" + s.name() + "::length, " + expr(T.INT, depth - 1) + ")";
            }
            case 14: {
                features.add("new");
                return "new Pair(" + expr(T.INT, depth - 1) + ", " + expr(T.INT, depth - 1) + ").sum()";
            }
            case 15: {
                features.add("nested awaits");
                return "await(step(" + suspend() + ", " + await(expr(T.INT, depth - 1)) + " + 1))";
            }
            default: {
                features.add("done(await)");
                return "await(done(" + expr(T.INT, depth - 1) + "))";
            }
        }
    }

    private String boolExpr(int depth) {
        int k = random.nextInt(6);
        switch (k) {
            case 0:
                features.add("&&/||");
                return "(" + expr(T.BOOLEAN, depth - 1) + (chance(50) ? " && " : " || ") + expr(T.BOOLEAN, depth - 1) + ")";
            case 1:
                return "!" + expr(T.BOOLEAN, depth - 1);
            case 2: {
                T t = new T[] {T.INT, T.LONG, T.DOUBLE, T.CHAR}[random.nextInt(4)];
                return "(" + expr(t, depth - 1) + " + 0 " + new String[] {"<", "<=", ">", "==", "!="}[random.nextInt(5)]
                        + " " + expr(T.INT, depth - 1) + ")";
            }
            case 3:
                features.add("?:");
                return "(" + expr(T.BOOLEAN, depth - 1) + " ? " + expr(T.BOOLEAN, depth - 1) + " : "
                        + expr(T.BOOLEAN, depth - 1) + ")";
            case 4:
                return "b(\"" + fresh("t") + "\", " + expr(T.BOOLEAN, depth - 1) + ")";
            default:
                return "(" + expr(T.INT, depth - 1) + " % 2 == 0)";
        }
    }

    private String stringExpr(int depth) {
        int k = random.nextInt(4);
        if (k <= 1) {
            features.add("string concatenation");
            T left = T.values()[random.nextInt(T.values().length)];
            T right = T.values()[random.nextInt(T.values().length)];
            String l = left == T.STRING ? expr(T.STRING, depth - 1) : "\"" + fresh("s") + ":\" + " + operand(left, depth - 1);
            return "(" + l + " + " + operand(right, depth - 1) + ")";
        }
        if (k == 2) {
            return "Integer.toString(" + expr(T.INT, depth - 1) + ")";
        }
        return "s(\"" + fresh("t") + "\", " + expr(T.STRING, depth - 1) + ")";
    }

    /** An operand of a string concatenation (an int[] shown by its length, not its identity). */
    private String operand(T t, int depth) {
        if (t == T.INTS) {
            return expr(T.INTS, depth) + ".length";
        }
        String e = expr(t, depth);
        return t == T.OBJECT ? "(" + e + ")" : e;
    }

    /** A number literal, negative ones in parentheses ({@code (Object) -3} would subtract). */
    private static String literal(int n, String suffix) {
        return n < 0 ? "(" + n + suffix + ")" : n + suffix;
    }

    private String leaf(T type) {
        Var v = pick(visible(type, false, false));
        if (v != null && chance(70)) {
            return v.name();
        }
        int n = random.nextInt(12) - 3;
        return switch (type) {
            case INT -> literal(n, "");
            case LONG -> literal(n, "L");
            case DOUBLE -> literal(n, ".5");
            case FLOAT -> literal(n, ".25f");
            case CHAR -> "'" + (char) ('a' + n + 3) + "'";
            case BYTE -> "(byte) " + n;
            case SHORT -> "(short) " + n;
            case BOOLEAN -> chance(50) ? "true" : "false";
            case STRING -> "\"" + fresh("s") + "\"";
            case INTEGER -> chance(40) ? "(Integer) null" : "Integer.valueOf(" + n + ")";
            case OBJECT -> chance(50) ? "(Object) \"" + fresh("s") + "\"" : "(Object) (" + n + ")";
            case INTS -> "new int[] {" + n + ", 1}";
            case LOUD -> "new Loud(\"" + fresh("l") + "\")";
        };
    }
}
