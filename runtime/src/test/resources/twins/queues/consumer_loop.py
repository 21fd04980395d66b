"""Twin of ConsumerLoopTest: the worker a @Consumes method compiles to, written as the
Python coroutine it mirrors, run on CPython 3.13.

Run: PYENV_VERSION=3.13.0 python3 consumer_loop.py > consumer_loop.txt
Each scenario runs under its own asyncio.run and starts with a line "== name".
"""
import asyncio


def show(v):
    if isinstance(v, asyncio.CancelledError):
        return "CancelledError"
    if isinstance(v, BaseException):
        return f"error: {v}"
    return v


async def outcome(aw):
    try:
        return await aw
    except BaseException as e:
        return e


async def consumer_loop(queue, handler):
    """dev.baton.runtime.internal.ConsumerLoop."""
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:
            return None
        try:
            await handler(item)
        finally:
            queue.task_done()


def me():
    return asyncio.current_task().get_name()


async def slow_handler(item):
    print(me(), "starts", item)
    await asyncio.sleep(0.01 * item)
    print(me(), "ends", item)


def spawn_workers(q, handler, n):
    return [asyncio.create_task(consumer_loop(q, handler), name=f"worker-{i}") for i in range(n)]


async def two_workers_share_items():
    q = asyncio.Queue()
    for item in [4, 1, 2, 6, 3]:  # no two handlers end at the same time
        q.put_nowait(item)
    workers = spawn_workers(q, slow_handler, 2)
    await q.join()
    print("joined")
    q.shutdown()
    for w in workers:
        print(w.get_name(), show(await outcome(w)))


async def handler_raises():
    q = asyncio.Queue()

    async def handler(item):
        print(me(), "handles", item)
        await asyncio.sleep(0)
        if item == 2:
            raise ValueError(f"bad item {item}")

    for item in [1, 2, 3, 4]:
        q.put_nowait(item)
    workers = spawn_workers(q, handler, 2)
    await q.join()
    print("joined, unfinished", q._unfinished_tasks)
    q.shutdown()
    for w in workers:
        print(w.get_name(), show(await outcome(w)))


async def handler_raises_at_once():
    q = asyncio.Queue()

    async def handler(item):
        print(me(), "handles", item)
        raise ValueError(f"bad item {item}")

    q.put_nowait(1)
    q.put_nowait(2)
    workers = spawn_workers(q, handler, 1)
    print(workers[0].get_name(), show(await outcome(workers[0])))
    print("qsize", q.qsize(), "unfinished", q._unfinished_tasks)


async def cancel_worker_in_handler():
    q = asyncio.Queue()
    for item in [1, 2]:
        q.put_nowait(item)
    workers = spawn_workers(q, slow_handler, 1)
    await asyncio.sleep(0.005)
    workers[0].cancel()
    print(workers[0].get_name(), show(await outcome(workers[0])))
    print("qsize", q.qsize(), "unfinished", q._unfinished_tasks)


async def cancel_idle_worker():
    q = asyncio.Queue()
    workers = spawn_workers(q, slow_handler, 1)
    await asyncio.sleep(0)
    workers[0].cancel()
    print(workers[0].get_name(), show(await outcome(workers[0])))
    q.put_nowait(7)
    print("qsize", q.qsize(), "unfinished", q._unfinished_tasks, "getters", len(q._getters))


async def synchronous_handler_does_not_yield():
    q = asyncio.Queue()

    async def handler(item):
        print(me(), "handles", item)

    async def other():
        print("other runs")

    for item in range(3):
        q.put_nowait(item)
    workers = spawn_workers(q, handler, 2)
    asyncio.create_task(other())
    await asyncio.sleep(0)
    print("qsize", q.qsize())
    q.put_nowait(3)
    q.put_nowait(4)
    await q.join()
    q.shutdown()
    for w in workers:
        print(w.get_name(), show(await outcome(w)))


async def shutdown_immediate_stops_workers():
    q = asyncio.Queue()
    for item in [1, 2, 3, 4]:
        q.put_nowait(item)
    workers = spawn_workers(q, slow_handler, 2)
    await asyncio.sleep(0.005)
    q.shutdown(immediate=True)
    print("qsize", q.qsize(), "unfinished", q._unfinished_tasks)
    for w in workers:
        print(w.get_name(), show(await outcome(w)))
    print("unfinished", q._unfinished_tasks)


async def producer_and_workers_on_bounded_queue():
    q = asyncio.Queue(2)

    async def producer():
        for item in range(1, 6):
            await q.put(item)
            print("produced", item)
        q.shutdown()
        print("producer shut the queue down")

    workers = spawn_workers(q, slow_handler, 2)
    await producer()
    for w in workers:
        print(w.get_name(), show(await outcome(w)))


SCENARIOS = [
    two_workers_share_items, handler_raises, handler_raises_at_once, cancel_worker_in_handler,
    cancel_idle_worker, synchronous_handler_does_not_yield, shutdown_immediate_stops_workers,
    producer_and_workers_on_bounded_queue,
]

if __name__ == "__main__":
    for scenario in SCENARIOS:
        print("==", scenario.__name__)
        asyncio.run(scenario())
