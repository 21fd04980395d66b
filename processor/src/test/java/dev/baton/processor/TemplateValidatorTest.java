package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.baton.processor.Templates.assertError;
import static dev.baton.processor.Templates.compile;
import static dev.baton.processor.Templates.source;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic of {@link dev.baton.processor.validation.TemplateValidator}: the
 * class, the annotated methods, the names in the annotations. Each asserts the tag, the
 * message and the line.
 */
class TemplateValidatorTest {

    private static JavaFileObject classSource(String name, String declaration, String... body) {
        String[] lines = new String[body.length + 6];
        lines[0] = "package t;";
        lines[1] = "import static dev.baton.runtime.Baton.*;";
        lines[2] = "import dev.baton.*;";
        lines[3] = "import dev.baton.runtime.*;";
        lines[4] = declaration;
        System.arraycopy(body, 0, lines, 5, body.length);
        lines[lines.length - 1] = "}";
        return source(name, lines);
    }

    // ---- the class ----

    @Test
    void finalClass() {
        JavaFileObject f = classSource("Fin", "public final class Fin {",
                "  @Async Coroutine<Void> main() { return done(); }",
                "  static Object make() { return new Baton_Fin(); }");
        Compilation c = assertError(f, "[BatonTemplateClass] class Fin is final: Baton generates Baton_Fin as a"
                + " subclass; remove 'final'", "public final class Fin {");
        assertThat(c).hadErrorCount(1); // the minimal Baton_Fin spares users "cannot find symbol"
    }

    @Test
    void privateNestedClass() {
        JavaFileObject f = classSource("Holder", "public class Holder {",
                "  private abstract static class Hidden {",
                "    @Async Coroutine<Void> main() { return done(); }",
                "  }");
        assertError(f, "[BatonTemplateClass] class Hidden is private: Baton_Holder_Hidden is generated beside it in"
                + " the package and cannot extend it; make Hidden package-private", "private abstract static class");
    }

    @Test
    void classInsideAPrivateClass() {
        JavaFileObject f = classSource("Holder2", "public class Holder2 {",
                "  private static class Hidden {",
                "    abstract static class Inner {",
                "      @Async Coroutine<Void> main() { return done(); }",
                "    }",
                "  }");
        assertError(f, "[BatonTemplateClass] class Hidden is private: Baton_Holder2_Hidden_Inner is generated beside"
                + " Inner in the package", "abstract static class Inner {");
    }

    @Test
    void innerClassThatIsNotStatic() {
        JavaFileObject f = classSource("Outer", "public class Outer {",
                "  abstract class Inner {",
                "    @Async Coroutine<Void> main() { return done(); }",
                "  }");
        assertError(f, "[BatonTemplateClass] class Inner is an inner (non-static) class: Baton_Outer_Inner is a"
                + " top-level class and has no enclosing instance to give it; declare it 'static class Inner'",
                "abstract class Inner {");
    }

    @Test
    void interfaceTemplate() {
        JavaFileObject f = classSource("Iface", "public interface Iface {",
                "  @Async default Coroutine<Void> main() { return done(); }");
        assertError(f, "[BatonTemplateClass] Iface is an interface: Baton generates Baton_Iface as a subclass, so"
                + " coroutine methods belong to a class", "public interface Iface {");
    }

    @Test
    void enumTemplate() {
        JavaFileObject f = classSource("Color", "public enum Color {", "  RED;",
                "  @Async Coroutine<Void> main() { return done(); }");
        assertError(f, "[BatonTemplateClass] Color is an enum:", "public enum Color {");
    }

    @Test
    void recordTemplate() {
        JavaFileObject f = classSource("Point", "public record Point(int x) {",
                "  @Async Coroutine<Void> main() { return done(); }");
        assertError(f, "[BatonTemplateClass] Point is a record:", "public record Point(int x) {");
    }

    @Test
    void noConstructorTheSubclassCanCall() {
        JavaFileObject f = classSource("Single", "public abstract class Single {",
                "  private Single() {}",
                "  @Async Coroutine<Void> main() { return done(); }");
        assertError(f, "[BatonTemplateClass] class Single has no constructor that Baton_Single can call (all are"
                + " private): add a package-private, protected or public constructor", "public abstract class Single");
    }

    // ---- the methods ----

