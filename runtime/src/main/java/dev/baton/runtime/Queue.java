package dev.baton.runtime;

import dev.baton.runtime.internal.StateMachine;
import java.util.ArrayDeque;

/**
 * {@code asyncio.Queue}: a FIFO queue for coordinating producer and consumer coroutines.
 *
 * <p>With {@code maxsize} of zero or less the queue is unbounded; otherwise {@link #put}
 * waits while the queue holds {@code maxsize} items. {@link #get} waits while it is empty.
 * {@code null} items are allowed.
 *
 * <p>Semantics are CPython 3.13's:
 * <ul>
 *   <li>Operations are cold: {@code put(x)} and {@code get()} do nothing until awaited.</li>
 *   <li>Blocked getters and putters wait in FIFO order and are woken one per item (or free
 *       slot). A waiter that is woken and then cancelled before it runs passes its wake-up on
 *       to the next waiter, so no item and no free slot is ever lost. A woken getter does not
 *       reserve the item: it re-checks the queue when it runs, as asyncio's does.</li>
 *   <li>{@link #taskDone()} and {@link #join()} count unfinished items: every put adds one,
 *       every {@code taskDone()} removes one, {@code join()} waits for zero.</li>
 *   <li>{@link #shutdown(boolean)}: afterwards every put throws {@link QueueShutDownException};
 *       gets drain what is left, then throw it. {@code shutdown(true)} drops the items left
 *       (counting each as done for {@code join()}) so that gets throw at once. Either way every
 *       blocked getter and putter is woken to see the shutdown.</li>
 * </ul>
 *
 * <p>Subclasses change the order by overriding the three hooks {@link #init(int)},
 * {@link #getItem()} and {@link #putItem(Object)}, as {@link PriorityQueue} and
 * {@link LifoQueue} do.
 *
 * <p>A queue belongs to the event loop it is first used on; calling it from another thread
 * while that loop runs throws {@link IllegalStateException}.
 *
 * <pre>{@code
 * final Queue<String> jobs = new Queue<>(10);
 *
 * @Async Coroutine<Void> produce() {
 *     for (String job : List.of("a", "b", "c")) {
 *         await(jobs.put(job));        // waits while 10 jobs are queued
 *     }
 *     jobs.shutdown();                 // consumers drain the rest, then stop
 *     return done();
 * }
 *
 * @Async Coroutine<Void> consume() {
 *     for (;;) {
 *         String job;
 *         try {
 *             job = await(jobs.get());
 *         } catch (QueueShutDownException e) {
 *             return done();
 *         }
 *         System.out.println("working on " + job);
 *         jobs.taskDone();
 *     }
 * }
 * }</pre>
 *
 * <h2>Allocation</h2>
 * {@code get()} on a non-empty queue and {@code put(x)} on a non-full one allocate nothing:
 * {@code get()} returns one cached awaitable per queue, and {@code put(x)} parks {@code x} in
 * a one-item slot of the queue and returns another cached awaitable that takes it from the
 * slot when awaited. Only when a put awaitable is created while an earlier one has not been
 * awaited yet (for example {@code gather(q.put(a), q.put(b))}) does {@code put} allocate a
 * small object holding its item. So puts stay cold, exactly as asyncio's: the item goes in
 * when the put is awaited, whatever ran in between. A blocked get or join allocates
 * nothing (the task itself waits in the queue's waiters, see {@link Blocker}); a blocked put
 * holds its item in a small object, which the queue keeps once the put ends and lends to the
 * next put that blocks, so a producer that blocks again and again allocates it once.
 *
 * <h2>Differences from CPython 3.13</h2>
 * <ul>
 *   <li>A Python coroutine object can be awaited once. Awaiting the same {@code get()}
 *       awaitable twice gets two items; awaiting a put awaitable a second time throws
 *       {@link IllegalStateException} ("cannot reuse already awaited coroutine"), unless a
 *       newer {@code put} refilled the slot in between: then the newer put's item goes in
 *       and the newer awaitable throws instead. A put awaitable never awaited puts nothing
 *       (as an un-awaited coroutine), but keeps its item in the slot, so later puts on this
 *       queue each allocate their small object.</li>
 *   <li>{@code task_done()} called too many times raises {@code ValueError} in Python and
 *       {@link IllegalStateException} here, with the same message.</li>
 *   <li>{@code maxsize} is an {@code int} (asyncio also accepts a float).</li>
 *   <li>{@link PriorityQueue} hands out equal items in FIFO order.</li>
 *   <li>{@link #toString()} shows counts, not the items ({@code repr} lists them).</li>
 * </ul>
 *
 * @param <E> the item type
 */
