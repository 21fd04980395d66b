package dev.baton.runtime;

import java.util.ArrayList;

/**
 * {@code asyncio.LifoQueue}: a {@link Queue} that hands out the most recently put item first.
 * {@code null} items are allowed.
 *
 * <pre>{@code
 * LifoQueue<String> undo = new LifoQueue<>();
 * undo.putNowait("a");
 * undo.putNowait("b");
 * String last = await(undo.get());   // "b"
 * }</pre>
 *
 * @param <E> the item type
 */
public class LifoQueue<E> extends Queue<E> {
    /** Assigned by {@link #init}, which runs before this class's field initializers. */
    private ArrayList<E> stack;

    /** An unbounded LIFO queue. */
    public LifoQueue() {
        super();
    }

    /**
     * A LIFO queue of at most {@code maxsize} items; zero or less means unbounded.
     *
     * @param maxsize the capacity; 0 or less for an unbounded queue
     */
    public LifoQueue(int maxsize) {
        super(maxsize);
    }

    @Override
    protected void init(int maxsize) {
        stack = new ArrayList<>();
    }

    @Override
    protected void putItem(E item) {
        stack.add(item);
    }

    @Override
    protected E getItem() {
        return stack.remove(stack.size() - 1);
    }
}
