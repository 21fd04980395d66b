"""Twin of QueueTest: CPython 3.13's asyncio.Queue on the cases of test_queues.py that
test an order, a wake-up or a cancellation race, printed as a transcript.

Run: PYENV_VERSION=3.13.0 python3 queue.py > queue.txt
Each scenario runs under its own asyncio.run and starts with a line "== name".
Where the original test reaches into internals (len(q._getters)) we print the same count;
where it used an Event only to let a task start, we use sleep(0).
"""
import asyncio


def name(e):
    return type(e).__name__


def show(v):
    return v if not isinstance(v, BaseException) else name(v)


async def outcome(aw):
    """The result of awaiting aw, or the exception it raised."""
    try:
        return await aw
    except BaseException as e:  # noqa: B036 - CancelledError too, on purpose
        return e


def outcome_now(fn, *args):
    try:
        return fn(*args)
    except BaseException as e:
        return e


async def order():
    q = asyncio.Queue()
    for i in [1, 3, 2]:
        await q.put(i)
    items = [await q.get() for _ in range(3)]
    print("items", items)


async def maxsize():
    q = asyncio.Queue(maxsize=2)
    print("maxsize", q.maxsize)
    have_been_put = []

    async def putter():
        for i in range(3):
            await q.put(i)
            have_been_put.append(i)
            print("put", i)
        return True

    t = asyncio.create_task(putter())
    for i in range(2):
        await asyncio.sleep(0)
        print("tick", i, have_been_put)
    print("get", await q.get())
    await asyncio.sleep(0)
    print("after sleep", have_been_put)
    print("get", await q.get())
    print("get", await q.get())
    print("done", t.done(), t.result())


async def blocking_get_wait():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    finished = False

    async def queue_get():
        nonlocal finished
        print("getter started")
        res = await q.get()
        finished = True
        print("getter got", res)
        return res

    t = asyncio.create_task(queue_get())
    await asyncio.sleep(0)
    print("finished", finished)
    loop.call_later(0.01, q.put_nowait, 1)
    res = await t
    print("finished", finished, "res", res)


async def get_with_putters():
    q = asyncio.Queue(1)
    await q.put(1)

    async def putter():
        await q.put(2)
        print("putter done")

    t = asyncio.create_task(putter())
    await asyncio.sleep(0)
    print("qsize", q.qsize(), "putter done", t.done())
    print("get", await q.get())
    print("qsize", q.qsize(), "putter done", t.done())
    await asyncio.sleep(0)
    print("qsize", q.qsize(), "putter done", t.done())


async def get_cancelled_race():
    q = asyncio.Queue()
    t1 = asyncio.create_task(q.get())
    t2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    print("t1 done", t1.done(), "cancelled", t1.cancelled())
    await q.put('a')
    await asyncio.sleep(0)
    print("t2", await t2)


async def get_with_waiting_putters():
    q = asyncio.Queue(maxsize=1)
    asyncio.create_task(q.put('a'))
    asyncio.create_task(q.put('b'))
    print("get", await q.get())
    print("get", await q.get())


async def why_are_getters_waiting():
    async def consumer(queue, num_expected):
        for _ in range(num_expected):
            print("consumer got", await queue.get())

    async def producer(queue, num_items):
        for i in range(num_items):
            await queue.put(i)
            print("producer put", i)

    q = asyncio.Queue(1)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(q, 5))
        tg.create_task(consumer(q, 5))
    print("qsize", q.qsize(), "getters", len(q._getters), "putters", len(q._putters))


async def cancelled_getters_not_being_held_in_self_getters():
    q = asyncio.Queue(maxsize=5)
    print("wait_for get", show(await outcome(asyncio.wait_for(q.get(), 0.1))))
    print("getters", len(q._getters))


async def cancelled_getter_task_not_held():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(maxsize=5)
    t = asyncio.create_task(q.get())
    loop.call_later(0.1, t.cancel)
    print("get", show(await outcome(t)))
    print("getters", len(q._getters))


