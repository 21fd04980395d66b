package dev.baton.examples;

import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the programs of the asyncio tutorial chapter the examples port (docs/design.md): all
 * of them, each under a heading line ({@code == lock ==}), or the ones named on the command line.
 *
 * <pre>
 * java dev.baton.examples.Examples                  # all, real clock
 * java dev.baton.examples.Examples lock queue       # two of them
 * java dev.baton.examples.Examples --virtual        # all, virtual clock (instant)
 * </pre>
 *
 * <p>Names: {@code lock}, {@code event}, {@code condition}, {@code queue},
 * {@code queue-consumes}. With one name, only that program's output is printed (no heading).
 * Each program runs as {@code asyncio.run(main())} does: on a new loop, closed afterwards.
 */
public final class Examples {

    /** The programs, in the tutorial chapter's order. */
    static final Map<String, Supplier<Coroutine<Void>>> PROGRAMS = new LinkedHashMap<>();

    static {
        PROGRAMS.put("lock", () -> new Baton_LockExample().main());
        PROGRAMS.put("event", () -> new Baton_EventExample().main());
        PROGRAMS.put("condition", () -> new Baton_ConditionExample().main());
        PROGRAMS.put("queue", () -> new Baton_QueueExample().main(2));
        PROGRAMS.put("queue-consumes", () -> new Baton_QueueConsumesExample().main());
    }

    private Examples() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the programs {@code args} names; the exit status (2 for a bad argument). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean virtual = false;
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--virtual")) {
                virtual = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                usage(out);
                return 0;
            } else if (PROGRAMS.containsKey(arg)) {
                names.add(arg);
            } else {
                err.println("unknown example '" + arg + "'");
                usage(err);
                return 2;
            }
        }
        if (names.isEmpty()) {
            names.addAll(PROGRAMS.keySet());
        }
        boolean headings = names.size() > 1;
        for (String name : names) {
            if (headings) {
                out.println("== " + name + " ==");
            }
            out.flush();
            Coroutine<Void> main = PROGRAMS.get(name).get();
            if (virtual) {
                EventLoop.runVirtual(main);
            } else {
                EventLoop.run(main);
            }
            System.out.flush();
        }
        return 0;
    }

    private static void usage(PrintStream out) {
        out.println("usage: Examples [--virtual] [" + String.join("|", PROGRAMS.keySet()) + "]...");
        out.println("  runs the tutorial's programs (all by default) on the real clock;"
                + " --virtual runs them on the virtual clock");
    }

    /** Python's {@code str()} of what the programs print: True/False, None. */
    static String py(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        return value.toString();
    }
}
