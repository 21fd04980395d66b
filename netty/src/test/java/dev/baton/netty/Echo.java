package dev.baton.netty;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;

import dev.baton.Async;
import dev.baton.runtime.Coroutine;

/** The tests' echo server and client. */
public abstract class Echo {

    /** Echoes every line until the end of the stream. */
    @Async
    Coroutine<Void> serve(Connection conn) {
        String line;
        while ((line = await(conn.readLine())) != null) {
            await(conn.write(line + "\n"));
        }
        return done();
    }

    /** Sends {@code count} lines, awaiting each echo; the number of echoes that matched. */
    @Async
    Coroutine<Integer> client(LoopGroup group, int port, String name, int count) {
        Connection conn = await(group.connect("127.0.0.1", port));
        int matched = 0;
        try {
            for (int i = 0; i < count; i++) {
                String message = name + " says " + i;
                await(conn.write(message + "\n"));
                if (message.equals(await(conn.readLine()))) {
                    matched++;
                }
            }
        } finally {
            await(conn.close());
        }
        return done(matched);
    }
}