async def wait_for_put_on_full_queue():
    q = asyncio.Queue(1)
    q.put_nowait(1)
    print("wait_for put", show(await outcome(asyncio.wait_for(q.put(2), 0.1))))
    print("putters", len(q._putters), "qsize", q.qsize(), "unfinished", q._unfinished_tasks)
    print("wait_for get", show(await outcome(asyncio.wait_for(q.get(), 0.1))))
    print("wait_for put", show(await outcome(asyncio.wait_for(q.put(3), 0.1))))
    print("get", q.get_nowait(), "qsize", q.qsize())


async def blocking_put_wait():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(maxsize=1)
    finished = False

    async def queue_put():
        nonlocal finished
        print("putter started")
        await q.put(1)
        print("put 1")
        await q.put(2)
        print("put 2")
        finished = True

    loop.call_later(0.01, lambda: print("get_nowait", q.get_nowait()))
    t = asyncio.create_task(queue_put())
    await asyncio.sleep(0)
    print("finished", finished)
    await t
    print("finished", finished, "qsize", q.qsize())


async def get_cancel_drop_one_pending_reader():
    q = asyncio.Queue()
    reader = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    reader.cancel()
    try:
        await reader
        print("reader finished")
    except asyncio.CancelledError:
        print("reader cancelled")
        reader = asyncio.create_task(q.get())
        await reader
    print("result", reader.result(), "qsize", q.qsize())


async def get_cancel_drop_many_pending_readers():
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        reader1 = tg.create_task(q.get())
        reader2 = tg.create_task(q.get())
        reader3 = tg.create_task(q.get())
        await asyncio.sleep(0)
        q.put_nowait(1)
        q.put_nowait(2)
        reader1.cancel()
        print("reader1", show(await outcome(reader1)))
        await reader3
        print("reader3 done, reader2 done", reader2.done())
    print("reader2", reader2.result(), "reader3", reader3.result())
    print("qsize", q.qsize(), "getters", len(q._getters))


async def put_cancel_drop():
    q = asyncio.Queue(1)
    q.put_nowait(1)
    writer = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print("value1", q.get_nowait())
    writer.cancel()
    try:
        await writer
        print("writer finished")
    except asyncio.CancelledError:
        print("writer cancelled")
        writer = asyncio.create_task(q.put(2))
        await writer
    print("value2", q.get_nowait())
    print("qsize", q.qsize())


async def put_cancelled():
    q = asyncio.Queue()

    async def queue_put():
        await q.put(1)
        return True

    t = asyncio.create_task(queue_put())
    print("get", await q.get())
    print("done", t.done(), t.result())


async def put_cancelled_race():
    q = asyncio.Queue(maxsize=1)
    put_a = asyncio.create_task(q.put('a'))
    put_b = asyncio.create_task(q.put('b'))
    put_c = asyncio.create_task(q.put('X'))
    await asyncio.sleep(0)
    print("a done", put_a.done(), "b done", put_b.done())
    put_c.cancel()
    await asyncio.sleep(0)
    print("c done", put_c.done(), "cancelled", put_c.cancelled())
    print("get", q.get_nowait())
    await asyncio.sleep(0)
    print("get", q.get_nowait())
    await put_b
    print("qsize", q.qsize(), "putters", len(q._putters))


async def put_with_waiting_getters():
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    await q.put('a')
    print("got", await t)


async def why_are_putters_waiting():
    queue = asyncio.Queue(2)

    async def putter(item):
        await queue.put(item)
        print("put", item)

    async def getter():
        await asyncio.sleep(0)
        num = queue.qsize()
        for _ in range(num):
            print("get_nowait", queue.get_nowait())

    async with asyncio.TaskGroup() as tg:
        tg.create_task(getter())
        tg.create_task(putter(0))
        tg.create_task(putter(1))
        tg.create_task(putter(2))
        tg.create_task(putter(3))
    print("qsize", queue.qsize(), "putters", len(queue._putters))


