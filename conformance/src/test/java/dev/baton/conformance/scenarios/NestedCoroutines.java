package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;

/**
 * Awaiting a coroutine runs it inline in the same task, with no extra loop step; a
 * coroutine runs once. Python's RuntimeError for reuse is Baton's IllegalStateException.
 */
public abstract class NestedCoroutines extends Scenario {

    @Async
    Coroutine<Integer> leaf(String name, int depth) {
        print(name, "leaf at depth", depth, "task", currentTask().name());
        await(sleep(0));
        print(name, "leaf resumed");
        return done(depth * 10);
    }

    @Async
    Coroutine<Integer> middle(String name, int depth) {
        if (depth == 0) {
            int leafValue = await(leaf(name, depth));
            return done(leafValue);
        }
        print(name, "enter", depth);
        int value = await(middle(name, depth - 1));
        print(name, "exit", depth, "with", value);
        return done(value + depth);
    }

    @Async
    Coroutine<String> noAwait(String name) {
        print(name, "no_await runs inline");
        return done("plain");
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        Task<Integer> t = spawn(middle("other", 2), "other-task");
        int r = await(middle("main", 3));
        print("main got", r);
        int other = await(t);
        print("other got", other);
        String inline = await(noAwait("main"));
        print("inline:", inline);
        Coroutine<String> coro = noAwait("once");
        await(coro);
        try {
            await(coro);
        } catch (IllegalStateException e) {
            print("RuntimeError:", e);
        }
        return done();
    }
}
