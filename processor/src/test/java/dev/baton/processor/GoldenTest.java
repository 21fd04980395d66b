package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Golden snapshots of generated source, so a reader sees what users will see, and the
 * determinism check: the same template gives byte-identical output on every run. Run with
 * {@code -Dgolden.update=true} to rewrite the snapshots after an intended change.
 */
class GoldenTest {

    static JavaFileObject lockExample() {
        return Templates.source("LockExample",
                "package t;",
                "",
                "import static dev.baton.runtime.Baton.*;",
                "",
                "import dev.baton.Async;",
                "import dev.baton.Guarded;",
                "import dev.baton.runtime.*;",
                "",
                "public abstract class LockExample {",
                "    final Lock lock = new Lock();",
                "",
                "    @Guarded(\"lock\")",
                "    Coroutine<Void> critical(String who) {",
                "        System.out.println(who + \" acquired lock\");",
                "        return done();",
                "    }",
                "",
                "    @Async",
                "    Coroutine<Void> coro1() {",
                "        System.out.println(\"coro1 waiting for the lock\");",
                "        await(critical(\"coro1\"));",
                "        System.out.println(\"coro1 released lock\");",
                "        return done();",
                "    }",
                "",
                "    @Async",
                "    Coroutine<Void> main() {",
                "        await(lock.acquire());",
                "        EventLoop.current().callLater(0.1, lock::release);",
                "        await(waitAll(spawn(coro1())));",
                "        return done();",
                "    }",
                "}");
    }

    static JavaFileObject retries() {
        return Templates.source("Retries",
                "package t;",
                "",
                "import static dev.baton.runtime.Baton.*;",
                "",
                "import dev.baton.Async;",
                "import dev.baton.runtime.*;",
                "import java.util.List;",
                "",
                "public abstract class Retries {",
                "    @Async",
                "    Coroutine<Integer> fetchAll(List<Promise<Integer>> sources, int attempts) {",
                "        int total = 0;",
                "        outer:",
                "        for (Promise<Integer> source : sources) {",
                "            for (int attempt = 1; attempt <= attempts; attempt++) {",
                "                try {",
                "                    int value = await(source);",
                "                    total += value;",
                "                    continue outer;",
                "                } catch (IllegalStateException e) {",
                "                    System.out.println(\"attempt \" + attempt + \" failed: \" + e.getMessage());",
                "                } finally {",
                "                    await(sleep(0.5));",
                "                }",
                "            }",
                "            return done(-1);",
                "        }",
                "        return done(total);",
                "    }",
                "}");
    }

    /** Awaits inside expressions: spilled operands, short circuit, a chosen branch, a compound assignment. */
    static JavaFileObject spilling() {
        return Templates.source("Spilling",
                "package t;",
                "",
                "import static dev.baton.runtime.Baton.*;",
                "",
                "import dev.baton.Async;",
                "import dev.baton.runtime.*;",
                "import java.util.List;",
                "",
                "public abstract class Spilling {",
                "    int total;",
                "    List<String> names = List.of(\"a\", \"b\");",
                "",
                "    @Async",
                "    Coroutine<String> main(Queue<Integer> q, boolean fast) {",
                "        total += await(q.get());",
                "        String name = names.get(total % 2) + await(q.get());",
                "        if (fast && await(q.get()) > total) {",
                "            name = fast ? name : await(q.get()) + name;",
                "        }",
                "        return done(name + Math.max(total, await(q.get())));",
                "    }",
                "}");
    }

    @Test
    void spillingSnapshot() throws IOException {
        check(spilling(), "t.Baton_Spilling", "Baton_Spilling.java.txt");
    }

    @Test
    void lockExampleSnapshot() throws IOException {
        check(lockExample(), "t.Baton_LockExample", "Baton_LockExample.java.txt");
    }

    @Test
    void retriesSnapshot() throws IOException {
        check(retries(), "t.Baton_Retries", "Baton_Retries.java.txt");
    }

    @Test
    void sameInputGivesByteIdenticalOutput() {
        for (JavaFileObject source : new JavaFileObject[] {lockExample(), retries(), spilling()}) {
            String name = "t.Baton_" + source.getName().replaceAll(".*/|\\.java$", "");
            String first = Templates.generated(Templates.compile(source), name);
            String second = Templates.generated(Templates.compile(source), name);
            assertThat(second).isEqualTo(first);
        }
    }

    private static void check(JavaFileObject source, String generated, String golden) throws IOException {
        Compilation c = Templates.compile(source);
        assertWithMessage(Templates.describe(c)).that(c.warnings()).isEmpty();
        String actual = Templates.generated(c, generated);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden", golden), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = GoldenTest.class.getResourceAsStream("/golden/" + golden)) {
            assertWithMessage("missing golden " + golden + "; run with -Dgolden.update=true").that(in).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).isEqualTo(expected);
        }
    }
}
