package dev.baton.netty;

import dev.baton.runtime.Coroutine;

/**
 * What a server runs for each accepted connection: a coroutine, run as a task on the
 * connection's loop. The connection is closed when the task ends, however it ends (a cancelled
 * handler closes its connection); an exception it ends with goes to the loop's exception
 * handler ("Unhandled exception in connection handler", as asyncio's
 * {@code client_connected_cb}).
 *
 * <pre>{@code
 * group.listen("127.0.0.1", 0, conn -> new Baton_Echo().serve(conn));
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionHandler {
    /**
     * The coroutine that serves one connection.
     *
     * @param connection the accepted connection, on its loop
     * @return the coroutine, run as a task on the connection's loop
     */
    Coroutine<Void> handle(Connection connection);
}
