package dev.baton.conformance;

import dev.baton.runtime.Coroutine;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of every conformance scenario: a Baton template whose {@link #main()} is its
 * Python twin's {@code main()}, plus Python's {@code print} for the lines it prints.
 *
 * <p>A scenario is {@code scenarios/<Name>.java} (abstract, extending this class, with
 * {@code @Async public Coroutine<Void> main()}), its twin {@code scenarios/<name>.py} and the
 * transcript CPython 3.13 prints for the twin, {@code scenarios/<name>.txt}.
 * {@link ConformanceTest} runs {@code new Baton_<Name>().main()} on the virtual clock and
 * compares what it prints with the transcript, line for line.
 */
public abstract class Scenario {

    /** The twin's {@code main()}: run as asyncio.run(main()) is, on the virtual clock. */
    public abstract Coroutine<Void> main();

    /** Python's {@code print(*args)}: the {@code str()} of each, separated by spaces. */
    protected static void print(Object... args) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(Py.str(args[i]));
        }
        System.out.println(line);
    }

    /** Python's {@code str(value)}. */
    protected static String str(Object value) {
        return Py.str(value);
    }

    /** Python's {@code repr(value)}. */
    protected static String repr(Object value) {
        return Py.repr(value);
    }

    /** Python's {@code round(x, digits)}. */
    protected static double round(double x, int digits) {
        return Py.round(x, digits);
    }

    /**
     * Elapsed {@code seconds} in whole tenths, rounded down: the twins print times this way,
     * as CPython's real clock runs late (never early) when the machine is loaded.
     */
    protected static double tenths(double seconds) {
        return Math.floor(seconds * 10 + 1e-6) / 10;
    }

    /** A mutable list of {@code items}: a Python list literal. */
    @SafeVarargs
    protected static <T> List<T> list(T... items) {
        List<T> list = new ArrayList<>(items.length);
        for (T item : items) {
            list.add(item);
        }
        return list;
    }
}
