"""The CPython asyncio peer of Baton's benchmarks: the same scenarios, written as asyncio users
write them (the Baton templates in dev.baton.benchmarks.baton are their line-for-line ports).

Run by dev.baton.benchmarks.RunAll with PYENV_VERSION=3.13.0 python3. Prints "python VERSION",
then one line "RESULT key value value ..." per scenario, a value per repetition, where key is
handoff-1, handoff-1024, lock, lock-yield, pingpong, yields, spawn (per second),
fanout-create, fanout-wake (nanoseconds per waiter) or memory-lock, memory-event, memory-queue
(bytes per blocked task, as traced by tracemalloc).

    python3 asyncio_bench.py --reps 3 --sizes handoff=200000,pingpong=20000
"""

import argparse
import asyncio
import gc
import sys
import time
import tracemalloc

ITEM = object()


async def handoff(capacity, items):
    """Scenario 1: one producer, one consumer, an asyncio.Queue(capacity)."""
    queue = asyncio.Queue(capacity)

    async def produce():
        for _ in range(items):
            await queue.put(ITEM)

    async def consume():
        received = 0
        for _ in range(items):
            item = await queue.get()
            if item is ITEM:
                received += 1
        return received

    producer = asyncio.create_task(produce())
    consumer = asyncio.create_task(consume())
    await producer
    return await consumer


async def lock_contention(tasks, acquisitions, yield_inside):
    """Scenario 2: tasks x acquisitions of one asyncio.Lock, sleep(0) inside or not."""
    lock = asyncio.Lock()
    counter = 0

    async def worker():
        nonlocal counter
        for _ in range(acquisitions):
            async with lock:
                counter += 1

    async def yielding_worker():
        nonlocal counter
        for _ in range(acquisitions):
            async with lock:
                counter += 1
                await asyncio.sleep(0)

    workers = [asyncio.create_task(yielding_worker() if yield_inside else worker())
               for _ in range(tasks)]
    for w in workers:
        await w
    return counter


async def fan_out(waiters):
    """Scenario 3: waiters on one asyncio.Event; returns (ns to create, ns from set to all resumed)."""
    event = asyncio.Event()
    all_resumed = asyncio.get_running_loop().create_future()
    started = 0
    waiting = waiters

    async def waiter():
        nonlocal started, waiting
        started += 1
        await event.wait()
        waiting -= 1
        if waiting == 0:
            all_resumed.set_result(None)

    start = time.perf_counter_ns()
    tasks = [asyncio.create_task(waiter()) for _ in range(waiters)]
    await asyncio.sleep(0)
    assert started == waiters, (started, waiters)
    set_at = time.perf_counter_ns()
    event.set()
    await all_resumed
    end = time.perf_counter_ns()
    del tasks
    return set_at - start, end - set_at


async def ping_pong(rounds):
    """Scenario 4: two tasks take turns through an asyncio.Condition."""
    condition = asyncio.Condition()
    turn = 0
    trips = 0

    async def player(me):
        nonlocal turn, trips
        async with condition:
            for _ in range(rounds):
                while turn != me:
                    await condition.wait()
                turn = 1 - me
                if me == 0:
                    trips += 1
                condition.notify(1)

    first = asyncio.create_task(player(0))
    second = asyncio.create_task(player(1))
    await first
    await second
    return trips


async def yields(count):
    """Scenario 5a: one task, count times sleep(0)."""
    yielded = 0
    for _ in range(count):
        await asyncio.sleep(0)
        yielded += 1
    return yielded


async def spawn(count):
    """Scenario 5b: count tasks that complete at once, all awaited."""
    ran = 0

    async def nothing():
        nonlocal ran
        ran += 1

    tasks = [asyncio.create_task(nothing()) for _ in range(count)]
    for t in tasks:
        await t
    return ran


