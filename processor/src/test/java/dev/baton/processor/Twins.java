package dev.baton.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The recorded transcripts of the Python twins under {@code src/test/resources/twins/}. */
final class Twins {
    private Twins() {}

    /** The lines CPython 3.13 printed for {@code twins/<name>.py}. */
    static List<String> transcript(String name) {
        try (InputStream in = Twins.class.getResourceAsStream("/twins/" + name + ".txt")) {
            if (in == null) {
                throw new AssertionError("no transcript twins/" + name + ".txt");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            return List.of(text.strip().split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
