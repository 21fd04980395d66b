package dev.baton.conformance.scenarios;

import static dev.baton.runtime.Baton.*;

import dev.baton.Async;
import dev.baton.conformance.Boom;
import dev.baton.conformance.Scenario;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Task;

/**
 * try-with-resources around awaits (a {@code with} block in the twin): the resource is
 * closed on every exit, cancellation included, and resources close in reverse order.
 */
public abstract class ControlTryWithResources extends Scenario {

    /** The twin's context manager. */
    static final class Resource implements AutoCloseable {
        final String name;

        Resource(String name) {
            this.name = name;
            print("open", name);
        }

        @Override
        public void close() {
            print("close", name);
        }
    }

    @Async
    Coroutine<String> use(String name, String how) {
        try (Resource r = new Resource(name)) {
            await(sleep(0.1));
            if (how.equals("raise")) {
                throw new Boom(name);
            }
            if (how.equals("return")) {
                return done("returned from " + r.name);
            }
            print("used", r.name);
        }
        return done("fell through " + name);
    }

    @Async
    @Override
    public Coroutine<Void> main() {
        String a = await(use("a", "normal"));
        print(a);
        String b = await(use("b", "return"));
        print(b);
        try {
            await(use("c", "raise"));
        } catch (Boom e) {
            print("caught", repr(e));
        }
        Task<String> t = spawn(use("d", "normal"));
        await(sleep(0.05));
        t.cancel();
        try {
            await(t);
        } catch (CancelledException e) {
            print("d cancelled:", t.isCancelled());
        }
        try (Resource first = new Resource("e"); Resource second = new Resource("f")) {
            await(sleep(0));
            print("using", first.name, second.name);
        }
        return done();
    }
}
