# Twin of ShieldTest: what CPython 3.13 prints for asyncio.shield.
# Run: PYENV_VERSION=3.13.0 python3 shield.py > shield.txt
import asyncio

out = print


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
    out(f"result {await asyncio.shield(child('a', 0.1))}")


async def outer_cancelled():
    inner = asyncio.create_task(child("inner", 0.2))

    async def waiter():
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError as e:
            out(f"waiter cancelled({e})")
            raise

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    w.cancel("stop")
    try:
        await w
    except asyncio.CancelledError:
        out(f"waiter done, inner done {inner.done()}")
    out(f"inner result {await inner}")


async def inner_cancelled():
    inner = asyncio.create_task(child("inner", 1))
    outer = asyncio.shield(inner)
    asyncio.get_running_loop().call_later(0.1, inner.cancel, "by other means")
    try:
        await outer
    except asyncio.CancelledError as e:
        out(f"caught cancelled({e}) outer cancelled {outer.cancelled()}")


async def inner_fails():
    try:
        await asyncio.shield(child("f", 0.1, fail=True))
    except ValueError as e:
        out(f"caught error({e})")


async def done_shortcut():
    f = asyncio.get_running_loop().create_future()
    f.set_result(1)
    out(f"same {asyncio.shield(f) is f}")
    g = asyncio.get_running_loop().create_future()
    out(f"same {asyncio.shield(g) is g}")
    g.cancel()


async def wakeup_order():
    async def ticker():
        for i in range(5):
            out(f"tick {i}")
            await asyncio.sleep(0)

    loop = asyncio.get_running_loop()
    inner = loop.create_future()
    outer = asyncio.shield(inner)
    tick = asyncio.create_task(ticker())
    loop.call_soon(inner.set_result, "x")
    out(f"resumed {await outer}")
    await tick


async def cancel_shielded_coroutine():
    outer = asyncio.shield(child("c", 0.2))
    await asyncio.sleep(0.1)
    out(f"cancel {outer.cancel()}")
    await asyncio.sleep(0.2)


async def retrieved():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop, context: out(f"handler: {context['message']}"))
    inner = loop.create_future()
    outer = asyncio.shield(inner)
    inner.set_exception(ValueError("same step"))
    outer.cancel()
    await asyncio.sleep(0.1)
    out("outer cancelled first:")
    outer = asyncio.shield(child("f", 0.1, fail=True))
    outer.cancel()
    await asyncio.sleep(0.2)
    del outer


for scenario in (basic, outer_cancelled, inner_cancelled, inner_fails, done_shortcut,
                 wakeup_order, cancel_shielded_coroutine, retrieved):
    out(f"== {scenario.__name__}")
    asyncio.run(scenario())
