package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.assertError;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.source;
import static dev.baton.processor.Templates.template;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic of {@link dev.baton.processor.validation.BodyValidator}, and the
 * legal neighbours of each (what must keep compiling).
 */
class BodyValidatorTest {

    private static JavaFileObject withImports(String name, String... lines) {
        String[] all = new String[lines.length + 4];
        all[0] = "package t;";
        all[1] = "import static dev.baton.runtime.Baton.*;";
        all[2] = "import dev.baton.*;";
        all[3] = "import dev.baton.runtime.*;";
        System.arraycopy(lines, 0, all, 4, lines.length);
        return source(name, all);
    }

    // ---- where await cannot stand ----

    @Test
    void awaitInALambda() {
        assertError(template("InLambda",
                        "  @Async Coroutine<Void> main() {",
                        "    Runnable r = () -> await(sleep(1));",
                        "    r.run();",
                        "    return done();",
                        "  }"),
                "[BatonAwaitInLambda] await cannot stand inside a lambda: only the coroutine's own body is compiled"
                        + " into a state machine, so it would run untransformed and throw; await in main()'s body, or"
                        + " make the code an @Async method and await it", "Runnable r = () -> await(sleep(1));");
    }

    @Test
    void awaitInAnAnonymousClass() {
        assertError(template("InAnon",
                        "  @Async Coroutine<Void> main() {",
                        "    Runnable r = new Runnable() {",
                        "      public void run() { await(sleep(1)); }",
                        "    };",
                        "    r.run();",
                        "    return done();",
                        "  }"),
                "[BatonAwaitInLambda] await cannot stand inside a local or anonymous class", "public void run()");
    }

    @Test
    void awaitInALocalClass() {
        assertError(template("InLocal",
                        "  @Async Coroutine<Void> main() {",
                        "    class Helper { void help() { await(sleep(1)); } }",
                        "    new Helper().help();",
                        "    return done();",
                        "  }"),
                "[BatonAwaitInLambda] await cannot stand inside a local or anonymous class", "class Helper");
    }

    @Test
    void awaitInASynchronizedBlock() {
        assertError(template("InSync",
                        "  @Async Coroutine<Void> main() {",
                        "    synchronized (this) {",
                        "      await(sleep(1));",
                        "    }",
                        "    return done();",
                        "  }"),
                "[BatonAwaitInSynchronized] await cannot stand inside a synchronized block: the coroutine would"
                        + " suspend while holding the monitor", "await(sleep(1));");
    }

    @Test
    void synchronizedBlockWithoutAwaitIsFine() {
        Templates.Loaded t = compileClean(template("SyncOk",
                "  int n;",
                "  @Async Coroutine<Integer> main() {",
                "    await(sleep(0));",
                "    synchronized (this) { n++; }",
                "    return done(n);",
                "  }"));
        assertThat(t.run("SyncOk", "main").result()).isEqualTo(1);
    }

    // ---- returns ----

    @Test
    void returnThatIsNotDone() {
        assertError(template("Ret",
                        "  @Async Coroutine<Void> other() { return done(); }",
                        "  @Async Coroutine<Void> main() {",
                        "    await(sleep(1));",
                        "    return other();",
                        "  }"),
                "[BatonReturn] a coroutine returns with 'return done(value);' or 'return done();' (Baton's done), not"
                        + " 'return other();'; to return another coroutine's result, write 'return done(await(other()));'",
                "return other();");
    }

    @Test
    void returnNullWithoutAwait() {
        assertError(template("RetNull",
                        "  @Async Coroutine<Void> main() {",
                        "    return null;",
                        "  }"),
                "[BatonReturn] a coroutine returns with 'return done(value);' or 'return done();' (Baton's done), not"
                        + " 'return null;'", "return null;");
    }

    @Test
    void returnsInsideLambdasAndLocalClassesAreTheirOwn() {
        Templates.Loaded t = compileClean(template("RetOk",
                "  @Async Coroutine<Integer> main() {",
                "    java.util.function.IntUnaryOperator twice = x -> { return 2 * x; };",
                "    java.util.function.IntSupplier one = new java.util.function.IntSupplier() {",
                "      public int getAsInt() { return 1; }",
                "    };",
                "    await(sleep(0));",
                "    return done(twice.applyAsInt(one.getAsInt()));",
                "  }"));
        assertThat(t.run("RetOk", "main").result()).isEqualTo(2);
    }

    // ---- reach ----

    @Test
    void privateFieldInTheBody() {
        assertError(template("PrivF",
                        "  private int secret = 1;",
                        "  @Async Coroutine<Integer> main() {",
                        "    await(sleep(0));",
                        "    return done(secret);",
                        "  }"),
                "[BatonInaccessible] 'secret' is private, so Baton_PrivF, which runs this body, cannot reach it; make"
                        + " it package-private", "return done(secret);");
    }

    @Test
    void privateMethodInTheBody() {
        assertError(template("PrivM2",
                        "  private int helper() { return 1; }",
                        "  @Async Coroutine<Integer> main() {",
                        "    int x = helper();",
                        "    return done(x);",
                        "  }"),
                "[BatonInaccessible] 'helper' is private", "int x = helper();");
    }

