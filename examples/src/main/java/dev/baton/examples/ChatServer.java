package dev.baton.examples;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.spawn;

import dev.baton.Async;
import dev.baton.netty.Connection;
import dev.baton.netty.LoopGroup;
import dev.baton.netty.Server;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.Event;
import dev.baton.runtime.Queue;
import dev.baton.runtime.QueueFullException;
import dev.baton.runtime.Semaphore;
import dev.baton.runtime.Task;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP chat room on Baton and Netty. One line each way: a client's first line is its name;
 * every later line {@code text} goes to every other client as {@code <name>: text};
 * {@code /quit} disconnects; joins and leaves are announced as {@code * <name> joined} and
 * {@code * <name> left}.
 *
 * <pre>
 * mvn -B -q -f examples exec:java -Dexec.mainClass=dev.baton.examples.ChatServer -Dexec.args=0
 * nc 127.0.0.1 &lt;port&gt;
 * </pre>
 *
 * <p>The first argument is the port (0: any free port); the first line printed is
 * {@code listening on <port>}. A {@link Semaphore} bounds the number of clients (a client over
 * the bound waits for a place). Each client has its own bounded outgoing {@link Queue}, drained
 * by its own writer task: a message is put without waiting, and a client whose queue is full
 * (it stopped reading, and its socket's buffers are full too) is disconnected, so one slow
 * client never slows the others nor grows the server's memory. Ctrl-C or the end of standard
 * input shuts the server down gracefully: the clients' tasks are cancelled, each is told, and
 * the connections close.
 *
 * <p>The room runs on a group of one loop: the clients share the room's state and its
 * primitives, which belong to one loop.
 */
public abstract class ChatServer {
    static final int MAX_CLIENTS = 100;
    static final int QUEUE_CAPACITY = 100;

    final Semaphore places;
    final int queueCapacity;
    /** The clients that have joined, in joining order. */
    final Set<Client> clients = new LinkedHashSet<>();
    /** Set each time a client joins: what {@link #untilJoined} waits for. */
    final Event someoneJoined = new Event();

    ChatServer(int maxClients, int queueCapacity) {
        this.places = new Semaphore(maxClients);
        this.queueCapacity = queueCapacity;
    }

    /** One client of the room. */
    static final class Client {
        final String name;
        final Connection connection;
        final Queue<String> outgoing;

        Client(String name, Connection connection, int capacity) {
            this.name = name;
            this.connection = connection;
            this.outgoing = new Queue<>(capacity);
        }
    }

    /** A connection's life: wait for a place, read the name, join, relay lines, leave. */
    @Async
    Coroutine<Void> serve(Connection conn) {
        if (places.locked()) {
            conn.write("* the room is full, waiting for a place\n");
        }
        await(places.acquire());
        try {
            String name = await(conn.readLine());
            if (name == null) {
                return done();
            }
            Client me = new Client(name.strip(), conn, queueCapacity);
            broadcast(me, "* " + me.name + " joined");
            clients.add(me);
            someoneJoined.set();
            Task<Void> writer = spawn(sendQueued(me), "writer of " + me.name);
            try {
                String line;
                while ((line = await(conn.readLine())) != null && !line.equals("/quit")) {
                    broadcast(me, me.name + ": " + line);
                }
            } catch (CancelledException e) {
                // not awaited: the last words (to a client already gone, they fail in silence)
                conn.write("* the server is shutting down\n");
                throw e;
            } finally {
                clients.remove(me);
                writer.cancel();
                broadcast(me, "* " + me.name + " left");
            }
        } finally {
            places.release();
        }
        return done();
    }

    /** A client's writer: sends its queued messages in order, each once the previous is flushed. */
    @Async
    Coroutine<Void> sendQueued(Client client) {
        while (true) {
            String message = await(client.outgoing.get());
            await(client.connection.write(message + "\n"));
        }
    }

    /** Completes once a client called {@code name} is in the room (it may have left since it was waited for). */
    @Async
    Coroutine<Void> untilJoined(String name) {
        while (!isIn(name)) {
            someoneJoined.clear(); // every waiter wakes at the next join and checks again
            await(someoneJoined.waitSet());
        }
        return done();
    }

    boolean isIn(String name) {
        for (Client client : clients) {
            if (client.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Queues {@code message} for every client but {@code from}; disconnects those that lag. */
    void broadcast(Client from, String message) {
        List<Client> lagging = new ArrayList<>();
        for (Client client : clients) {
            if (client == from) {
                continue;
            }
            try {
                client.outgoing.putNowait(message);
            } catch (QueueFullException e) {
                lagging.add(client);
            }
        }
        for (Client slow : lagging) {
            slow.connection.close(); // its reader sees the end of stream, and it leaves
        }
    }

    /** A running chat server: its loop group, listening socket and room. */
    static final class Running implements AutoCloseable {
        final LoopGroup group;
        final Server server;
        final ChatServer room;

        Running(LoopGroup group, Server server, ChatServer room) {
            this.group = group;
            this.server = server;
            this.room = room;
        }

        int port() {
            return server.port();
        }

        /**
         * Waits (from outside the loop) until a client called {@code name} has joined. Clients
         * that connect back to back may join in either order: nothing orders one connection's
         * bytes against another's (and the server reads the connections ready at once in the
         * order its selector lists them, which on JDK 25 is no particular order), so a test
         * that wants its clients joined in order waits for each before connecting the next.
         */
        void awaitJoined(String name) throws Exception {
            group.submit(group.loop(0), room.untilJoined(name)).get(10, TimeUnit.SECONDS);
        }

        /** Stops accepting, tells and disconnects every client, and stops the loop. */
        @Override
        public void close() {
            group.close();
        }
    }

    /** Starts a chat server on {@code host:port} (port 0: any free port), on a group of one loop. */
    static Running start(String host, int port, int maxClients, int queueCapacity) {
        LoopGroup group = new LoopGroup(1);
        try {
            ChatServer room = new Baton_ChatServer(maxClients, queueCapacity);
            return new Running(group, group.listen(host, port, room::serve), room);
        } catch (RuntimeException | Error e) {
            group.close();
            throw e;
        }
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Running chat = start("0.0.0.0", port, MAX_CLIENTS, QUEUE_CAPACITY);
        System.out.println("listening on " + chat.port());
        System.out.flush();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                chat.close();
                System.out.println("shut down");
                System.out.flush();
            }
        };
        Thread onCtrlC = new Thread(shutdown, "chat shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        InputStream in = System.in;
        while (in.read() != -1) {
            // the server runs until standard input ends
        }
        shutdown.run();
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
    }
}
