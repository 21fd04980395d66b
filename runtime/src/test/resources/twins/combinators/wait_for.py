# Twin of WaitForTest: what CPython 3.13 prints for asyncio.wait_for (3.12+ semantics).
# Run: PYENV_VERSION=3.13.0 python3 wait_for.py > wait_for.txt
import asyncio

out = print


def now(t0):
    return f"{asyncio.get_running_loop().time() - t0:.1f}"


async def child(name, delay, swallow=None):
    out(f"{name} start")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        out(f"{name} cancelled({e})")
        if swallow is not None:
            return swallow
        raise
    out(f"{name} end")
    return name


def describe(e):
    if isinstance(e, TimeoutError):
        cause = "cancelled" if isinstance(e.__cause__, asyncio.CancelledError) else str(e.__cause__)
        return f"TimeoutError cause {cause}"
    if isinstance(e, asyncio.CancelledError):
        return f"CancelledError({e})"
    return f"{type(e).__name__}({e})"


async def completes():
    t0 = asyncio.get_running_loop().time()
    out(f"result {await asyncio.wait_for(child('a', 0.1), 1)} at {now(t0)}")


async def times_out():
    t0 = asyncio.get_running_loop().time()
    me = asyncio.current_task()
    try:
        await asyncio.wait_for(child("a", 1), 0.2)
    except BaseException as e:
        out(f"caught {describe(e)} at {now(t0)}")
    out(f"cancelling {me.cancelling()}")
    await asyncio.sleep(1)
    out(f"nothing left at {now(t0)}")


async def task_times_out():
    t = asyncio.create_task(child("t", 1))
    try:
        await asyncio.wait_for(t, 0.2)
    except BaseException as e:
        out(f"caught {describe(e)}")
    out(f"task cancelled {t.cancelled()}")


async def swallowed():
    me = asyncio.current_task()
    out(f"result {await asyncio.wait_for(child('a', 1, swallow='late'), 0.1)}")
    out(f"cancelling {me.cancelling()}")


async def another_cancel():
    me = asyncio.current_task()

    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            out(f"inner cancelled, cancelling {me.cancelling()}")
            me.cancel("again")
            out(f"cancelled again, cancelling {me.cancelling()}")
            raise

    try:
        await asyncio.wait_for(stubborn(), 0.1)
    except BaseException as e:
        out(f"caught {describe(e)}")
    out(f"cancelling {me.cancelling()}")
    try:
        await asyncio.sleep(0)
        out("not reached")
    except asyncio.CancelledError as e:
        out(f"next await {describe(e)}")
    out(f"uncancel {me.uncancel()}")


async def outside_cancel():
    async def body():
        try:
            await asyncio.wait_for(child("a", 1), 0.5)
        except BaseException as e:
            out(f"caught {describe(e)}")
            raise
    t = asyncio.create_task(body())
    await asyncio.sleep(0.1)
    t.cancel("from outside")
    try:
        await t
    except asyncio.CancelledError:
        out(f"task cancelled {t.cancelled()}")


async def zero_timeout():
    started = []

    async def func():
        started.append(True)
        return "ran"

    try:
        await asyncio.wait_for(func(), 0)
    except BaseException as e:
        out(f"caught {describe(e)}, started {bool(started)}")
    f = asyncio.get_running_loop().create_future()
    f.set_result("ready")
    out(f"done future {await asyncio.wait_for(f, 0)}")
    t = asyncio.create_task(child("t", 1, swallow="kept"))
    await asyncio.sleep(0)
    out(f"swallowing task {await asyncio.wait_for(t, -1)}")
    t = asyncio.create_task(child("u", 1))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(t, 0)
    except BaseException as e:
        out(f"caught {describe(e)}")


async def nested():
    t0 = asyncio.get_running_loop().time()

    async def inner(timeout):
        try:
            return await asyncio.wait_for(child("n", 1), timeout)
        except BaseException as e:
            out(f"inner caught {describe(e)} at {now(t0)}")
            raise

    try:
        await asyncio.wait_for(inner(1), 0.1)
    except BaseException as e:
        out(f"outer caught {describe(e)} at {now(t0)}")
    try:
        await asyncio.wait_for(inner(0.1), 1)
    except BaseException as e:
        out(f"outer caught {describe(e)} at {now(t0)}")


async def inline():
    me = asyncio.current_task()

    async def where():
        return asyncio.current_task() is me

    out(f"same task {await asyncio.wait_for(where(), 1)}")
    loop = asyncio.get_running_loop()
    loop.call_soon(out, "callback")
    f = loop.create_future()
    f.set_result("done")
    out(f"done future {await asyncio.wait_for(f, 1)}")
    await asyncio.sleep(0)


async def error_passes():
    async def boom():
        await asyncio.sleep(0)
        raise ValueError("boom")
    try:
        await asyncio.wait_for(boom(), 1)
    except BaseException as e:
        out(f"caught {describe(e)}")


for scenario in (completes, times_out, task_times_out, swallowed, another_cancel,
                 outside_cancel, zero_timeout, nested, inline, error_passes):
    out(f"== {scenario.__name__}")
    asyncio.run(scenario())
