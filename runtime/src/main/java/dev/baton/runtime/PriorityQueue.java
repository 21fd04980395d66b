package dev.baton.runtime;

import java.util.Comparator;

/**
 * {@code asyncio.PriorityQueue}: a {@link Queue} that hands out the smallest item first, by
 * natural order or by a {@link Comparator}.
 *
 * <p>Items that compare equal come out in the order they were put (FIFO). Python's
 * {@code heapq} gives no such guarantee (there, equal entries leave in an order that depends
 * on the heap's shape, which is why asyncio code puts {@code (priority, count, item)}
 * tuples); for items that never compare equal the orders are the same. {@code null} items
 * are refused with {@link NullPointerException}, and without a comparator items must be
 * {@link Comparable}, else {@link ClassCastException}; both when {@code put} or
 * {@code putNowait} is called, before anything waits.
 *
 * <pre>{@code
 * PriorityQueue<Job> jobs = new PriorityQueue<>(0, Comparator.comparingInt(Job::priority));
 * await(jobs.put(new Job(2, "later")));
 * await(jobs.put(new Job(1, "first")));
 * Job next = await(jobs.get());   // "first"
 * }</pre>
 *
 * @param <E> the item type
 */
public class PriorityQueue<E> extends Queue<E> {
    private final Comparator<? super E> comparator;
    /** Assigned by {@link #init}, which runs before this class's field initializers. */
    private StableHeap<E> heap;

    /** An unbounded queue in natural order. */
    public PriorityQueue() {
        this(0, null);
    }

    /**
     * A queue of at most {@code maxsize} items (zero or less: unbounded), in natural order.
     *
     * @param maxsize the capacity; 0 or less for an unbounded queue
     */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /**
     * A queue of at most {@code maxsize} items ordered by {@code comparator} (null: natural order).
     *
     * @param maxsize the capacity; 0 or less for an unbounded queue
     * @param comparator the order of the items
     */
    public PriorityQueue(int maxsize, Comparator<? super E> comparator) {
        super(maxsize);
        this.comparator = comparator;
    }

    @Override
    public Awaitable<Void> put(E item) {
        return super.put(check(item));
    }

    @Override
    public void putNowait(E item) {
        super.putNowait(check(item));
    }

    private E check(E item) {
        if (item == null) {
            throw new NullPointerException("PriorityQueue does not accept null items");
        }
        if (comparator == null && !(item instanceof Comparable)) {
            throw new ClassCastException(item.getClass().getName() + " is not Comparable: a"
                    + " PriorityQueue without a Comparator orders its items by natural order");
        }
        return item;
    }

    @Override
    protected void init(int maxsize) {
        heap = new StableHeap<>();
    }

    @Override
    protected void putItem(E item) {
        heap.push(item, comparator);
    }

    @Override
    protected E getItem() {
        return heap.pop(comparator);
    }
}
