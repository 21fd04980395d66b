"""Twin of the tests every queue kind shares (QueueKindTests: join, task_done, shutdown)
and of each kind's order: CPython 3.13's Queue, LifoQueue and PriorityQueue. (test_format, which
reads _format(), is ported as toString tests instead.)

Run: PYENV_VERSION=3.13.0 python3 kinds.py > kinds.txt
Each scenario runs under its own asyncio.run and starts with "== Kind/name". The shutdown
scenarios are _QueueShutdownTestMixin's, printing what the original asserts.
"""
import asyncio


def name(e):
    return type(e).__name__


def show(v):
    return name(v) if isinstance(v, BaseException) else v


async def outcome(aw):
    try:
        return await aw
    except BaseException as e:
        return e


def outcome_now(fn, *args):
    try:
        return fn(*args)
    except BaseException as e:
        return e


def error(v):
    """An error by its message (Baton throws IllegalStateException where asyncio raises ValueError)."""
    return f"error: {v}" if isinstance(v, BaseException) else v


async def order(q_class):
    q = q_class()
    for i in [1, 3, 2]:
        await q.put(i)
    print("items", [await q.get() for _ in range(3)])
    for i in [5, 1, 4, 2, 3]:
        q.put_nowait(i)
    print("items", [q.get_nowait() for _ in range(5)])


async def order_with_waiting_getters(q_class):
    q = q_class()

    async def getter(who):
        print(who, "got", await q.get())

    tasks = [asyncio.create_task(getter(who)) for who in "ab"]
    await asyncio.sleep(0)
    for i in [3, 1, 2]:
        q.put_nowait(i)
    for t in tasks:
        await t
    print("left", q.get_nowait())


async def order_when_bounded(q_class):
    q = q_class(2)

    async def putter(item):
        await q.put(item)
        print("put", item)

    q.put_nowait(2)
    q.put_nowait(9)
    tasks = [asyncio.create_task(putter(i)) for i in (5, 1)]
    await asyncio.sleep(0)
    for _ in range(4):
        print("get", await q.get())
        await asyncio.sleep(0)
    for t in tasks:
        await t


async def task_done_underflow(q_class):
    q = q_class()
    print("task_done", error(outcome_now(q.task_done)))


async def task_done(q_class):
    q = q_class()
    for i in range(100):
        q.put_nowait(i)
    accumulator = 0
    counts = [0, 0]
    running = True

    async def worker(index):
        nonlocal accumulator
        while running:
            item = await q.get()
            accumulator += item
            counts[index] += 1
            q.task_done()
        print("worker", index, "ends")

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(worker(index)) for index in range(2)]
        await q.join()
        print("joined", accumulator, counts)
        running = False
        for i in range(len(tasks)):
            q.put_nowait(0)
    print("counts", counts, "qsize", q.qsize())


async def join_empty_queue(q_class):
    q = q_class()
    await q.join()
    await q.join()
    print("joined twice")


async def join_waiters_wake_in_order(q_class):
    q = q_class()
    q.put_nowait(1)
    q.put_nowait(2)

    async def joiner(who):
        await q.join()
        print(who, "joined")

    tasks = [asyncio.create_task(joiner(who)) for who in "abc"]
    await asyncio.sleep(0)
    tasks[1].cancel()
    q.get_nowait()
    q.task_done()
    await asyncio.sleep(0)
    print("one done", [t.done() for t in tasks])
    q.get_nowait()
    q.task_done()
    for t in tasks:
        print("joiner", show(await outcome(t)))


async def shutdown_empty(q_class):
    q = q_class()
    loop = asyncio.get_running_loop()
    get_task = loop.create_task(q.get())
    await asyncio.sleep(0)
    q.shutdown(immediate=False)
    print("qsize", q.qsize())
    await q.join()
    print("joined")
    await asyncio.sleep(0)
    print("get_task done", get_task.done())
    print("get_task", show(await outcome(get_task)))
    print("put", show(await outcome(q.put("data"))))
    print("put_nowait", show(outcome_now(q.put_nowait, "data")))
    print("get", show(await outcome(q.get())))
    print("get_nowait", show(outcome_now(q.get_nowait)))


