package dev.baton.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.baton.processor.Templates.compileClean;
import static dev.baton.processor.Templates.template;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import javax.tools.JavaFileObject;
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
}
