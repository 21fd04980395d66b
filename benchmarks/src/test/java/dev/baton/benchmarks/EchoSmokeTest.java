package dev.baton.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.benchmarks.echo.EchoBenchAccess;
import dev.baton.benchmarks.echo.EchoLoad;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the echo benchmark's servers and load generator once at a tiny size, in this JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoSmokeTest {

    @Test
    void batonAndPlainNettyEchoEveryLine() throws Exception {
        try (EchoLoad load = new EchoLoad()) {
            for (String system : new String[] {"baton", "netty"}) {
                for (int loops = 1; loops <= 2; loops++) {
                    int[] port = new int[1];
                    AutoCloseable server = EchoBenchAccess.start(system, loops, p -> port[0] = p);
                    try {
                        assertTrue(load.run(port[0], 5, 20) > 0, system); // checks every echo
                    } finally {
                        server.close();
                    }
                }
            }
        }
    }

    @Test
    void theSectionReplacesItselfAndKeepsTheRest() {
        String section = EchoBenchAccess.START + "\nnew\n" + EchoBenchAccess.END + "\n";
        String first = EchoBenchAccess.replaceSection("# Benchmarks\n\ntable\n", section);
        assertEquals("# Benchmarks\n\ntable\n\n" + section, first);
        String again = EchoBenchAccess.replaceSection(first + "after\n",
                EchoBenchAccess.START + "\nnewer\n" + EchoBenchAccess.END + "\n");
        assertEquals("# Benchmarks\n\ntable\n\n" + EchoBenchAccess.START + "\nnewer\n" + EchoBenchAccess.END + "\nafter\n", again);
    }
}