async def shutdown_nonempty(q_class):
    q = q_class(maxsize=1)
    loop = asyncio.get_running_loop()
    q.put_nowait("data")
    join_task = loop.create_task(q.join())
    put_task = loop.create_task(q.put("data2"))
    await asyncio.sleep(0)
    print("put_task done", put_task.done())
    q.shutdown(immediate=False)
    print("qsize", q.qsize())
    await asyncio.sleep(0)
    print("put_task done", put_task.done())
    print("put_task", show(await outcome(put_task)))
    print("get", await q.get())
    await asyncio.sleep(0)
    print("join_task done", join_task.done())
    print("put", show(await outcome(q.put("data"))))
    print("put_nowait", show(outcome_now(q.put_nowait, "data")))
    print("get", show(await outcome(q.get())))
    print("get_nowait", show(outcome_now(q.get_nowait)))
    q.task_done()
    await asyncio.sleep(0)
    print("join_task done", join_task.done())
    print("join_task", show(await outcome(join_task)))
    print("task_done", error(outcome_now(q.task_done)))


async def shutdown_immediate(q_class):
    q = q_class()
    loop = asyncio.get_running_loop()
    q.put_nowait("data")
    join_task = loop.create_task(q.join())
    q.shutdown(immediate=True)
    print("qsize", q.qsize())
    await asyncio.sleep(0)
    print("join_task done", join_task.done())
    print("join_task", show(await outcome(join_task)))
    print("put", show(await outcome(q.put("data"))))
    print("put_nowait", show(outcome_now(q.put_nowait, "data")))
    print("get", show(await outcome(q.get())))
    print("get_nowait", show(outcome_now(q.get_nowait)))
    print("task_done", error(outcome_now(q.task_done)))


async def shutdown_immediate_with_unfinished(q_class):
    q = q_class()
    loop = asyncio.get_running_loop()
    q.put_nowait("data")
    q.put_nowait("data")
    join_task = loop.create_task(q.join())
    print("get", await q.get())
    q.shutdown(immediate=True)
    print("qsize", q.qsize())
    await asyncio.sleep(0)
    print("join_task done", join_task.done())
    print("put", show(await outcome(q.put("data"))))
    print("put_nowait", show(outcome_now(q.put_nowait, "data")))
    print("get", show(await outcome(q.get())))
    print("get_nowait", show(outcome_now(q.get_nowait)))
    q.task_done()
    print("task_done", error(outcome_now(q.task_done)))
    await asyncio.sleep(0)
    print("join_task done", join_task.done())
    print("join_task", show(await outcome(join_task)))


async def shutdown_wakes_every_waiter(q_class):
    # blocked getters on one queue, blocked putters on another, all woken in order
    empty = q_class()
    full = q_class(1)
    full.put_nowait("x")

    async def waiter(label, aw):
        print(label, show(await outcome(aw)))

    tasks = [asyncio.create_task(waiter("getter a", empty.get())),
             asyncio.create_task(waiter("putter b", full.put("b"))),
             asyncio.create_task(waiter("getter c", empty.get())),
             asyncio.create_task(waiter("putter d", full.put("d")))]
    await asyncio.sleep(0)
    full.shutdown()
    empty.shutdown()
    for t in tasks:
        await t
    print("full keeps", full.get_nowait(), "then", show(outcome_now(full.get_nowait)))


async def shutdown_immediate_wakes_putters_and_joiners(q_class):
    q = q_class(2)
    q.put_nowait("a")
    q.put_nowait("b")

    async def waiter(label, aw):
        print(label, show(await outcome(aw)))

    tasks = [asyncio.create_task(waiter("putter", q.put("c"))),
             asyncio.create_task(waiter("joiner", q.join()))]
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    print("qsize", q.qsize())
    for t in tasks:
        await t
    print("task_done", error(outcome_now(q.task_done)))


async def cancelled_getter_before_shutdown(q_class):
    q = q_class()
    t1 = asyncio.create_task(q.get())
    t2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    t1.cancel()
    q.shutdown()
    print("t1", show(await outcome(t1)))
    print("t2", show(await outcome(t2)))


SCENARIOS = [
    order, order_with_waiting_getters, order_when_bounded, task_done_underflow, task_done,
    join_empty_queue, join_waiters_wake_in_order, shutdown_empty,
    shutdown_nonempty, shutdown_immediate, shutdown_immediate_with_unfinished,
    shutdown_wakes_every_waiter, shutdown_immediate_wakes_putters_and_joiners,
    cancelled_getter_before_shutdown,
]

if __name__ == "__main__":
    for q_class in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        for scenario in SCENARIOS:
            print(f"== {q_class.__name__}/{scenario.__name__}")
            asyncio.run(scenario(q_class))
