package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;

/**
 * asyncio's {@code Barrier}: lets a fixed number of tasks wait until all of them have arrived.
 *
 * <p>Each task awaits {@link #arriveAndWait()}. The first {@code parties - 1} arrivals wait;
 * the last one trips the barrier and all of them go on, each with its arrival index
 * ({@code 0} to {@code parties - 1}; the last arrival gets {@code parties - 1}). The barrier
 * then <em>drains</em>: until every released task has left, new arrivals wait at the door,
 * then it is <em>filling</em> again and can be reused for the next round.
 *
 * <p>{@link #reset()} returns the barrier to the filling state; tasks waiting in it get
 * {@link BrokenBarrierException}. {@link #abort()} breaks it for good: tasks waiting in it,
 * and every later {@code arriveAndWait()}, get {@link BrokenBarrierException}. A task
 * cancelled while it waits leaves the barrier and the count goes down, so another task can take
 * its place. The barrier is built on a {@link Condition}, exactly as CPython 3.13's is, so its
 * wake-up order is asyncio's.
 *
 * <pre>{@code
 * final Barrier ready = new Barrier(3);
 *
 * @Async
 * Coroutine<Void> worker(String name) {
 *     prepare(name);
 *     int index = await(ready.arriveAndWait());   // all three prepared
 *     go(name, index);
 *     return done();
 * }
 * }</pre>
 *
 * <p>All methods must be called on the thread of the loop the barrier is used on
 * ({@link IllegalStateException} otherwise); {@code toString()} may be called from anywhere,
 * e.g. {@code Barrier[filling, waiters=1/3]} or {@code Barrier[broken]}.
 */
public final class Barrier extends LoopBound {
    private enum State {
        FILLING, DRAINING, RESETTING, BROKEN;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Notifies every task whenever the state changes. */
    private final Condition cond = new Condition();
    private final int parties;
    private State state = State.FILLING;
    /** Tasks inside the barrier: waiting while filling, leaving while draining (read by tests). */
    int count;

    /**
     * A barrier for {@code parties} tasks; {@link IllegalArgumentException} ("parties must be
     * > 0") if {@code parties < 1}.
     *
     * @param parties the number of tasks that must arrive
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        this.parties = parties;
    }

    /**
     * Arrives and waits until {@code parties} tasks have arrived; yields this task's arrival
     * index. Waits first while the barrier drains or resets; {@link BrokenBarrierException} if
     * it is broken ("Barrier aborted") or is reset or aborted while this task waits ("Abort or
     * reset of barrier"). Cold: nothing happens until awaited.
     *
     * @return an awaitable yielding this arrival's index, from 0 to {@code parties() - 1}
     */
    public Awaitable<Integer> arriveAndWait() {
        confine();
        return new Arrive(this);
    }

    /**
     * Returns the barrier to the filling state; tasks waiting in it get
     * {@link BrokenBarrierException}. Waits for the barrier's internal lock, hence awaitable.
     *
     * @return an awaitable that completes once the barrier is reset
     */
    public Awaitable<Void> reset() {
        confine();
        return new Change(this, false);
    }

    /**
     * Breaks the barrier: tasks waiting in it, and all later arrivals, get
     * {@link BrokenBarrierException}. Waits for the barrier's internal lock, hence awaitable.
     *
     * @return an awaitable that completes once the barrier is broken
     */
    public Awaitable<Void> abort() {
        confine();
        return new Change(this, true);
    }

    /**
     * The number of tasks needed to trip the barrier.
     *
     * @return the number of tasks that must arrive to pass the barrier
     */
    public int parties() {
        confine();
        return parties;
    }

    /**
     * The number of tasks waiting in the barrier while it fills (0 while it drains or resets).
     *
     * @return the number of tasks waiting in the filling barrier
     */
    public int nWaiting() {
        confine();
        return state == State.FILLING ? count : 0;
    }

    /**
     * Whether the barrier is broken ({@link #abort()}).
     *
     * @return whether the barrier is broken
     */
    public boolean isBroken() {
        confine();
        return state == State.BROKEN;
    }