async def blocked(kind, count, while_blocked):
    """Scenario 6: count tasks blocked on a lock, an event or an empty queue."""
    lock = asyncio.Lock()
    event = asyncio.Event()
    queue = asyncio.Queue()
    all_done = asyncio.get_running_loop().create_future()
    finished = 0

    def finish():
        nonlocal finished
        finished += 1
        if finished == count:
            all_done.set_result(None)

    async def on_lock():
        async with lock:
            finish()

    async def on_event():
        await event.wait()
        finish()

    async def on_queue():
        await queue.get()
        finish()

    body = {"lock": on_lock, "event": on_event, "queue": on_queue}[kind]
    await lock.acquire()
    for _ in range(count):
        asyncio.create_task(body())  # the primitive's waiter holds the task
    await asyncio.sleep(0)
    while_blocked()
    lock.release()
    event.set()
    if kind == "queue":
        for _ in range(count):
            queue.put_nowait(ITEM)
    await all_done
    return finished


def timed(coro_factory, expected, count):
    start = time.perf_counter()
    result = asyncio.run(coro_factory())
    elapsed = time.perf_counter() - start
    if result != expected:
        raise AssertionError(f"expected {expected}, got {result}")
    return count / elapsed


def memory(kind, count):
    tracemalloc.start()
    try:
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        during = []

        def probe():
            gc.collect()
            during.append(tracemalloc.get_traced_memory()[0])

        finished = asyncio.run(blocked(kind, count, probe))
        if finished != count:
            raise AssertionError(f"{finished} of {count} finished")
        return (during[0] - before) / count
    finally:
        tracemalloc.stop()


DEFAULT_SIZES = {
    "handoff": 200_000, "lock-tasks": 100, "lock-acquisitions": 2_000, "pingpong": 20_000,
    "yields": 1_000_000, "spawn": 1_000_000, "fanout": 100_000, "memory": 100_000,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--sizes", default="", help="key=value,... overriding " + str(DEFAULT_SIZES))
    parser.add_argument("--only", default="", help="comma-separated result keys to run")
    args = parser.parse_args()
    sizes = dict(DEFAULT_SIZES)
    for pair in filter(None, args.sizes.split(",")):
        key, value = pair.split("=")
        if key not in sizes:
            parser.error(f"unknown size {key}")
        sizes[key] = int(value)
    only = set(filter(None, args.only.split(",")))
    lock_total = sizes["lock-tasks"] * sizes["lock-acquisitions"]

    scenarios = {
        "handoff-1": lambda: timed(lambda: handoff(1, sizes["handoff"]), sizes["handoff"], sizes["handoff"]),
        "handoff-1024": lambda: timed(lambda: handoff(1024, sizes["handoff"]), sizes["handoff"], sizes["handoff"]),
        "lock": lambda: timed(lambda: lock_contention(sizes["lock-tasks"], sizes["lock-acquisitions"], False),
                              lock_total, lock_total),
        "lock-yield": lambda: timed(lambda: lock_contention(sizes["lock-tasks"], sizes["lock-acquisitions"], True),
                                    lock_total, lock_total),
        "pingpong": lambda: timed(lambda: ping_pong(sizes["pingpong"]), sizes["pingpong"], sizes["pingpong"]),
        "yields": lambda: timed(lambda: yields(sizes["yields"]), sizes["yields"], sizes["yields"]),
        "spawn": lambda: timed(lambda: spawn(sizes["spawn"]), sizes["spawn"], sizes["spawn"]),
    }
    results = {}
    print("sizes", " ".join(f"{k}={v}" for k, v in sizes.items()), flush=True)
    for key, run in scenarios.items():
        if only and key not in only:
            continue
        results[key] = [run() for _ in range(args.reps)]
        gc.collect()
    if not only or "fanout-create" in only or "fanout-wake" in only:
        creates, wakes = [], []
        for _ in range(args.reps):
            create_ns, wake_ns = asyncio.run(fan_out(sizes["fanout"]))
            creates.append(create_ns / sizes["fanout"])
            wakes.append(wake_ns / sizes["fanout"])
            gc.collect()
        results["fanout-create"] = creates
        results["fanout-wake"] = wakes
    for kind in ("lock", "event", "queue"):
        key = "memory-" + kind
        if only and key not in only:
            continue
        results[key] = [memory(kind, sizes["memory"])]
    print("python", sys.version.split()[0])
    for key, values in results.items():
        print("RESULT", key, " ".join(f"{v:.6g}" for v in values))


if __name__ == "__main__":
    main()