    @Test
    void privateMethodReferenceInTheBody() {
        assertError(template("PrivRef",
                        "  private int helper() { return 1; }",
                        "  @Async Coroutine<Integer> main() {",
                        "    java.util.function.IntSupplier s = this::helper;",
                        "    return done(s.getAsInt());",
                        "  }"),
                "[BatonInaccessible] 'helper' is private", "this::helper");
    }

    @Test
    void privateConstructorOfANestedClassInTheBody() {
        assertError(template("PrivCtor",
                        "  static class Box { private Box() {} }",
                        "  @Async Coroutine<Object> main() {",
                        "    Object b = new Box();",
                        "    return done(b);",
                        "  }"),
                "[BatonInaccessible] 'new Box(...)' is private", "Object b = new Box();");
    }

    @Test
    void privateMembersOfClassesDeclaredInTheBodyAreFine() {
        Templates.Loaded t = compileClean(template("PrivLocal",
                "  @Async Coroutine<Integer> main() {",
                "    await(sleep(0));",
                "    class Local { private int n = 41; private int next() { return n + 1; } }",
                "    Local l = new Local();",
                "    return done(l.next());",
                "  }"));
        assertThat(t.run("PrivLocal", "main").result()).isEqualTo(42);
    }

    @Test
    void localClassUsedAcrossAnAwait() {
        assertError(template("LocalAcross",
                        "  @Async Coroutine<Integer> main() {",
                        "    class Local { int n = 1; }",
                        "    await(sleep(0));",
                        "    Local l = new Local();",
                        "    return done(l.n);",
                        "  }"),
                "[BatonUnsupported] local class Local is used after an await, but Baton splits the body at each await"
                        + " and a local class declared before one is out of scope after it; declare Local as a static"
                        + " nested class of LocalAcross, or declare it after the await", "Local l = new Local();");
    }

    // ---- super ----

    private static JavaFileObject base() {
        return source("Base", "package t;",
                "public abstract class Base {",
                "  String hello() { return \"base\"; }",
                "  String name = \"base-field\";",
                "}");
    }

    @Test
    void superCallOfAMethodTheTemplateOverrides() {
        assertError(withImports("SubA",
                        "public abstract class SubA extends Base {",
                        "  @Override String hello() { return \"sub\"; }",
                        "  @Async Coroutine<String> greet() {",
                        "    return done(super.hello());",
                        "  }",
                        "}"),
                "[BatonSuperCall] 'super.hello(...)' means Base's method here, but Baton_SubA, which runs this body,"
                        + " extends SubA, which overrides hello(), so the call would reach SubA's version; call a"
                        + " differently named helper method of SubA that calls super instead",
                "return done(super.hello());", base());
    }

    @Test
    void superMethodReferenceOfAMethodTheTemplateOverrides() {
        assertError(withImports("SubB",
                        "public abstract class SubB extends Base {",
                        "  @Override String hello() { return \"sub\"; }",
                        "  @Async Coroutine<String> greet() {",
                        "    java.util.function.Supplier<String> s = super::hello;",
                        "    return done(s.get());",
                        "  }",
                        "}"),
                "[BatonSuperCall] 'super::hello' means Base's method here", "super::hello", base());
    }

    @Test
    void qualifiedSuperCallOfAMethodTheTemplateOverrides() {
        assertError(withImports("SubC",
                        "public abstract class SubC extends Base {",
                        "  @Override String hello() { return \"sub\"; }",
                        "  @Async Coroutine<String> greet() {",
                        "    return done(SubC.super.hello());",
                        "  }",
                        "}"),
                "[BatonSuperCall] 'SubC.super.hello(...)' means Base's method here", "SubC.super.hello()", base());
    }

    @Test
    void superFieldTheTemplateHides() {
        assertError(withImports("SubD",
                        "public abstract class SubD extends Base {",
                        "  String name = \"sub-field\";",
                        "  @Async Coroutine<String> greet() {",
                        "    return done(super.name);",
                        "  }",
                        "}"),
                "[BatonSuperCall] 'super.name' means the field of Base here, but in Baton_SubD, which runs this body,"
                        + " it would mean SubD's field 'name' that hides it; rename one of the two fields",
                "return done(super.name);", base());
    }

    @Test
    void interfaceSuperCall() {
        JavaFileObject greeter = source("Greeter", "package t;",
                "public interface Greeter { default String hello() { return \"greeter\"; } }");
        assertError(withImports("SubE",
                        "public abstract class SubE implements Greeter {",
                        "  @Async Coroutine<String> greet() {",
                        "    return done(Greeter.super.hello());",
                        "  }",
                        "}"),
                "[BatonSuperCall] 'Greeter.super.hello(...)' calls Greeter's default method, which only a class that"
                        + " implements Greeter directly may do; Baton_SubE extends SubE instead, so call it from a"
                        + " helper method of SubE", "Greeter.super.hello()", greeter);
    }

    @Test
    void superCallsThatMeanTheSameInTheSubclassWork() {
        Templates.Loaded t = compileClean(base(), withImports("SubF",
                "public abstract class SubF extends Base {",
                "  @Async Coroutine<String> greet() {",
                "    await(sleep(0));",
                "    java.util.function.Supplier<String> s = super::hello;",
                "    return done(super.hello() + \" \" + SubF.super.hello() + \" \" + s.get() + \" \" + super.name);",
                "  }",
                "}"));
        assertThat(t.run("SubF", "greet").result()).isEqualTo("base base base base-field");
    }
}
