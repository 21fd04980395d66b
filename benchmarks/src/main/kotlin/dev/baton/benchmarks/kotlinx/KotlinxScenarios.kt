package dev.baton.benchmarks.kotlinx

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Job
import kotlinx.coroutines.async
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.joinAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.yield

/**
 * The kotlinx.coroutines peer: every scenario inside `runBlocking`, so that all coroutines
 * run on the calling thread (one thread, like Baton's loop and asyncio's). The Java side,
 * `KotlinxContender`, calls these; Kotlin is compiled before Java and knows nothing of it.
 */
object KotlinxScenarios {

    /** Scenario 1: a `Channel(capacity)`, one producer coroutine, one consumer coroutine. */
    @JvmStatic
    fun handoff(capacity: Int, items: Int, item: Any): Long = runBlocking {
        val channel = Channel<Any>(capacity)
        val producer = launch {
            repeat(items) { channel.send(item) }
        }
        val consumer = async {
            var received = 0L
            repeat(items) {
                if (channel.receive() === item) received++
            }
            received
        }
        producer.join()
        consumer.await()
    }

    /** Scenario 2: `tasks` coroutines, each `acquisitions` times `mutex.withLock { counter++ }`. */
    @JvmStatic
    fun lock(tasks: Int, acquisitions: Int, yieldInside: Boolean): Long = runBlocking {
        val mutex = Mutex()
        var counter = 0L
        val workers = List(tasks) {
            launch {
                repeat(acquisitions) {
                    mutex.withLock {
                        counter++
                        if (yieldInside) yield()
                    }
                }
            }
        }
        workers.joinAll()
        counter
    }

    /**
     * Scenario 3: `waiters` coroutines await one `CompletableDeferred` (kotlinx's event);
     * returns {nanoseconds to create them until all wait, nanoseconds from complete to all resumed}.
     */
    @JvmStatic
    fun fanOut(waiters: Int): LongArray = runBlocking {
        val event = CompletableDeferred<Unit>()
        val allResumed = CompletableDeferred<Unit>()
        var started = 0
        var waiting = waiters
        val start = System.nanoTime()
        repeat(waiters) {
            launch {
                started++
                event.await()
                if (--waiting == 0) allResumed.complete(Unit)
            }
        }
        yield()
        check(started == waiters) { "only $started of $waiters waiters started" }
        val set = System.nanoTime()
        event.complete(Unit)
        allResumed.await()
        val end = System.nanoTime()
        longArrayOf(set - start, end - set)
    }

    /**
     * Scenario 4: two coroutines take turns. kotlinx.coroutines has no condition variable;
     * its idiom for this is a pair of channels, each waking the other side.
     */
    @JvmStatic
    fun pingPong(rounds: Int): Long = runBlocking {
        val toFirst = Channel<Unit>(1)
        val toSecond = Channel<Unit>(1)
        var trips = 0L
        val first = launch {
            repeat(rounds) {
                toFirst.receive()
                trips++
                toSecond.send(Unit)
            }
        }
        val second = launch {
            repeat(rounds) {
                toSecond.receive()
                toFirst.send(Unit)
            }
        }
        toFirst.send(Unit)
        first.join()
        second.join()
        trips
    }

    /** Scenario 5a: one coroutine calls `yield()` `count` times. */
    @JvmStatic
    fun yields(count: Int): Long = runBlocking {
        var done = 0L
        repeat(count) {
            yield()
            done++
        }
        done
    }

    /** Scenario 5b: `count` coroutines launched, each completing at once; all joined. */
    @JvmStatic
    fun spawn(count: Int): Long = runBlocking {
        var ran = 0L
        val jobs = arrayOfNulls<Job>(count)
        for (i in 0 until count) {
            jobs[i] = launch { ran++ }
        }
        for (job in jobs) job!!.join()
        ran
    }

    /**
     * Scenario 6: `count` coroutines blocked on a Mutex (0), a CompletableDeferred (1) or an
     * empty Channel (2); `whileBlocked` runs while all are; then all are released and finish.
     */
    @JvmStatic
    fun blocked(on: Int, count: Int, whileBlocked: Runnable, item: Any): Long = runBlocking {
        val mutex = Mutex()
        val event = CompletableDeferred<Unit>()
        val queue = Channel<Any>(Channel.UNLIMITED)
        val allDone = CompletableDeferred<Unit>()
        var finished = 0L
        mutex.lock()
        repeat(count) {
            launch {
                when (on) {
                    0 -> { mutex.lock(); mutex.unlock() }
                    1 -> event.await()
                    else -> queue.receive()
                }
                if (++finished == count.toLong()) allDone.complete(Unit)
            }
        }
        yield()
        whileBlocked.run()
        mutex.unlock()
        event.complete(Unit)
        repeat(count) { queue.send(item) }
        allDone.await()
        finished
    }
}