async def cancelled_puts_not_being_held_in_self_putters():
    queue = asyncio.Queue(maxsize=1)
    queue.put_nowait(1)
    put_task = asyncio.create_task(queue.put(1))
    await asyncio.sleep(0)
    print("putters", len(queue._putters))
    put_task.cancel()
    print("put", show(await outcome(put_task)))
    print("putters", len(queue._putters))


async def cancelled_put_silence_value_error_exception():
    queue = asyncio.Queue(1)
    queue.put_nowait(1)
    put_task = asyncio.create_task(queue.put(1))
    await asyncio.sleep(0)
    queue.get_nowait()
    put_task.cancel()
    print("put", show(await outcome(put_task)))
    print("qsize", queue.qsize(), "putters", len(queue._putters))


async def fifo_getters():
    q = asyncio.Queue()

    async def getter(who):
        print(who, "got", await q.get())

    tasks = [asyncio.create_task(getter(who)) for who in "abc"]
    await asyncio.sleep(0)
    for i in range(3):
        q.put_nowait(i)
    for t in tasks:
        await t


async def fifo_putters():
    q = asyncio.Queue(1)
    q.put_nowait(0)

    async def putter(item):
        await q.put(item)
        print("put", item)

    tasks = [asyncio.create_task(putter(i)) for i in (1, 2, 3)]
    await asyncio.sleep(0)
    for _ in range(4):
        print("get", await q.get())
    for t in tasks:
        await t


async def woken_getter_does_not_reserve_the_item():
    q = asyncio.Queue()

    async def getter(who):
        print(who, "got", await q.get())

    ta = asyncio.create_task(getter('a'))
    tb = asyncio.create_task(getter('b'))
    await asyncio.sleep(0)
    q.put_nowait(1)
    print("main took", q.get_nowait())
    await asyncio.sleep(0)
    print("getters", len(q._getters))
    q.put_nowait(2)
    q.put_nowait(3)
    await ta
    await tb


async def woken_putter_does_not_reserve_the_slot():
    q = asyncio.Queue(1)
    q.put_nowait(0)

    async def putter(item):
        await q.put(item)
        print("put", item)

    ta = asyncio.create_task(putter('a'))
    tb = asyncio.create_task(putter('b'))
    await asyncio.sleep(0)
    print("get", q.get_nowait())
    q.put_nowait('main')
    await asyncio.sleep(0)
    print("putters", len(q._putters))
    print("get", q.get_nowait())
    print("get", await q.get())
    print("get", await q.get())
    await ta
    await tb


async def cancel_woken_putter_passes_wakeup_on():
    q = asyncio.Queue(1)
    q.put_nowait(0)

    async def putter(item):
        await q.put(item)
        print("put", item)

    ta = asyncio.create_task(putter('a'))
    tb = asyncio.create_task(putter('b'))
    await asyncio.sleep(0)
    print("get", q.get_nowait())
    ta.cancel()
    print("a", show(await outcome(ta)))
    await tb
    print("get", q.get_nowait(), "qsize", q.qsize(), "putters", len(q._putters))


SCENARIOS = [
    order, maxsize, blocking_get_wait, get_with_putters, get_cancelled_race,
    get_with_waiting_putters, why_are_getters_waiting,
    cancelled_getters_not_being_held_in_self_getters, cancelled_getter_task_not_held,
    wait_for_put_on_full_queue, blocking_put_wait,
    get_cancel_drop_one_pending_reader, get_cancel_drop_many_pending_readers,
    put_cancel_drop, put_cancelled, put_cancelled_race, put_with_waiting_getters,
    why_are_putters_waiting, cancelled_puts_not_being_held_in_self_putters,
    cancelled_put_silence_value_error_exception, fifo_getters, fifo_putters,
    woken_getter_does_not_reserve_the_item, woken_putter_does_not_reserve_the_slot,
    cancel_woken_putter_passes_wakeup_on,
]

if __name__ == "__main__":
    for scenario in SCENARIOS:
        print("==", scenario.__name__)
        asyncio.run(scenario())