    /** asyncio's {@code _exit}: the last task out ends draining or resetting. */
    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.notifyAllWaiters();
        }
    }

    @Override
    boolean hasWaiters() {
        return cond.hasWaiters();
    }

    /** {@code Barrier[filling, waiters=1/3]}, {@code Barrier[draining, waiters=0/3]}, {@code Barrier[broken]}. */
    @Override
    public String toString() {
        State s = state;
        if (s == State.BROKEN) {
            return "Barrier[broken]";
        }
        return "Barrier[" + s + ", waiters=" + (s == State.FILLING ? count : 0) + "/" + parties + "]";
    }

    /** asyncio's {@code Barrier.wait()}: {@code async with cond: block; count; release or wait; finally exit}. */
    private static final class Arrive extends StateMachine<Integer> {
        private static final int ACQUIRED = 1, BLOCK = 2, BLOCKED = 3, WAIT = 4, WAITED = 5;
        private final Barrier barrier;
        private int index;

        Arrive(Barrier barrier) {
            this.barrier = barrier;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            Barrier b = barrier;
            Condition cond = b.cond;
            for (;;) {
                switch ($state) {
                    case 0:
                        value = $await(cond.acquire(), ACQUIRED);
                        if (value == SUSPENDED) {
                            return SUSPENDED;
                        }
                        continue;
                    case ACQUIRED:
                        if (failure != null) {
                            throw failure; // not acquired: nothing to release
                        }
                        $state = BLOCK;
                        continue;
                    case BLOCK: // _block(): wait while draining or resetting
                        if (b.state == State.DRAINING || b.state == State.RESETTING) {
                            if (awaitNotified(cond, BLOCKED) == SUSPENDED) {
                                return SUSPENDED;
                            }
                            failure = pendingFailure;
                            pendingFailure = null;
                            continue;
                        }
                        if (b.state == State.BROKEN) {
                            cond.release();
                            throw new BrokenBarrierException("Barrier aborted");
                        }
                        index = b.count;
                        b.count++;
                        if (index + 1 == b.parties) { // _release(): we trip the barrier
                            b.state = State.DRAINING;
                            cond.notifyAllWaiters();
                            return leave(null);
                        }
                        $state = WAIT;
                        continue;
                    case BLOCKED:
                        if (failure != null) {
                            cond.release();
                            throw failure;
                        }
                        $state = BLOCK;
                        continue;
                    case WAIT: // _wait(): wait for the end of filling
                        if (b.state == State.FILLING) {
                            if (awaitNotified(cond, WAITED) == SUSPENDED) {
                                return SUSPENDED;
                            }
                            failure = pendingFailure;
                            pendingFailure = null;
                            continue;
                        }
                        if (b.state == State.BROKEN || b.state == State.RESETTING) {
                            return leave(new BrokenBarrierException("Abort or reset of barrier"));
                        }
                        return leave(null);
                    case WAITED:
                        if (failure != null) {
                            return leave(failure);
                        }
                        $state = WAIT;
                        continue;
                    default:
                        throw new IllegalStateException("bad state " + $state);
                }
            }
        }

        /** A synchronous failure of an await, handed to the state it resumes in. */
        private Throwable pendingFailure;

        /** Awaits {@code cond.wait()}, resuming in {@code next}; a synchronous failure goes to pendingFailure. */
        private Object awaitNotified(Condition cond, int next) {
            try {
                return $await(cond.waitNotified(), next);
            } catch (Throwable t) {
                $state = next;
                pendingFailure = t;
                return null;
            }
        }

        /** The {@code finally} of the try and the exit of {@code async with}: count down, release. */
        private Object leave(Throwable failure) throws Throwable {
            Barrier b = barrier;
            try {
                b.count--;
                b.exit();
            } finally {
                b.cond.release();
            }
            if (failure != null) {
                throw failure;
            }
            return index;
        }

        @Override
        public String toString() {
            return "arriveAndWait() of " + barrier;
        }
    }

    /** asyncio's {@code reset()} and {@code abort()}: {@code async with cond:} change the state, notify all. */
    private static final class Change extends StateMachine<Void> {
        private final Barrier barrier;
        private final boolean abort;

        Change(Barrier barrier, boolean abort) {
            this.barrier = barrier;
            this.abort = abort;
        }

        @Override
        protected Object $resume(Object value, Throwable failure) throws Throwable {
            Barrier b = barrier;
            if ($state == 0) {
                if ($await(b.cond.acquire(), 1) == SUSPENDED) {
                    return SUSPENDED;
                }
            } else if (failure != null) {
                throw failure;
            }
            try {
                if (abort) {
                    b.state = State.BROKEN;
                } else if (b.count > 0) {
                    if (b.state != State.RESETTING) {
                        b.state = State.RESETTING;
                    }
                } else {
                    b.state = State.FILLING;
                }
                b.cond.notifyAllWaiters();
            } finally {
                b.cond.release();
            }
            return null;
        }

        @Override
        public String toString() {
            return (abort ? "abort() of " : "reset() of ") + barrier;
        }
    }
}