    @Test
    void privateMethod() {
        assertError(template("PrivM", "  @Async private Coroutine<Void> a() { return done(); }"),
                "[BatonMethodModifiers] coroutine method a() is private: Baton_PrivM overrides it with a state"
                        + " machine; make it package-private, protected or public", "private Coroutine<Void> a()");
    }

    @Test
    void staticMethod() {
        assertError(template("StatM", "  @Async static Coroutine<Void> a() { return done(); }"),
                "[BatonMethodModifiers] coroutine method a() is static: Baton_StatM overrides it with a state"
                        + " machine; make it an instance method (remove 'static')", "static Coroutine<Void> a()");
    }

    @Test
    void finalMethod() {
        assertError(template("FinM", "  @Async final Coroutine<Void> a() { return done(); }"),
                "[BatonMethodModifiers] coroutine method a() is final: Baton_FinM overrides it with a state machine;"
                        + " remove 'final'", "final Coroutine<Void> a()");
    }

    @Test
    void synchronizedMethod() {
        assertError(template("SyncM", "  @Async synchronized Coroutine<Void> a() { return done(); }"),
                "[BatonMethodModifiers] coroutine method a() is synchronized: Baton_SyncM overrides it with a state"
                        + " machine; coroutines run on one loop thread and a monitor cannot be held across an await;"
                        + " remove 'synchronized' and use a Lock with @Guarded instead",
                "synchronized Coroutine<Void> a()");
    }

    @Test
    void abstractMethodWithoutBody() {
        JavaFileObject f = template("AbsM", "  @Async abstract Coroutine<Void> a();");
        JavaFileObject user = source("UsesAbsM", "package t;",
                "class UsesAbsM { Object a() { return new Baton_AbsM().a(); } }");
        Compilation c = assertError(f, "[BatonMethodModifiers] coroutine method a() is abstract: Baton_AbsM overrides"
                + " it with a state machine; give it a body ending with 'return done(...);'",
                "abstract Coroutine<Void> a();", user);
        assertThat(c).hadErrorCount(1); // the minimal Baton_AbsM has a stand-in for a(): no cascade
    }

    @Test
    void nativeMethod() {
        assertError(template("NatM", "  @Async native Coroutine<Void> a();"),
                "[BatonMethodModifiers] coroutine method a() is native", "native Coroutine<Void> a();");
    }

    @Test
    void returnTypeThatIsNotACoroutine() {
        assertError(template("RetS", "  @Async String a() { return \"\"; }"),
                "[BatonReturnType] coroutine method a() returns java.lang.String: it must return"
                        + " dev.baton.runtime.Coroutine<T>", "@Async String a()");
    }

    @Test
    void returnTypeThatIsAPromise() {
        assertError(template("RetP", "  @Async Promise<String> a() { return null; }"),
                "[BatonReturnType] coroutine method a() returns dev.baton.runtime.Promise<java.lang.String>: it must"
                        + " return dev.baton.runtime.Coroutine<T>", "@Async Promise<String> a()");
    }

    @Test
    void rawCoroutine() {
        assertError(template("RetRaw", "  @SuppressWarnings(\"rawtypes\")", "  @Async Coroutine a() { return done(); }"),
                "[BatonReturnType] coroutine method a() returns the raw type dev.baton.runtime.Coroutine", 
                "@Async Coroutine a()");
    }

    // ---- names ----

    @Test
    void unknownGuardSuggestsTheClosestName() {
        assertError(template("UnkG",
                        "  final Lock lock = new Lock();",
                        "  @Guarded(\"lok\") Coroutine<Void> main() { return done(); }"),
                "[BatonUnknownName] @Guarded(\"lok\"): no parameter or field 'lok' in UnkG.main(); did you mean"
                        + " 'lock'?", "@Guarded(\"lok\")");
    }

    @Test
    void unknownEventSuggestsTheClosestName() {
        assertError(template("UnkE",
                        "  final Event ready = new Event();",
                        "  @AwaitsEvent(\"redy\") Coroutine<Void> main() { return done(); }"),
                "[BatonUnknownName] @AwaitsEvent(\"redy\"): no parameter or field 'redy' in UnkE.main(); did you"
                        + " mean 'ready'?", "@AwaitsEvent(\"redy\")");
    }

