package dev.baton.runtime;

import java.util.List;

/** Runs code on a fresh thread and waits for it: for thread-confinement tests. */
final class Threads {
    private Threads() {}

    /** Runs {@code body} on another thread, joins it, and adds what it threw to {@code errors}. */
    static void runOnOtherThread(List<Throwable> errors, Runnable body) {
        Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "foreign");
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (thrown[0] != null) {
            errors.add(thrown[0]);
        }
    }
}