public class Queue<E> extends LoopBound {
    /** Marks an empty put slot (items may be null, so null cannot). */
    private static final Object NO_ITEM = new Object();
    /** Stands for a null item in the FIFO store ({@link ArrayDeque} refuses null). */
    private static final Object NULL = new Object();

    private final int maxsize;
    private int size;
    private int unfinished;
    private boolean shutdown;
    /** The tasks blocked in get(), put() and join() (see {@link Blocker}). */
    private final ArrayDeque<Task<?>> getters = new ArrayDeque<>();
    private final ArrayDeque<Task<?>> putters = new ArrayDeque<>();
    /** Waiters of join(): asyncio's {@code _finished} event's waiters. */
    private final ArrayDeque<Task<?>> joiners = new ArrayDeque<>();

    /** The item of the last {@code put} not awaited yet, or {@link #NO_ITEM}. */
    private Object putSlot = NO_ITEM;
    private final GetOp getOp = new GetOp();
    private final SlotPutOp putOp = new SlotPutOp();
    private final JoinOp joinOp = new JoinOp();
    /** A putter whose put ended, kept for the next put that blocks (null while none or in use). */
    private Putter sparePutter;

    /** The FIFO store; subclasses that override {@link #init(int)} leave it null. */
    private ArrayDeque<Object> items;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * A queue holding at most {@code maxsize} items; zero or less means unbounded.
     *
     * @param maxsize the capacity; 0 or less for an unbounded queue
     */
    public Queue(int maxsize) {
        this.maxsize = maxsize;
        init(maxsize);
    }

    // ---- the three hooks subclasses override (asyncio's _init, _get, _put) ----

    /**
     * Creates the item store. Called once by {@code Queue}'s constructor, before the
     * subclass's constructor body and field initializers run: assign the store to a field
     * declared without an initializer, and read no other subclass field here.
     *
     * @param maxsize the capacity; 0 or less for an unbounded queue
     */
    protected void init(int maxsize) {
        items = new ArrayDeque<>();
    }

    /**
     * Removes and returns the next item; called only when the queue holds at least one. It
     * must remove exactly one item: the queue counts its items itself.
     *
     * @return the item taken out
     */
    @SuppressWarnings("unchecked")
    protected E getItem() {
        Object item = items.pollFirst();
        return item == NULL ? null : (E) item;
    }

    /**
     * Adds an item; called only when there is room. It must add exactly one item, or throw
     * without changing the store.
     *
     * @param item the item
     */
    protected void putItem(E item) {
        items.addLast(item == null ? NULL : item);
    }

    // ---- size ----

    /**
     * The number of items in the queue.
     *
     * @return the number of items in the queue
     */
    public final int qsize() {
        confine();
        return size;
    }

    /**
     * The most items the queue holds; zero or less means unbounded.
     *
     * @return the capacity, 0 or less for unbounded
     */
    public final int maxsize() {
        confine();
        return maxsize;
    }

    /**
     * Whether the queue holds no item.
     *
     * @return whether the queue holds no item
     */
    public final boolean isEmpty() {
        confine();
        return size == 0;
    }

    /**
     * Whether the queue holds {@code maxsize} items; never for an unbounded queue.
     *
     * @return whether a put would wait
     */
    public final boolean isFull() {
        confine();
        return full();
    }

