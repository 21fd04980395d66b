package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Queue;
import java.util.List;

/**
 * Awaits inside expressions keep Java's (and Python's) left-to-right order: arguments,
 * operators, compound assignment (the left operand is read before the await), conditions,
 * and the short-circuit of {@code &&}, {@code ||} and {@code ?:}.
 */
public abstract class AwaitInExpressions extends Scenario {
    final List<String> trace = list();
    int counter;

    @Async
    <T> Coroutine<T> val(String name, T v, int steps) {
        trace.add("start " + name);
        for (int i = 0; i < steps; i++) {
            await(sleep(0));
        }
        trace.add("end " + name);
        return done(v);
    }

    <T> T side(String name, T v) {
        trace.add("side " + name);
        return v;
    }

    static String combine(String a, String b, String c) {
        return a + "-" + b + "-" + c;
    }

    @Async
    Coroutine<Integer> bump() {
        await(sleep(0));
        counter += 100;
        trace.add("bumped");
        return done(5);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        print("args:", combine(side("x", "X"), await(val("a", "A", 1)), await(val("b", "B", 2))));
        print(trace);
        trace.clear();

        int total = side("s", 1) + await(val("c", 2, 1)) * await(val("d", 3, 1));
        print("arith:", total);
        print(trace);
        trace.clear();

        counter = 10;
        counter += await(bump());
        print("read before await:", counter);
        counter += await(val("e", 5, 1));
        counter -= side("t", 1) + await(val("f", 2, 1));
        print("compound:", counter);
        print(trace);
        trace.clear();

        if (await(val("g", 0, 1)) == 0 && await(val("h", true, 1))) {
            print("and: both evaluated");
        }
        if (await(val("i", false, 1)) && await(val("j", true, 1))) {
            print("not printed");
        }
        if (await(val("k", true, 1)) || await(val("l", false, 1))) {
            print("or: short-circuited");
        }
        print(trace);
        trace.clear();

        boolean flag = side("u", false);
        String choice = flag ? await(val("m", "yes", 1)) : await(val("n", "no", 1));
        print("ternary:", choice);
        print(trace);
        trace.clear();

        Queue<String> q = new Queue<>();
        for (String item : list("first", null)) {
            q.putNowait(item);
        }
        String item;
        while ((item = await(q.get())) != null) {
            print("got", item);
        }
        print("queue drained, size", q.qsize());

        List<Integer> items = List.of(await(val("p", 1, 1)), await(val("q", 2, 1)), side("v", 3));
        print("list:", items, "length", await(val("r", "abcd", 1)).length());
        print(trace);
        return done();
    }
}
