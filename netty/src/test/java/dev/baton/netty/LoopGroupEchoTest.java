package dev.baton.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopGroupEchoTest {

    @ParameterizedTest(name = "{0} loop(s)")
    @ValueSource(ints = {1, 2})
    void manyConnectionsEchoEveryLine(int loops) {
        try (LoopGroup group = new LoopGroup(loops)) {
            Server server = group.listen("127.0.0.1", 0, conn -> new Baton_Echo().serve(conn));
            List<CompletableFuture<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < 50; c++) {
                clients.add(group.submit(group.next(), new Baton_Echo().client(group, server.port(), "client" + c, 200)));
            }
            for (CompletableFuture<Integer> client : clients) {
                assertEquals(200, client.join());
            }
        }
    }

    @ParameterizedTest(name = "{0} loop(s)")
    @ValueSource(ints = {2})
    void loopsRunOnTheirOwnThreads(int loops) {
        try (LoopGroup group = new LoopGroup(loops)) {
            assertNotSame(group.loop(0), group.loop(1));
            assertEquals(true, group.loop(0).isRunning());
        }
    }
}
