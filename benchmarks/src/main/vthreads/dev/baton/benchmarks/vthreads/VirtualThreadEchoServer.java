package dev.baton.benchmarks.vthreads;

import dev.baton.benchmarks.echo.EchoServer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The virtual-thread echo server: blocking {@code java.net.Socket}s, a virtual thread per
 * connection, run on JDK 21+ with {@code -Djdk.virtualThreadScheduler.parallelism=LOOPS}. The
 * same protocol as {@link EchoServer}.
 *
 * <pre>java -cp benchmarks.jar dev.baton.benchmarks.vthreads.VirtualThreadEchoServer</pre>
 */
public final class VirtualThreadEchoServer {
    private VirtualThreadEchoServer() {}

    public static void main(String[] args) throws Exception {
        ServerSocket server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        System.out.println("port " + server.getLocalPort());
        System.out.flush();
        Thread.ofVirtual().name("acceptor").start(() -> {
            try {
                while (true) {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> echo(socket));
                }
            } catch (IOException closed) {
                // the server socket was closed: the benchmark is over
            }
        });
        EchoServer.serveCommands();
        server.close();
    }

    private static void echo(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
