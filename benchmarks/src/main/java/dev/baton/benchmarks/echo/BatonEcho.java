package dev.baton.benchmarks.echo;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;

import dev.baton.Async;
import dev.baton.netty.Connection;
import dev.baton.runtime.Coroutine;

/** Baton on Netty's echo: a coroutine per connection reads a line and awaits its echo's flush. */
public abstract class BatonEcho {

    @Async
    Coroutine<Void> serve(Connection conn) {
        String line;
        while ((line = await(conn.readLine())) != null) {
            await(conn.write(line + "\n"));
        }
        return done();
    }
}
