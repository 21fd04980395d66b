# Twin of WaitTasksTest: what CPython 3.13 prints for asyncio.wait.
# Run: PYENV_VERSION=3.13.0 python3 wait.py > wait.txt
import asyncio
import gc

out = print


def names(tasks):
    return "[" + ", ".join(sorted(t.get_name() for t in tasks)) + "]"


def now(t0):
    return f"{asyncio.get_running_loop().time() - t0:.1f}"


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        out(f"{name} cancelled")
        raise
    if fail:
        out(f"{name} fails")
        raise ValueError(name)
    out(f"{name} end")
    return name


def spawn(name, delay, fail=False):
    return asyncio.create_task(child(name, delay, fail), name=name)


async def report(t0, fs, **kw):
    done, pending = await asyncio.wait(fs, **kw)
    out(f"at {now(t0)} done {names(done)} pending {names(pending)}")
    return done, pending


async def all_completed():
    t0 = asyncio.get_running_loop().time()
    await report(t0, [spawn("a", 0.2), spawn("b", 0.1, fail=True), spawn("c", 0.3)])


async def first_completed():
    t0 = asyncio.get_running_loop().time()
    _, pending = await report(t0, [spawn("a", 0.2), spawn("b", 0.1), spawn("c", 0.3)],
                              return_when=asyncio.FIRST_COMPLETED)
    await report(t0, pending)


async def first_exception():
    t0 = asyncio.get_running_loop().time()
    await report(t0, [spawn("a", 0.3), spawn("b", 0.1, fail=True), spawn("c", 0.2)],
                 return_when=asyncio.FIRST_EXCEPTION)
    c = spawn("x", 10)
    asyncio.get_running_loop().call_later(0.1, c.cancel)
    await report(t0, [c, spawn("y", 0.2)], return_when=asyncio.FIRST_EXCEPTION)
    await asyncio.sleep(0.2)


async def timeout():
    t0 = asyncio.get_running_loop().time()
    done, pending = await report(t0, [spawn("a", 0.1), spawn("b", 0.3)], timeout=0.2)
    out(f"cancelled {[t.cancelled() for t in pending]}")
    await report(t0, pending, timeout=1)
    await report(t0, [spawn("z", 0)], timeout=0)


async def errors():
    try:
        await asyncio.wait([])
    except ValueError as e:
        out(f"ValueError {e}")
    coro = child("coro", 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        out(f"TypeError {e}")
    coro.close()


async def cancel_waiter():
    t0 = asyncio.get_running_loop().time()
    a = spawn("a", 0.2)
    w = asyncio.create_task(report(t0, [a]))
    await asyncio.sleep(0.1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        out(f"waiter cancelled at {now(t0)}, a done {a.done()}")
    await a
    out(f"a done at {now(t0)}")


async def wakeup_order():
    async def ticker():
        for i in range(5):
            out(f"tick {i}")
            await asyncio.sleep(0)

    tick = asyncio.create_task(ticker())
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result(1)
    g = loop.create_future()
    g.set_result(2)
    out("waiting on done futures")
    done, pending = await asyncio.wait([f, g, f])
    out(f"resumed done {len(done)} pending {len(pending)}")
    await tick


def handler(loop, context):
    out(f"handler: {context['message']}")


async def main(scenario):
    asyncio.get_running_loop().set_exception_handler(handler)
    await scenario()


for scenario in (all_completed, first_completed, first_exception, timeout, errors,
                 cancel_waiter, wakeup_order):
    out(f"== {scenario.__name__}")
    asyncio.run(main(scenario))
    gc.collect()
