package dev.baton.processor;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * javac as the oracle of the lowering: a coroutine {@code Coroutine<String> name(boolean suspend)}
 * is compiled once by Baton and once as a plain method {@code String namePlain(boolean suspend)}
 * with its awaits taken out ({@code await(f(args))} becomes {@code fNow(args)}, {@code return
 * done(x)} becomes {@code return x}); both runs, each in fresh class loaders (so class
 * initialization shows in both), must print the same lines and end the same way.
 */
final class Oracle {
    private Oracle() {}

    private static final Pattern SIGNATURE = Pattern.compile("Coroutine<String> (\\w+)\\(");
    private static final Pattern RETURN_DONE = Pattern.compile("return done\\((.*)\\);");

    /** The plain Java twin of a coroutine's lines: awaits taken out, {@code @Async} dropped. */
    static List<String> plain(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.strip().equals("@Async")) {
                continue;
            }
            String l = SIGNATURE.matcher(line).replaceAll("String $1Plain(");
            l = withoutAwaits(l);
            l = RETURN_DONE.matcher(l).replaceAll("return $1;");
            out.add(l);
        }
        return out;
    }

    /** {@code await(f(args))} becomes {@code fNow(args)}, innermost calls too. */
    static String withoutAwaits(String line) {
        int at = line.indexOf("await(");
        while (at > 0 && Character.isJavaIdentifierPart(line.charAt(at - 1))) {
            at = line.indexOf("await(", at + 1);
        }
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

    /** The names of the coroutines declared in {@code lines}. */
    static List<String> coroutineNames(List<String> lines) {
        List<String> names = new ArrayList<>();
        Matcher m = SIGNATURE.matcher(String.join("\n", lines));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** How a run ended: what it printed, then its result or its exception. */
    record Outcome(List<String> lines, String end) {
        @Override
        public String toString() {
            return String.join("\n", lines) + "\n=> " + end;
        }
    }

    /** Runs the coroutine {@code name} of {@code t.Baton_<template>} in a fresh class loader. */
    static Outcome coroutine(Compilation c, String template, String name, boolean suspend) {
        Templates.Loaded fresh = new Templates.Loaded(c);
        Templates.Run run = fresh.run(template, name, suspend);
        return new Outcome(run.lines(), run.failure() != null ? describe(run.failure()) : "returned " + run.result());
    }

    /** Runs {@code namePlain} of the template in a fresh class loader. */
    static Outcome plain(Compilation c, String template, String name, boolean suspend) {
        Object target = new Templates.Loaded(c).instance(template);
        Method m = null;
        for (Class<?> k = target.getClass(); k != null && m == null; k = k.getSuperclass()) {
            for (Method candidate : k.getDeclaredMethods()) {
                if (candidate.getName().equals(name + "Plain")) {
                    m = candidate;
                }
            }
        }
        if (m == null) {
            throw new AssertionError("no method " + name + "Plain");
        }
        m.setAccessible(true);
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String end;
        synchronized (Templates.class) {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            try {
                end = "returned " + m.invoke(target, suspend);
            } catch (InvocationTargetException e) {
                end = describe(e.getCause());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            } finally {
                System.setOut(saved);
            }
        }
        String out = bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        return new Outcome(out.isEmpty() ? List.of() : List.of(out.split("\n")), end);
    }

    /**
     * An exception as the oracle compares it: its class and message, but not the message of a
     * {@code NullPointerException}, as the JVM's helpful message names the variable (a local in
     * the plain method, a field in the machine).
     */
    static String describe(Throwable t) {
        if (t instanceof NullPointerException) {
            return "threw " + t.getClass().getName();
        }
        return "threw " + t.getClass().getName() + ": " + t.getMessage();
    }
}
