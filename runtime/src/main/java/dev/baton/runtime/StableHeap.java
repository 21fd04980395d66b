package dev.baton.runtime;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A binary min-heap that breaks ties by insertion order, so equal elements leave in FIFO
 * order; the store of {@link PriorityQueue}. Each call takes the ordering (a
 * {@link Comparator}, or null for natural order). Two parallel arrays (elements and their
 * insertion numbers): pushing and popping allocate nothing once the arrays have grown.
 *
 * <p>Exception-safe: each operation first finds where the element goes, comparing without
 * moving anything, and only then moves; a comparator that throws leaves the heap unchanged.
 */
final class StableHeap<E> {
    private Object[] elements = new Object[16];
    private long[] order = new long[16];
    private int size;
    private long next;

    void push(E element, Comparator<? super E> comparator) {
        long seq = next;
        int hole = size;
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (compare(comparator, element, seq, parent) >= 0) {
                break;
            }
            hole = parent;
        }
        if (size == elements.length) {
            int capacity = size * 2;
            elements = Arrays.copyOf(elements, capacity);
            order = Arrays.copyOf(order, capacity);
        }
        for (int k = size; k != hole; ) {
            int parent = (k - 1) >>> 1;
            elements[k] = elements[parent];
            order[k] = order[parent];
            k = parent;
        }
        elements[hole] = element;
        order[hole] = seq;
        size++;
        next++;
    }

    /** Removes and returns the smallest element; the heap must not be empty. */
    @SuppressWarnings("unchecked")
    E pop(Comparator<? super E> comparator) {
        E top = (E) elements[0];
        int last = size - 1;
        if (last == 0) {
            elements[0] = null;
            size = 0;
            return top;
        }
        E element = (E) elements[last];
        long seq = order[last];
        // the heap without its last slot, with a hole at the root: where does element go?
        int hole = 0;
        int half = last >>> 1;
        while (hole < half) {
            int child = 2 * hole + 1;
            int right = child + 1;
            if (right < last && compare(comparator, (E) elements[right], order[right], child) < 0) {
                child = right;
            }
            if (compare(comparator, element, seq, child) <= 0) {
                break;
            }
            hole = child;
        }
        // move each element on the path from the root to the hole up one level, top down
        int depth = 31 - Integer.numberOfLeadingZeros(hole + 1);
        for (int i = 0; i < depth; i++) {
            int ancestor = ((hole + 1) >>> (depth - i)) - 1;
            int child = ((hole + 1) >>> (depth - i - 1)) - 1;
            elements[ancestor] = elements[child];
            order[ancestor] = order[child];
        }
        elements[hole] = element;
        order[hole] = seq;
        elements[last] = null;
        size = last;
        return top;
    }

    /** Compares {@code element} (inserted as number {@code seq}) with the one at {@code index}. */
    @SuppressWarnings("unchecked")
    private int compare(Comparator<? super E> comparator, E element, long seq, int index) {
        E other = (E) elements[index];
        int c = comparator != null ? comparator.compare(element, other)
                : ((Comparable<? super E>) element).compareTo(other);
        return c != 0 ? c : Long.compare(seq, order[index]);
    }
}
