package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.source;
import static dev.baton.processor.Templates.template;

import org.junit.jupiter.api.Test;

/** {@code @Guarded} and {@code @AwaitsEvent}: acquire in order, release in reverse on every exit. */
class EnvelopeTest {

    @Test
    void guardedLockExample() {
        Templates.Loaded t = compileClean(template("LockExample",
                "  final Lock lock = new Lock();",
                "  @Guarded(\"lock\")",
                "  Coroutine<Void> critical(String who) {",
                "    System.out.println(who + \" acquired lock\");",
                "    return done();",
                "  }",
                "  @Async",
                "  Coroutine<Void> coro1() {",
                "    System.out.println(\"coro1 waiting for the lock\");",
                "    await(critical(\"coro1\"));",
                "    System.out.println(\"coro1 released lock\");",
                "    return done();",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    await(lock.acquire());",
                "    EventLoop.current().callLater(0.1, lock::release);",
                "    await(waitAll(spawn(coro1())));",
                "    System.out.println(\"locked after: \" + (lock.locked() ? \"True\" : \"False\"));",
                "    return done();",
                "  }"));
        Templates.Run run = t.run("LockExample", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactlyElementsIn(Twins.transcript("guarded")).inOrder();
    }

    static final String[] NAMED_GUARD = {
        "package t;",
        "import static dev.baton.runtime.Baton.*;",
        "import dev.baton.Async;",
        "import dev.baton.runtime.*;",
        "/** A guard that logs, itself written as a template: acquire() is a coroutine. */",
        "public abstract class NamedGuard implements Guard {",
        "  final String name;",
        "  final Lock inner;",
        "  NamedGuard(String name, Lock inner) { this.name = name; this.inner = inner; }",
        "  @Async",
        "  public Coroutine<Boolean> acquire() {",
        "    await(inner.acquire());",
        "    System.out.println(\"acquire \" + name);",
        "    return done(true);",
        "  }",
        "  public void release() { System.out.println(\"release \" + name); inner.release(); }",
        "  public boolean locked() { return inner.locked(); }",
        "}"};

    @Test
    void severalGuardsNestWithEventOutside() {
        Templates.Loaded t = compileClean(source("NamedGuard", NAMED_GUARD), template("Order",
                "  final Event ready = new Event();",
                "  Guard a;",
                "  Guard b;",
                "  @AwaitsEvent(\"ready\")",
                "  @Guarded(\"a\")",
                "  @Guarded(\"b\")",
                "  Coroutine<Integer> body(int n) {",
                "    System.out.println(\"body \" + n);",
                "    await(sleep(1));",
                "    if (n == 2) {",
                "      throw new IllegalArgumentException(\"boom\");",
                "    }",
                "    return done(n);",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    Task<Integer> t1 = spawn(body(1));",
                "    Task<Integer> t2 = spawn(body(2));",
                "    Task<Integer> t3 = spawn(body(3));",
                "    await(sleep(0));",
                "    System.out.println(\"setting\");",
                "    ready.set();",
                "    await(sleep(1.5));",
                "    t3.cancel();",
                "    for (Task<Integer> t : List.of(t1, t2, t3)) {",
                "      try {",
                "        Integer r = await(t);",
                "        System.out.println(\"result \" + r);",
                "      } catch (IllegalArgumentException e) {",
                "        System.out.println(\"failed \" + e.getMessage());",
                "      } catch (CancelledException e) {",
                "        System.out.println(\"cancelled\");",
                "      }",
                "    }",
                "    System.out.println(\"locked \" + py(a.locked()) + \" \" + py(b.locked()));",
                "    return done();",
                "  }",
                "  static String py(boolean b) { return b ? \"True\" : \"False\"; }"));
        Object order = t.instance("Order");
        Templates.Run run = Templates.run(() -> {
            try {
                Class<?> guard = t.loader.loadClass("t.Baton_NamedGuard");
                java.lang.reflect.Constructor<?> make = guard.getDeclaredConstructor(String.class,
                        dev.baton.runtime.Lock.class);
                make.setAccessible(true);
                for (String name : new String[] {"a", "b"}) {
                    java.lang.reflect.Field f = order.getClass().getSuperclass().getDeclaredField(name);
                    f.setAccessible(true);
                    f.set(order, make.newInstance(name, new dev.baton.runtime.Lock()));
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            return Templates.call(order, "main");
        });
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactlyElementsIn(Twins.transcript("guarded_order")).inOrder();
    }

    @Test
    void guardNamedByParameterAndReleasedWhenBodyThrows() {
        Templates.Loaded t = compileClean(template("ParamGuard",
                "  @Guarded(\"lock\")",
                "  Coroutine<Void> fails(Lock lock) {",
                "    System.out.println(\"inside \" + lock.locked());",
                "    await(sleep(0));",
                "    throw new IllegalStateException(\"no\");",
                "  }",
                "  @Async",
                "  Coroutine<Boolean> main() {",
                "    Lock lock = new Lock();",
                "    try {",
                "      await(fails(lock));",
                "    } catch (IllegalStateException e) {",
                "      System.out.println(\"caught \" + e.getMessage());",
                "    }",
                "    return done(lock.locked());",
                "  }"));
        Templates.Run run = t.run("ParamGuard", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly("inside true", "caught no").inOrder();
        assertThat(run.result()).isEqualTo(false);
    }
}