    @Test
    void unknownQueueSuggestsTheClosestName() {
        assertError(template("UnkQ",
                        "  final Queue<String> jobs = new Queue<>();",
                        "  @Consumes(\"job\") Coroutine<Void> each(String item) { return done(); }"),
                "[BatonUnknownName] @Consumes(\"job\"): no parameter or field 'job' in UnkQ.each(); did you mean"
                        + " 'jobs'?", "@Consumes(\"job\")");
    }

    @Test
    void unknownNameFarFromAnyListsTheNamesOfTheRightType() {
        assertError(template("UnkFar",
                        "  final Lock first = new Lock();",
                        "  final Semaphore second = new Semaphore(2);",
                        "  final String unrelated = \"\";",
                        "  @Guarded(\"mutex\") Coroutine<Void> main() { return done(); }"),
                "[BatonUnknownName] @Guarded(\"mutex\"): no parameter or field 'mutex' in UnkFar.main(); Guards in"
                        + " scope: 'first', 'second'", "@Guarded(\"mutex\")");
    }

    @Test
    void repeatedGuardIsReportedOnItsOwnValue() {
        assertError(template("UnkRep",
                        "  final Lock lock = new Lock();",
                        "  @Guarded(\"lock\")",
                        "  @Guarded(\"lokc\")",
                        "  Coroutine<Void> main() { return done(); }"),
                "[BatonUnknownName] @Guarded(\"lokc\"): no parameter or field 'lokc'", "@Guarded(\"lokc\")");
    }

