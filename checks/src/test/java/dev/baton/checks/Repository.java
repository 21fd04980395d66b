package dev.baton.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository these tests check: its root, and the files git tracks in it. */
final class Repository {
    private Repository() {}

    /** The repository's root (surefire passes it as {@code baton.root}). */
    static Path root() {
        String root = System.getProperty("baton.root");
        Path path = root != null ? Path.of(root) : Path.of("..");
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the repository, by its path from the root. */
    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The text of a file of the repository. */
    static String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files git tracks, as paths from the root; null where git or the repository is missing
     * (a source tree without {@code .git}).
     */
    static List<String> trackedFiles() {
        try {
            Process git = new ProcessBuilder("git", "-C", root().toString(), "ls-files", "-z")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = git.getInputStream().readAllBytes();
            if (git.waitFor() != 0) {
                return null;
            }
            List<String> files = new ArrayList<>();
            for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
                if (!name.isEmpty() && Files.isRegularFile(file(name))) {
                    files.add(name);
                }
            }
            return files;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
