package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import org.junit.jupiter.api.Test;

/** {@code @Consumes}: the Consumers interface, workers per method, nesting with the other envelopes. */
class ConsumesTest {

    @Test
    void workersTakeItemsUntilShutdown() throws Exception {
        Templates.Loaded t = compileClean(template("Jobs",
                "  final Queue<String> jobs = new Queue<>();",
                "  final Event opened = new Event();",
                "  final Lock lock = new Lock();",
                "  @Consumes(value = \"jobs\", workers = 2)",
                "  @AwaitsEvent(\"opened\")",
                "  @Guarded(\"lock\")",
                "  Coroutine<Void> handle(String job) {",
                "    System.out.println(\"start \" + job);",
                "    await(sleep(1));",
                "    System.out.println(\"end \" + job);",
                "    return done();",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    List<Task<Void>> workers = ((Consumers) this).startConsumers();",
                "    for (String j : List.of(\"a\", \"b\", \"c\")) jobs.putNowait(j);",
                "    await(sleep(0.5));",
                "    System.out.println(\"opening\");",
                "    opened.set();",
                "    await(jobs.join());",
                "    System.out.println(\"all done\");",
                "    jobs.shutdown();",
                "    await(waitTasks(workers, ReturnWhen.ALL_COMPLETED));",
                "    System.out.println(\"workers [\" + (workers.get(0).isDone() ? \"True\" : \"False\") + \", \"",
                "        + (workers.get(1).isDone() ? \"True\" : \"False\") + \"]\");",
                "    return done();",
                "  }"));
        assertThat(dev.baton.runtime.Consumers.class.isAssignableFrom(t.loader.loadClass("t.Baton_Jobs"))).isTrue();
        Templates.Run run = t.run("Jobs", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactlyElementsIn(Twins.transcript("consumes")).inOrder();
    }

    @Test
    void aTemplateImplementingConsumersCallsStartConsumersDirectly() throws Exception {
        Templates.Loaded t = compileClean(Templates.source("Direct",
                "package t;",
                "import static dev.baton.runtime.Baton.*;",
                "import dev.baton.*;",
                "import dev.baton.runtime.*;",
                "import java.util.List;",
                "public abstract class Direct implements Consumers {",
                "  final Queue<Integer> q = new Queue<>();",
                "  @Consumes(\"q\")",
                "  Coroutine<Void> handle(Integer item) {",
                "    System.out.println(\"item \" + item);",
                "    return done();",
                "  }",
                "  @Async",
                "  Coroutine<Void> main() {",
                "    List<Task<Void>> workers = startConsumers();",
                "    q.putNowait(1);",
                "    await(q.join());",
                "    q.shutdown();",
                "    await(waitTasks(workers, ReturnWhen.ALL_COMPLETED));",
                "    System.out.println(\"workers \" + workers.size());",
                "    return done();",
                "  }",
                "}"));
        Class<?> generated = t.loader.loadClass("t.Baton_Direct");
        assertThat(java.lang.reflect.Modifier.isAbstract(generated.getModifiers())).isFalse();
        Templates.Run run = t.run("Direct", "main");
        assertThat(run.failure()).isNull();
        assertThat(run.lines()).containsExactly("item 1", "workers 1").inOrder();
    }
}