    private boolean full() {
        return maxsize > 0 && size >= maxsize;
    }

    // ---- put ----

    /**
     * {@code await queue.put(item)}: puts {@code item}, first waiting (FIFO among putters)
     * while the queue is full. Throws {@link QueueShutDownException} if the queue is shut down,
     * or is shut down while this waits. Cold: nothing happens until the result is awaited.
     *
     * @param item the item
     * @return an awaitable that completes once the item is in the queue
     */
    public Awaitable<Void> put(E item) {
        confine();
        if (putSlot == NO_ITEM) {
            putSlot = item;
            return putOp;
        }
        return new PutOp(item);
    }

    /**
     * Puts {@code item} without waiting: {@link QueueFullException} if the queue is full,
     * {@link QueueShutDownException} if it is shut down. Wakes the first waiting getter.
     *
     * @param item the item
     */
    public void putNowait(E item) {
        confine();
        putNow(item);
    }

    private void putNow(E item) {
        if (shutdown) {
            throw new QueueShutDownException();
        }
        if (full()) {
            throw new QueueFullException();
        }
        add(item);
    }

    /** Adds an item there is room for, and wakes the first waiting getter. */
    private void add(E item) {
        putItem(item);
        size++;
        unfinished++;
        wakeupNext(getters);
    }

    /**
     * The body of {@code put}: the fast path, or blocking in a {@link Putter} while the queue
     * is full (the queue's spare one if it has one); also what a woken putter runs again
     * (asyncio's {@code while self.full()} loop), passing its {@code putter} to block in again.
     */
    private Object awaitPut(E item, Putter putter, StateMachine<?> machine) {
        // confined by the caller: the put awaitables and a woken putter's rerun on the loop
        if (shutdown) {
            throw new QueueShutDownException();
        }
        if (!full()) {
            add(item);
            return null;
        }
        if (putter == null) {
            putter = sparePutter;
            if (putter != null) {
                sparePutter = null;
                putter.item = item;
            } else {
                putter = new Putter(item);
            }
        }
        return block(putters, putter, machine);
    }

    // ---- get ----

    /**
     * {@code await queue.get()}: removes and returns the next item, first waiting (FIFO among
     * getters) while the queue is empty. Throws {@link QueueShutDownException} if the queue is
     * shut down and empty. Cold: nothing happens until the result is awaited.
     *
     * @return an awaitable yielding the item taken out
     */
    public final Awaitable<E> get() {
        confine();
        return getOp;
    }

    /**
     * Removes and returns the next item without waiting: {@link QueueEmptyException} if the
     * queue is empty, {@link QueueShutDownException} if it is also shut down. Wakes the first
     * waiting putter.
     *
     * @return the item taken out
     */
    public final E getNowait() {
        confine();
        if (size == 0) {
            if (shutdown) {
                throw new QueueShutDownException();
            }
            throw new QueueEmptyException();
        }
        return take();
    }

    private E take() {
        E item = getItem();
        size--;
        wakeupNext(putters);
        return item;
    }

    /** The body of {@code get}; also what a woken getter runs again ({@code while self.empty()}). */
    private Object awaitGet(StateMachine<?> machine) {
        confine();
        if (size > 0) {
            return take();
        }
        if (shutdown) {
            throw new QueueShutDownException();
        }
        return block(getters, getOp, machine);
    }

    // ---- task_done / join ----

    /**
     * Marks one item taken by a consumer as processed. When every item put has been
     * processed, {@link #join()} waiters wake. {@link IllegalStateException}
     * ("task_done() called too many times") if no item is unfinished.
     */
    public final void taskDone() {
        confine();
        if (unfinished <= 0) {
            throw new IllegalStateException("task_done() called too many times");
        }
        unfinished--;
        if (unfinished == 0) {
            finished();
        }
    }

