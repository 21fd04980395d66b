package dev.baton.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat server over real loopback sockets, its clients plain blocking sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChatServerTest {
    /** What the in-process servers' loops report meanwhile: their default exception handler prints to System.err. */
    private final ByteArrayOutputStream reports = new ByteArrayOutputStream();
    private PrintStream stderr;

    @BeforeEach
    void captureReports() {
        stderr = System.err;
        System.setErr(new PrintStream(reports, true, StandardCharsets.UTF_8));
    }

    /** A server shutting down with clients connected, or gone, leaves nothing unretrieved to report. */
    @AfterEach
    void nothingWasReported() {
        System.setErr(stderr);
        String text = reports.toString(StandardCharsets.UTF_8);
        stderr.print(text);
        assertTrue(!text.contains("exception was never retrieved"), text);
    }

    /** A chat client: a socket, a line reader and a line writer. */
    static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final PrintWriter out;

        Client(int port, String name) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new PrintWriter(new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), true);
            if (name != null) {
                say(name);
            }
        }

        void say(String line) {
            out.print(line + "\n");
            out.flush();
        }

        String read() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * A client that has joined {@code chat}: clients that connect back to back may join in
     * either order (nothing orders one connection's bytes against another's), so a test that
     * wants them joined in order waits for each before it connects the next.
     */
    static Client joined(ChatServer.Running chat, String name) throws Exception {
        Client client = new Client(chat.port(), name);
        try {
            chat.awaitJoined(name);
        } catch (Exception | Error e) {
            client.close();
            throw e;
        }
        return client;
    }

    @Test
    void theProgramPrintsItsPortChatsAndShutsDownWhenStdinCloses() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.baton.examples.ChatServer", "0").redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = output.readLine();
            assertTrue(first != null && first.matches("listening on \\d+"), "first line: " + first);
            int port = Integer.parseInt(first.substring("listening on ".length()));
            try (Client alice = new Client(port, "alice")) {
                Thread.sleep(100); // alice joins first
                try (Client bob = new Client(port, "bob")) {
                    assertEquals("* bob joined", alice.read());
                    bob.say("hi alice");
                    assertEquals("bob: hi alice", alice.read());
                    alice.say("hello bob");
                    assertEquals("alice: hello bob", bob.read());
                    bob.say("/quit");
                    assertNull(bob.read(), "/quit disconnects");
                    assertEquals("* bob left", alice.read());
                }
                process.getOutputStream().close(); // end of standard input: shut down
                assertEquals("* the server is shutting down", alice.read());
                assertNull(alice.read());
            }
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server exited");
            assertEquals(0, process.exitValue());
            assertEquals("shut down", output.readLine());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void manyClientsEachHearEveryOtherClient() throws Exception {
        int count = 20;
        int messages = 5;
        try (ChatServer.Running chat = ChatServer.start("127.0.0.1", 0, 100, 100)) {
            List<Client> clients = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    Client client = joined(chat, "c" + i);
                    clients.add(client);
                    for (int j = 0; j < i; j++) {
                        assertEquals("* c" + i + " joined", clients.get(j).read());
                    }
                }
                for (int i = 0; i < count; i++) {
                    for (int m = 0; m < messages; m++) {
                        clients.get(i).say("message " + m);
                    }
                }
                for (int i = 0; i < count; i++) {
                    int[] next = new int[count];
                    for (int k = 0; k < (count - 1) * messages; k++) {
                        String line = clients.get(i).read();
                        int colon = line.indexOf(": message ");
                        int sender = Integer.parseInt(line.substring(1, colon));
                        // each sender's messages in order, none twice, none from oneself
                        assertTrue(sender != i, line);
                        assertEquals("message " + next[sender]++, line.substring(colon + 2));
                    }
                }
            } finally {
                for (Client client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedAndTheOthersCarryOn() throws Exception {
        try (ChatServer.Running chat = ChatServer.start("127.0.0.1", 0, 100, 10)) {
            try (Client talker = joined(chat, "talker");
                    Client listener = joined(chat, "listener");
                    Client slow = joined(chat, "slow")) {
                slow.socket.setReceiveBufferSize(4096);
                assertEquals("* listener joined", talker.read());
                assertEquals("* slow joined", talker.read());
                assertEquals("* slow joined", listener.read());
                String text = "x".repeat(1000);
                int sent = 0;
                boolean slowLeft = false;
                // the listener reads everything; slow reads nothing and must be dropped
                Thread reader = new Thread(() -> {
                    try {
                        while (listener.read() != null) {
                            // drain
                        }
                    } catch (IOException ignored) {
                        // closed at the end of the test
                    }
                });
                reader.start();
                while (!slowLeft && sent < 100_000) {
                    talker.say(text);
                    sent++;
                    if (talker.in.ready()) {
                        slowLeft = "* slow left".equals(talker.read());
                    }
                }
                assertTrue(slowLeft, "slow was disconnected after " + sent + " messages");
                assertTrue(sent < 100_000);
                // the slow client's connection is closed; what it had received may still be there
                slow.socket.setSoTimeout(10_000);
                try {
                    while (slow.read() != null) {
                        // what was sent before the disconnection
                    }
                } catch (SocketException reset) {
                    // a close with unread data may reset: disconnected either way
                }
                talker.say("still here");
                listener.socket.shutdownInput();
                reader.join(10_000);
            }
        }
    }

    @Test
    void theSemaphoreBoundsTheClients() throws Exception {
        try (ChatServer.Running chat = ChatServer.start("127.0.0.1", 0, 2, 10);
                Client a = joined(chat, "a");
                Client b = joined(chat, "b")) {
            assertEquals("* b joined", a.read());
            b.say("ping");
            assertEquals("b: ping", a.read());
            try (Client c = new Client(chat.port(), "c")) {
                assertEquals("* the room is full, waiting for a place", c.read());
                b.say("/quit");
                assertEquals("* b left", a.read());
                assertEquals("* c joined", a.read()); // c got b's place
                c.say("made it");
                assertEquals("c: made it", a.read());
            }
        }
    }
}
