package dev.baton.netty;

import static dev.baton.runtime.Baton.await;
import static dev.baton.runtime.Baton.done;
import static dev.baton.runtime.Baton.sleep;
import static dev.baton.runtime.Baton.spawn;
import static dev.baton.runtime.Baton.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.baton.Async;
import dev.baton.runtime.Awaitable;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.Coroutine;
import dev.baton.runtime.EventLoop;
import dev.baton.runtime.Task;
import dev.baton.runtime.TimeoutException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections over real loopback sockets, with plain blocking sockets as the peers. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionTest {
    private final LoopGroup group = new LoopGroup(2);

    @AfterEach
    void closeGroup() {
        group.close();
    }

    /** The server side of each test. */
    public abstract static class Handlers {
        final CompletableFuture<Object> outcome = new CompletableFuture<>();

        /** Reads lines until the end of the stream (or a failure, which it records). */
        @Async
        Coroutine<Void> readAll(Connection conn) {
            List<String> lines = new ArrayList<>();
            try {
                String line;
                while ((line = await(conn.readLine())) != null) {
                    lines.add(line);
                }
                outcome.complete(lines);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
            return done();
        }

        /** Three frames delimited by "||", then single bytes, then the end of stream. */
        @Async
        Coroutine<Void> frames(Connection conn) {
            List<String> frames = new ArrayList<>();
            byte[] delimiter = "||".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 3; i++) {
                frames.add(new String(await(conn.readFrame(delimiter)), StandardCharsets.UTF_8));
            }
            byte[] bytes;
            while ((bytes = await(conn.readBytes(2))) != null) {
                frames.add("bytes:" + new String(bytes, StandardCharsets.UTF_8));
            }
            outcome.complete(frames);
            return done();
        }

        /** Writes 16 KiB chunks, awaiting each, and records the most bytes ever buffered. */
        @Async
        Coroutine<Void> writeMuch(Connection conn, int chunks, AtomicInteger written, AtomicLong maxBuffered) {
            byte[] chunk = new byte[16 * 1024];
            try {
                for (int i = 0; i < chunks; i++) {
                    await(conn.write(chunk));
                    written.incrementAndGet();
                    maxBuffered.accumulateAndGet(conn.bufferedWriteBytes(), Math::max);
                }
                outcome.complete("done");
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
            return done();
        }

        /**
         * Once the peer is gone (its reset ends the read), drops a write as last words, awaits
         * another, and lets the dropped one be collected: the outcome is what the loop's exception
         * handler was given meanwhile, with the awaited write's exception first.
         */
        @Async
        Coroutine<Void> lastWords(Connection conn) {
            List<Object> seen = new ArrayList<>();
            EventLoop.current().setExceptionHandler((loop, context) -> seen.add(context.message()));
            try {
                await(conn.readLine());
                await(conn.readLine()); // raises once the peer resets
            } catch (ConnectionException gone) {
                WeakReference<Awaitable<Void>> dropped = new WeakReference<>(conn.write("goodbye\n"));
                try {
                    await(conn.write("are you there?\n"));
                } catch (ConnectionException e) {
                    seen.add(0, e);
                }
                // a dropped promise that failed unretrieved is reported in the iteration after it is collected
                for (int i = 0; i < 200 && dropped.get() != null; i++) {
                    System.gc();
                    await(sleep(0.01));
                }
                for (int i = 0; i < 20; i++) {
                    await(sleep(0.01));
                }
                seen.add(dropped.get() == null ? "collected" : "not collected");
            }
            outcome.complete(seen);
            return done();
        }

        /** Echoes lines, and says goodbye after 0.3 s without one. */
        @Async
        Coroutine<Void> idle(Connection conn) {
            try {
                while (true) {
                    String line = await(waitFor(conn.readLine(), 0.3));
                    if (line == null) {
                        break;
                    }
                    await(conn.write("echo " + line + "\n"));
                }
            } catch (TimeoutException e) {
                await(conn.write("idle, bye\n"));
            }
            outcome.complete("closed");
            return done();
        }

        /** Waits for a line for ever, noting its cancellation. */
        @Async
        Coroutine<Void> waitForever(Connection conn, CountDownLatch started, AtomicInteger cancelled) {
            started.countDown();
            try {
                await(conn.readLine());
            } catch (CancelledException e) {
                cancelled.incrementAndGet();
                throw e;
            }
            return done();
        }

        final CompletableFuture<String> afterwards = new CompletableFuture<>();

        /**
         * Two tasks read at once: the second is told off, and so is a third (being told off
         * does not free the first's place); once the first is cancelled, a read works again.
         */
        @Async
        Coroutine<Void> twoReaders(Connection conn) {
            Task<String> first = spawn(conn.readLine());
            await(sleep(0.01));
            try {
                await(conn.readLine());
                outcome.complete("no error");
            } catch (IllegalStateException e) {
                outcome.complete(e);
            }
            String third;
            try {
                third = "third read " + await(conn.readLine());
            } catch (IllegalStateException e) {
                third = "third told off";
            }
            first.cancel();
            try {
                await(first);
            } catch (CancelledException e) {
                // its wait ended: the place is free
            }
            afterwards.complete(third + ", then read " + await(conn.readLine()));
            return done();
        }
    }

    private static Socket connect(Server server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends a line, lets the handler read it and wait for the next, then resets the connection. */
    private static void resetAfterALine(Server server) throws IOException, InterruptedException {
        Socket socket = connect(server);
        socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
        Thread.sleep(100); // the handler reads the line and waits for the next
        reset(socket);
    }

    /** Closes with an RST instead of a FIN. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Test
    void linesAreSplitOnNewlinesWhateverTheChunks() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        Server server = group.listen("127.0.0.1", 0, h::readAll);
        try (Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            for (String piece : List.of("one\r\ntw", "o\n", "\nthr", "ee\nlast without newline")) {
                out.write(piece.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(20);
            }
            socket.shutdownOutput();
            assertEquals(List.of("one", "two", "", "three", "last without newline"), h.outcome.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void framesAndBytes() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        Server server = group.listen("127.0.0.1", 0, h::frames);
        try (Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            for (String piece : List.of("a||b", "b|", "|c|c", "||xyz")) {
                out.write(piece.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(20);
            }
            socket.shutdownOutput();
            assertEquals(List.of("a", "bb", "c|c", "bytes:xy", "bytes:z"),
                    h.outcome.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aTooLongLineRaisesAtTheReadAndClosesTheConnection() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        Server server = group.listen("127.0.0.1", 0, 100, h::readAll);
        try (Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(("short\n" + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            FrameTooLongException e = assertInstanceOf(FrameTooLongException.class, h.outcome.get(10, TimeUnit.SECONDS));
            assertTrue(e.getMessage().startsWith("a line longer than 100 bytes"), e.getMessage());
            assertEquals(-1, socket.getInputStream().read(), "the server closed the connection");
        }
    }

    @Test
    void aLineOfExactlyTheMaximumIsAccepted() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        Server server = group.listen("127.0.0.1", 0, 100, h::readAll);
        try (Socket socket = connect(server)) {
            socket.getOutputStream().write(("y".repeat(100) + "\r\n" + "z".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            assertEquals(List.of("y".repeat(100), "z".repeat(100)), h.outcome.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aPeerResetMakesThePendingReadRaise() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        resetAfterALine(group.listen("127.0.0.1", 0, h::readAll));
        ConnectionException e = assertInstanceOf(ConnectionException.class, h.outcome.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void aPeerResetMakesThePendingWriteRaise() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        AtomicInteger written = new AtomicInteger();
        Server server = group.listen("127.0.0.1", 0, conn -> h.writeMuch(conn, 100_000, written, new AtomicLong()));
        Socket socket = connect(server);
        socket.setReceiveBufferSize(4096);
        awaitStall(written);
        reset(socket); // while the writer waits
        assertInstanceOf(ConnectionException.class, h.outcome.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aWriteNobodyAwaitsToAPeerThatIsGoneFailsInSilence() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        resetAfterALine(group.listen("127.0.0.1", 0, h::lastWords));
        List<?> seen = assertInstanceOf(List.class, h.outcome.get(20, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionException.class, seen.get(0), "an awaited write to it raises: " + seen);
        assumeTrue(seen.get(seen.size() - 1).equals("collected"), "the JVM did not collect the dropped write");
        assertEquals(2, seen.size(), "nothing reported as never retrieved: " + seen);
    }

    @Test
    void aWriterToAPeerThatDoesNotReadWaitsWithBoundedBuffers() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        AtomicInteger written = new AtomicInteger();
        AtomicLong maxBuffered = new AtomicLong();
        int chunks = 400; // 6.4 MiB, far more than the socket buffers hold
        Server server = group.listen("127.0.0.1", 0, conn -> h.writeMuch(conn, chunks, written, maxBuffered));
        try (Socket socket = connect(server)) {
            int stalledAt = awaitStall(written);
            assertTrue(stalledAt < chunks, "the writer waits for the reader: " + stalledAt);
            assertTrue(maxBuffered.get() <= 64 * 1024, "buffered at most " + maxBuffered.get());
            long total = 0;
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[64 * 1024];
            while (total < chunks * 16L * 1024) {
                int n = in.read(sink);
                assertTrue(n > 0);
                total += n;
            }
            assertEquals("done", h.outcome.get(10, TimeUnit.SECONDS));
            assertEquals(chunks, written.get());
            assertTrue(maxBuffered.get() <= 64 * 1024, "buffered at most " + maxBuffered.get());
        }
    }

    /** Waits until {@code counter} stops moving for 300 ms; its value then. */
    private static int awaitStall(AtomicInteger counter) throws InterruptedException {
        int last = -1;
        while (true) {
            Thread.sleep(300);
            int now = counter.get();
            if (now == last && now > 0) {
                return now;
            }
            last = now;
        }
    }

    @Test
    void idleTimeoutsWithWaitForLoseNoLine() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        Server server = group.listen("127.0.0.1", 0, h::idle);
        try (Socket socket = connect(server)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 5; i++) {
                // half a line, a pause shorter than the timeout, the other half
                out.write(("li").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(100);
                out.write(("ne" + i + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertEquals("echo line" + i, in.readLine());
            }
            long start = System.nanoTime();
            assertEquals("idle, bye", in.readLine());
            assertNull(in.readLine());
            assertTrue(System.nanoTime() - start > 200_000_000L, "waited for the idle timeout");
            assertEquals("closed", h.outcome.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingTheGroupCancelsHandlersAndClosesConnectedClients() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        int clients = 20;
        CountDownLatch started = new CountDownLatch(clients);
        AtomicInteger cancelled = new AtomicInteger();
        Server server = group.listen("127.0.0.1", 0, conn -> h.waitForever(conn, started, cancelled));
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                sockets.add(connect(server));
            }
            assertTrue(started.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            group.close();
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "closed in time");
            assertEquals(clients, cancelled.get());
            for (Socket socket : sockets) {
                assertEquals(-1, socket.getInputStream().read(), "the server closed the connection");
            }
            assertTrue(!server.isOpen());
            assertTrue(group.loop(0).isClosed() && group.loop(1).isClosed());
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void aSecondConcurrentReaderIsToldOff() throws Exception {
        Handlers h = new Baton_ConnectionTest_Handlers();
        Server server = group.listen("127.0.0.1", 0, h::twoReaders);
        try (Socket socket = connect(server)) {
            socket.getOutputStream().write('x');
            IllegalStateException e = assertInstanceOf(IllegalStateException.class, h.outcome.get(10, TimeUnit.SECONDS));
            assertTrue(e.getMessage().startsWith("another task is already waiting to read"), e.getMessage());
            socket.getOutputStream().write("yz\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("third told off, then read xyz", h.afterwards.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void writesFromAnotherThreadAreRefused() throws Exception {
        CompletableFuture<Connection> seen = new CompletableFuture<>();
        Handlers h = new Baton_ConnectionTest_Handlers();
        Server server = group.listen("127.0.0.1", 0, conn -> {
            seen.complete(conn);
            return h.readAll(conn);
        });
        try (Socket socket = connect(server)) {
            socket.getOutputStream().write('x');
            Connection conn = seen.get(10, TimeUnit.SECONDS);
            IllegalStateException e = assertThrows(
                    IllegalStateException.class, () -> conn.write("x"));
            assertTrue(e.getMessage().contains("belongs to its channel's loop"), e.getMessage());
        }
    }
}