    /**
     * {@code await queue.join()}: waits until every item put has been processed (the count
     * of unfinished items, raised by each put and lowered by {@link #taskDone()}, is zero).
     * Completes at once when it is zero already.
     *
     * @return an awaitable that completes once every item put is done
     */
    public final Awaitable<Void> join() {
        confine();
        return joinOp;
    }

    /** asyncio's {@code _finished.set()}: wakes every join() waiter, in order. */
    private void finished() {
        wakeAll(joiners);
    }

    // ---- shutdown ----

    /** {@code shutdown(false)}: puts fail from now on; gets drain the items left, then fail. */
    public final void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down: every later put throws {@link QueueShutDownException}, and so does
     * every get once the queue is empty. With {@code immediate}, the items left are dropped
     * (each counted as done for {@link #join()}, which may wake its waiters) so gets fail at
     * once. Every blocked getter and putter is woken to see the shutdown.
     *
     * @param immediate whether to drop the items left and wake every waiter now
     */
    public final void shutdown(boolean immediate) {
        confine();
        shutdown = true;
        if (immediate) {
            while (size > 0) {
                getItem();
                size--;
                if (unfinished > 0) {
                    unfinished--;
                }
            }
            if (unfinished == 0) {
                finished();
            }
        }
        wakeAll(getters);
        wakeAll(putters);
    }

    /**
     * Whether {@link #shutdown} was called.
     *
     * @return whether the queue is shut down
     */
    public final boolean isShutdown() {
        confine();
        return shutdown;
    }

    // ---- waiters ----

    /**
     * asyncio's {@code _wakeup_next}: wakes the first waiter whose wait has not ended (been
     * cancelled) yet, taking it and those before it off the queue.
     */
    private static void wakeupNext(ArrayDeque<Task<?>> waiters) {
        if (waiters.isEmpty()) {
            return; // the usual case, checked without reading the deque's array
        }
        Task<?> waiter;
        while ((waiter = waiters.pollFirst()) != null) {
            if (!waiter.waitEnded()) {
                waiter.wakeFromWait();
                return;
            }
        }
    }

    /** Takes every waiter off, waking those whose wait has not ended. */
    private static void wakeAll(ArrayDeque<Task<?>> waiters) {
        Task<?> waiter;
        while ((waiter = waiters.pollFirst()) != null) {
            if (!waiter.waitEnded()) {
                waiter.wakeFromWait();
            }
        }
    }

    @Override
    boolean hasWaiters() {
        return !getters.isEmpty() || !putters.isEmpty() || !joiners.isEmpty();
    }

    /** State and waiter counts, e.g. {@code Queue[maxsize=2, qsize=1, getters=0, putters=1, unfinished=1]}. */
    @Override
    public String toString() {
        String name = getClass().getSimpleName();
        StringBuilder s = new StringBuilder(name.isEmpty() ? "Queue" : name)
                .append("[maxsize=").append(maxsize)
                .append(", qsize=").append(size)
                .append(", getters=").append(getters.size())
                .append(", putters=").append(putters.size())
                .append(", unfinished=").append(unfinished);
        if (!joiners.isEmpty()) {
            s.append(", joiners=").append(joiners.size());
        }
        if (shutdown) {
            s.append(", shutdown");
        }
        return s.append(']').toString();
    }

    // ---- the awaitables ----

    /**
     * What {@link #get()} returns, one per queue, and what a getter blocks in: asyncio's
     * {@code Queue.get},
     * <pre>
     * while self.empty():
     *     if self._is_shutdown and self.empty(): raise QueueShutDown
     *     getter = create_future(); self._getters.append(getter)
     *     try: await getter
     *     except:
     *         getter.cancel(); remove getter from self._getters if there
     *         if not self.empty() and not getter.cancelled(): self._wakeup_next(self._getters)
     *         raise
     * return self.get_nowait()
     * </pre>
     * {@link #awaitGet} is the loop's test and body, the blocked task standing for
     * {@code getter}; {@link #afterWait} is the {@code except} and, when woken, the loop
     * again (which may block again).
     */
    private final class GetOp implements Awaitable<E>, Blocker {
        @Override
        public Object awaitFrom(StateMachine<?> machine) {
            return awaitGet(machine);
        }

        @Override
        public Object afterWait(Task<?> task, StateMachine<?> machine, boolean woken, Throwable failure)
                throws Throwable {
            if (failure != null) {
                Blocker.leave(getters, task);
                if (size > 0 && woken) {
                    // woken by a put, but cannot take the item: wake the next in line
                    wakeupNext(getters);
                }
                throw failure;
            }
            return awaitGet(machine);
        }

        @Override
        public String toString() {
            return "get() of " + Queue.this;
        }
    }

    /** What {@link #put} returns when the put slot is free: puts the slot's item. */
    private final class SlotPutOp implements Awaitable<Void> {
        @Override
        @SuppressWarnings("unchecked")
        public Object awaitFrom(StateMachine<?> machine) {
            confine();
            Object item = putSlot;
            if (item == NO_ITEM) {
                throw new IllegalStateException("cannot reuse already awaited coroutine put() of " + Queue.this);
            }
            putSlot = NO_ITEM;
            return awaitPut((E) item, null, machine);
        }

        @Override
        public String toString() {
            return "put(" + (putSlot == NO_ITEM ? "<awaited>" : putSlot) + ") of " + Queue.this;
        }
    }

    /** What {@link #put} returns while the slot holds an item not awaited yet. */
    private final class PutOp implements Awaitable<Void> {
        private Object item;

        PutOp(E item) {
            this.item = item;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object awaitFrom(StateMachine<?> machine) {
            confine();
            Object it = item;
            if (it == NO_ITEM) {
                throw new IllegalStateException("cannot reuse already awaited coroutine put() of " + Queue.this);
            }
            item = NO_ITEM;
            return awaitPut((E) it, null, machine);
        }

        @Override
        public String toString() {
            return "put(" + (item == NO_ITEM ? "<awaited>" : item) + ") of " + Queue.this;
        }
    }

    /**
     * What {@link #join()} returns, one per queue, and what a joiner blocks in; once the
     * await ends, the joiner leaves the queue in any case.
     */
    private final class JoinOp implements Awaitable<Void>, Blocker {
        @Override
        public Object awaitFrom(StateMachine<?> machine) {
            confine();
            if (unfinished == 0) {
                return null;
            }
            return block(joiners, this, machine);
        }

        @Override
        public Object afterWait(Task<?> task, StateMachine<?> machine, boolean woken, Throwable failure)
                throws Throwable {
            Blocker.leave(joiners, task);
            if (failure != null) {
                throw failure;
            }
            return null;
        }

        @Override
        public String toString() {
            return "join() of " + Queue.this;
        }
    }

    /**
     * A put blocked while the queue is full, holding its item (what asyncio's put coroutine
     * keeps in its frame); mirrors {@link GetOp}: once the await ends, if it failed
     * (cancelled), leave the queue and, if woken with a free slot, pass the wake-up on; else
     * try again.
     */
    private final class Putter implements Blocker {
        private E item;

        Putter(E item) {
            this.item = item;
        }

        @Override
        public Object afterWait(Task<?> task, StateMachine<?> machine, boolean woken, Throwable failure)
                throws Throwable {
            Object result;
            try {
                if (failure != null) {
                    Blocker.leave(putters, task);
                    if (!full() && woken) {
                        // woken by a get, but cannot take the free slot: wake the next in line
                        wakeupNext(putters);
                    }
                    throw failure;
                }
                result = awaitPut(item, this, machine);
            } catch (Throwable t) {
                release();
                throw t;
            }
            if (result != StateMachine.SUSPENDED) {
                release();
            }
            return result;
        }

        /** The put has ended: the putter may serve the next put that blocks. */
        private void release() {
            item = null;
            if (sparePutter == null) {
                sparePutter = this;
            }
        }

        @Override
        public String toString() {
            return "put(" + item + ") of " + Queue.this;
        }
    }
}
