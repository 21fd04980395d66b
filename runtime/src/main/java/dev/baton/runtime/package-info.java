/**
 * Baton's runtime, asyncio's semantics in Java: the single-threaded {@link dev.baton.runtime.EventLoop},
 * {@link dev.baton.runtime.Task}s, and the synchronization primitives {@link dev.baton.runtime.Lock},
 * {@link dev.baton.runtime.Event}, {@link dev.baton.runtime.Condition}, {@link dev.baton.runtime.Semaphore},
 * {@link dev.baton.runtime.BoundedSemaphore}, {@link dev.baton.runtime.Barrier} and the queues.
 * Coroutines import {@link dev.baton.runtime.Baton}'s static methods ({@code await}, {@code done},
 * {@code sleep}, {@code spawn}, {@code gather}...).
 */
package dev.baton.runtime;