    @Test
    void privateFieldOfASuperclass() {
        JavaFileObject base = source("PrivBase", "package t;",
                "import dev.baton.runtime.Lock;",
                "public abstract class PrivBase { private final Lock lock = new Lock(); }");
        JavaFileObject f = source("PrivSub", "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "public abstract class PrivSub extends PrivBase {",
                "  @Guarded(\"lock\") Coroutine<Void> main() { return done(); }",
                "}");
        assertError(f, "[BatonInaccessible] @Guarded(\"lock\"): field 'lock' of PrivBase is private, so Baton_PrivSub,"
                + " which extends PrivSub in package t, cannot reach it; make it protected or package-private",
                "@Guarded(\"lock\")", base);
    }

    @Test
    void packagePrivateFieldOfASuperclassInAnotherPackage() {
        JavaFileObject base = com.google.testing.compile.JavaFileObjects.forSourceLines("other.Base",
                "package other;",
                "import dev.baton.runtime.Lock;",
                "public abstract class Base { final Lock lock = new Lock(); }");
        JavaFileObject f = source("FarSub", "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "public abstract class FarSub extends other.Base {",
                "  @Guarded(\"lock\") Coroutine<Void> main() { return done(); }",
                "}");
        assertError(f, "[BatonInaccessible] @Guarded(\"lock\"): field 'lock' of Base is package-private in package"
                + " other, so Baton_FarSub, which extends FarSub in package t, cannot reach it", "@Guarded(\"lock\")",
                base);
    }

    @Test
    void privateFieldOfTheTemplate() {
        assertError(template("PrivOwn",
                        "  private final Event ready = new Event();",
                        "  @AwaitsEvent(\"ready\") Coroutine<Void> main() { return done(); }"),
                "[BatonInaccessible] @AwaitsEvent(\"ready\"): field 'ready' of PrivOwn is private, so Baton_PrivOwn",
                "@AwaitsEvent(\"ready\")");
    }

    // ---- types ----

    @Test
    void guardOfTheWrongType() {
        assertError(template("WrongG",
                        "  final String lock = \"\";",
                        "  final Lock real = new Lock();",
                        "  @Guarded(\"lock\") Coroutine<Void> main() { return done(); }"),
                "[BatonGuardType] @Guarded(\"lock\"): field 'lock' is a String, not a Guard (Lock, Semaphore,"
                        + " BoundedSemaphore or Condition); change its type, or name one that is: 'real'",
                "@Guarded(\"lock\")");
    }

    @Test
    void guardParameterOfTheWrongType() {
        assertError(template("WrongGP",
                        "  @Guarded(\"n\") Coroutine<Void> main(int n) { return done(); }"),
                "[BatonGuardType] @Guarded(\"n\"): parameter 'n' is int, not a Guard", "@Guarded(\"n\")");
    }

    @Test
    void eventOfTheWrongType() {
        assertError(template("WrongE",
                        "  final Lock ready = new Lock();",
                        "  @AwaitsEvent(\"ready\") Coroutine<Void> main() { return done(); }"),
                "[BatonEventType] @AwaitsEvent(\"ready\"): field 'ready' is a Lock, not an Event; change its type",
                "@AwaitsEvent(\"ready\")");
    }

    @Test
    void queueOfTheWrongType() {
        assertError(template("WrongQ",
                        "  final List<String> jobs = new ArrayList<>();",
                        "  @Consumes(\"jobs\") Coroutine<Void> each(String item) { return done(); }"),
                "[BatonConsumesType] @Consumes(\"jobs\"): field 'jobs' is a List<String>, not a Queue (Queue,"
                        + " LifoQueue, PriorityQueue or a subclass)", "@Consumes(\"jobs\")");
    }

    @Test
    void lockGuardedTwiceDeadlocks() {
        assertError(template("Twice",
                        "  final Lock lock = new Lock();",
                        "  @Guarded(\"lock\")",
                        "  @Guarded(\"lock\") // again",
                        "  Coroutine<Void> main() { return done(); }"),
                "[BatonGuardTwice] @Guarded(\"lock\") twice on main(): 'lock' is a Lock, which is not reentrant, so"
                        + " the second acquire would wait for the first forever; remove one", "// again");
    }

    @Test
    void conditionGuardedTwiceDeadlocks() {
        assertError(template("TwiceC",
                        "  final Condition cond = new Condition();",
                        "  @Guarded(\"cond\") @Guarded(\"cond\") Coroutine<Void> main() { return done(); }"),
                "[BatonGuardTwice] @Guarded(\"cond\") twice on main(): 'cond' is a Condition", "Coroutine<Void> main()");
    }

    @Test
    void semaphoreGuardedTwiceTakesTwoPermits() {
        Templates.Loaded t = Templates.compileClean(template("TwiceS",
                "  final Semaphore sem = new Semaphore(2);",
                "  @Guarded(\"sem\") @Guarded(\"sem\") Coroutine<Boolean> main() { return done(sem.locked()); }"));
        assertThat(t.run("TwiceS", "main").result()).isEqualTo(true);
    }

    // ---- @Consumes ----

    @Test
    void consumesWithTwoParameters() {
        assertError(template("Two",
                        "  final Queue<String> jobs = new Queue<>();",
                        "  @Consumes(\"jobs\")",
                        "  Coroutine<Void> two(String a, String b) { return done(); }"),
                "[BatonConsumesItem] @Consumes method two() must take exactly one parameter, the item each worker got"
                        + " from the queue; it takes 2", "two(String a, String b)");
    }

    @Test
    void consumesWithoutParameters() {
        assertError(template("None",
                        "  final Queue<String> jobs = new Queue<>();",
                        "  @Consumes(\"jobs\")",
                        "  Coroutine<Void> none() { return done(); }"),
                "[BatonConsumesItem] @Consumes method none() must take exactly one parameter, the item each worker"
                        + " got from the queue; it takes 0: add one, e.g. 'none(String item)'", "none()");
    }

    @Test
    void consumesItemTheQueueCannotFill() {
        assertError(template("WrongItem",
                        "  final Queue<Number> jobs = new Queue<>();",
                        "  @Consumes(\"jobs\")",
                        "  Coroutine<Void> each(",
                        "      Integer item) { return done(); }"),
                "[BatonConsumesItem] @Consumes(\"jobs\"): the queue holds Number, which cannot be assigned to the"
                        + " parameter Integer item; declare the parameter as Number (or a supertype of it)",
                "Integer item)");
    }

    @Test
    void consumesItemOfASupertypeAndWildcardQueueCompile() {
        Templates.compileClean(template("Wide",
                "  final LifoQueue<Integer> ints = new LifoQueue<>();",
                "  final Queue<? extends Number> nums = new Queue<>();",
                "  @Consumes(\"ints\") Coroutine<Void> a(Number item) { return done(); }",
                "  @Consumes(\"nums\") Coroutine<Void> b(Number item) { return done(); }"));
    }

    @Test
    void consumesWithoutWorkers() {
        assertError(template("NoWorkers",
                        "  final Queue<String> jobs = new Queue<>();",
                        "  @Consumes(value = \"jobs\",",
                        "      workers = 0)",
                        "  Coroutine<Void> each(String item) { return done(); }"),
                "[BatonConsumesWorkers] @Consumes(workers = 0): startConsumers() spawns that many worker tasks, so"
                        + " at least one is needed; use workers = 1 or more", "workers = 0)");
    }

    @Test
    void consumesNamingTheItemParameter() {
        assertError(template("ParamQ",
                        "  final Queue<String> jobs = new Queue<>();",
                        "  @Consumes(\"item\") Coroutine<Void> each(String item) { return done(); }"),
                "[BatonConsumesType] @Consumes(\"item\"): 'item' is the method's parameter, the item; @Consumes names"
                        + " the field holding the queue ('jobs')", "@Consumes(\"item\")");
    }

    @Test
    void consumesFromARawQueue() {
        assertError(template("RawQ",
                        "  @SuppressWarnings(\"rawtypes\") final Queue jobs = new Queue();",
                        "  @Consumes(\"jobs\") Coroutine<Void> each(String item) { return done(); }"),
                "[BatonConsumesType] @Consumes(\"jobs\"): field 'jobs' has the raw type Queue; give it its element"
                        + " type", "@Consumes(\"jobs\")");
    }

    @Test
    void emptyName() {
        assertError(template("EmptyName",
                        "  final Lock lock = new Lock();",
                        "  @Guarded(\"\") Coroutine<Void> main() { return done(); }"),
                "[BatonUnknownName] @Guarded(\"\"): no parameter or field '' in EmptyName.main(); Guards in scope:"
                        + " 'lock'", "@Guarded(\"\")");
    }

    @Test
    void unusualButValidTemplatesCompileCleanly() {
        JavaFileObject base = source("GuardBase", "package t;",
                "import dev.baton.runtime.*;",
                "public abstract class GuardBase<G extends Guard> {",
                "  protected G guard;",
                "  protected GuardBase(G guard) { this.guard = guard; }",
                "}");
        JavaFileObject f = classSource("Odd", "public abstract class Odd extends GuardBase<Lock> implements Runnable {",
                "  static final Semaphore SHARED = new Semaphore(1);",
                "  public Odd() { super(new Lock()); }",
                "  public void run() {}",
                "  @Guarded(\"guard\") @Guarded(\"SHARED\") Coroutine<Integer> twice(int x) { return done(2 * x); }",
                "  @Async Coroutine<Integer> twice(String s) { return done(await(twice(s.length()))); }",
                "  @Guarded(\"g\") <L extends Guard> Coroutine<Void> generic(L g, String... rest) { return done(); }",
                "  @Async Coroutine<Void> main$resume() { return done(); }",
                "  @Async Coroutine<Void> Main$Machine() { return done(); }",
                "  @Async Coroutine<Integer> main() {",
                "    await(main$resume());",
                "    await(generic(new Lock(), \"a\", \"b\"));",
                "    return done(await(twice(\"abc\")));",
                "  }");
        Templates.Loaded t = Templates.compileClean(base, f);
        Templates.Run run = t.run("Odd", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.result()).isEqualTo(6);
    }

    // ---- all at once ----

    @Test
    void everyErrorOfAClassInOneBuild() {
        JavaFileObject f = classSource("Many", "public final class Many {",
                "  final Lock lock = new Lock();",
                "  @Guarded(\"lok\") Coroutine<Void> a() { return done(); }",
                "  @Async private Coroutine<Void> b() { return done(); }",
                "  @Async Coroutine<Void> c() {",
                "    Runnable r = () -> await(sleep(1));",
                "    return done();",
                "  }",
                "  @Async Coroutine<Void> d() {",
                "    await(sleep(0));",
                "    return null;",
                "  }");
        Compilation c = compile(f);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("[BatonTemplateClass]").inFile(f).onLineContaining("final class Many");
        assertThat(c).hadErrorContaining("[BatonUnknownName]").inFile(f).onLineContaining("@Guarded(\"lok\")");
        assertThat(c).hadErrorContaining("[BatonMethodModifiers]").inFile(f).onLineContaining("private Coroutine");
        assertThat(c).hadErrorContaining("[BatonAwaitInLambda]").inFile(f).onLineContaining("Runnable r");
        assertThat(c).hadErrorContaining("[BatonReturn]").inFile(f).onLineContaining("return null;");
        assertThat(c).hadErrorCount(5);
    }
}
