package dev.baton.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what the runtime logs to {@code dev.baton} (System.Logger routes to java.util.logging by default). */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.baton");
    private final List<LogRecord> records = new ArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** The messages logged so far. */
    synchronized List<String> messages() {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records) {
            out.add(r.getMessage());
        }
        return out;
    }

    /** The messages logged so far that start with {@code prefix}. */
    synchronized List<String> messages(String prefix) {
        List<String> out = new ArrayList<>();
        for (String m : messages()) {
            if (m.startsWith(prefix)) {
                out.add(m);
            }
        }
        return out;
    }

    synchronized List<LogRecord> records() {
        return new ArrayList<>(records);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
