package dev.baton.benchmarks.kotlinx;

import dev.baton.benchmarks.Contender;

/**
 * kotlinx.coroutines on one thread ({@code runBlocking}): {@code Mutex}, {@code Channel},
 * {@code CompletableDeferred}, {@code yield()}, {@code launch}. The scenarios are written in
 * Kotlin, in {@link KotlinxScenarios}, as Kotlin users write them.
 */
public final class KotlinxContender implements Contender {

    @Override
    public String name() {
        return "kotlinx";
    }

    @Override
    public long handoff(int capacity, int items) {
        return KotlinxScenarios.handoff(capacity, items, ITEM);
    }

    @Override
    public long lock(int tasks, int acquisitions, boolean yieldInside) {
        return KotlinxScenarios.lock(tasks, acquisitions, yieldInside);
    }

    @Override
    public long[] fanOut(int waiters) {
        return KotlinxScenarios.fanOut(waiters);
    }

    @Override
    public long pingPong(int rounds) {
        return KotlinxScenarios.pingPong(rounds);
    }

    @Override
    public long yields(int count) {
        return KotlinxScenarios.yields(count);
    }

    @Override
    public long spawn(int count) {
        return KotlinxScenarios.spawn(count);
    }

    @Override
    public long blocked(Blocker on, int count, Runnable whileBlocked) {
        return KotlinxScenarios.blocked(on.ordinal(), count, whileBlocked, ITEM);
    }
}
