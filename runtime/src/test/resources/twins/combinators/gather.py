# Twin of GatherTest: what CPython 3.13 prints for asyncio.gather.
# Run: PYENV_VERSION=3.13.0 python3 gather.py > gather.txt
import asyncio

out = print


def fmt(x):
    if isinstance(x, asyncio.CancelledError):
        return f"cancelled({x})"
    if isinstance(x, BaseException):
        return f"error({x})"
    return str(x)


def fmt_list(xs):
    return "[" + ", ".join(fmt(x) for x in xs) + "]"


async def child(name, delay, fail=False):
    out(f"{name} start")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        out(f"{name} cancelled({e})")
        raise
    if fail:
        out(f"{name} fails")
        raise ValueError(name)
    out(f"{name} end")
    return name


async def basic():
    results = await asyncio.gather(child("a", 0.2), child("b", 0.1), child("c", 0))
    out(fmt_list(results))


async def first_exception():
    a = asyncio.create_task(child("a", 0.3))
    g = asyncio.gather(a, child("b", 0.1, fail=True))
    try:
        await g
    except ValueError as e:
        out(f"caught {fmt(e)}")
    out(f"a done {a.done()}")
    out(f"cancel after done {g.cancel()}")
    out(f"result {await a}")


async def return_exceptions():
    c = asyncio.create_task(child("c", 10))
    asyncio.get_running_loop().call_later(0.05, c.cancel, "stop")
    d = asyncio.create_task(child("d", 10))
    asyncio.get_running_loop().call_later(0.05, d.cancel)
    results = await asyncio.gather(child("a", 0.1), child("b", 0.1, fail=True), c, d,
                                   return_exceptions=True)
    out(fmt_list(results))


async def child_cancelled():
    b = asyncio.create_task(child("b", 10))
    g = asyncio.gather(child("a", 0.2), b)
    asyncio.get_running_loop().call_later(0.1, b.cancel, "just b")
    try:
        await g
    except asyncio.CancelledError as e:
        out(f"caught cancelled({e})")
    out(f"gather cancelled {g.cancelled()} done {g.done()}")
    await asyncio.sleep(0.2)


async def cancel_gather():
    for return_exc in (False, True):
        g = asyncio.gather(child("a", 10), child("b", 10), return_exceptions=return_exc)
        await asyncio.sleep(0)
        out(f"cancel {g.cancel('halt')}")
        try:
            out(fmt_list(await g))
        except asyncio.CancelledError as e:
            out(f"caught cancelled({e})")
        out(f"gather cancelled {g.cancelled()} done {g.done()}")


async def cancel_awaiting_task():
    async def waiter():
        try:
            await asyncio.gather(child("a", 10), child("b", 10))
        except asyncio.CancelledError as e:
            out(f"waiter cancelled({e})")
            raise
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    t.cancel("outer")
    try:
        await t
    except asyncio.CancelledError:
        out(f"task cancelled {t.cancelled()}")


async def duplicates():
    t = asyncio.create_task(child("t", 0.1))
    c = child("c", 0)
    out(fmt_list(await asyncio.gather(t, c, t, c)))


async def done_children():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f1.set_result(1)
    f2 = loop.create_future()
    f2.set_result(2)
    g = asyncio.gather(f1, f2, f1)
    out(f"done at once {g.done()} {fmt_list(g.result())}")
    f3 = loop.create_future()
    f3.set_exception(ValueError("early"))
    g = asyncio.gather(f1, f3)
    out(f"failed at once {g.done()} {fmt(g.exception())}")
    g = asyncio.gather()
    out(f"empty {g.done()} {fmt_list(g.result())}")


async def wakeup_order():
    async def ticker():
        for i in range(6):
            out(f"tick {i}")
            await asyncio.sleep(0)

    async def quick(name, n):
        for i in range(n):
            await asyncio.sleep(0)
        out(f"{name} done")
        return name

    tick = asyncio.create_task(ticker())
    out("gather created")
    results = await asyncio.gather(quick("x", 2), quick("y", 1))
    out(f"resumed {fmt_list(results)}")
    await tick


for scenario in (basic, first_exception, return_exceptions, child_cancelled, cancel_gather,
                 cancel_awaiting_task, duplicates, done_children, wakeup_order):
    out(f"== {scenario.__name__}")
    asyncio.run(scenario())
