package dev.baton.demo;

import dev.baton.runtime.EventLoop;

/** Runs {@link Counter} on the module path. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int total = EventLoop.run(new Baton_Counter().main());
        System.out.println("total " + total + " in module " + Main.class.getModule().getName());
    }
}
