# Twin of TaskGroupTest: what CPython 3.13 prints for asyncio.TaskGroup.
# Run: PYENV_VERSION=3.13.0 python3 taskgroup.py > taskgroup.txt
import asyncio

out = print


def now(t0):
    return f"{asyncio.get_running_loop().time() - t0:.1f}"


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


def describe(e):
    if isinstance(e, BaseExceptionGroup):
        return f"ExceptionGroup({e}) [" + ", ".join(describe(x) for x in e.exceptions) + "]"
    if isinstance(e, asyncio.CancelledError):
        return f"CancelledError({e})"
    return f"{type(e).__name__}({e})"


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        out(f"{name} cancelled({e})")
        raise
    out(f"{name} slept")


async def basic():
    t0 = asyncio.get_running_loop().time()
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 0.2))
        b = tg.create_task(child("b", 0.1), name="bee")
        await sleeper("body", 0.05)
        result = "body result"
    out(f"exited at {now(t0)} {a.result()} {b.result()} {b.get_name()} {result}")


async def child_fails():
    t0 = asyncio.get_running_loop().time()
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 0.3))
            tg.create_task(child("b", 0.1, fail=True))
            await sleeper("body", 1)
            out("not reached")
    except BaseException as e:
        out(f"caught {describe(e)} at {now(t0)}")
    out(f"cancelling {me.cancelling()}")
    await asyncio.sleep(0)
    out("went on")


async def two_fail():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 0.1, fail=True))
            tg.create_task(child("b", 0.1, fail=True))
    except BaseException as e:
        out(f"caught {describe(e)}")


async def body_fails():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 0.3))
            await asyncio.sleep(0.1)
            raise ValueError("body")
    except BaseException as e:
        out(f"caught {describe(e)}")


async def parent_cancelled():
    async def runner(wait_in_body):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 1))
            if wait_in_body:
                await sleeper("body", 1)
    for wait_in_body in (True, False):
        t = asyncio.create_task(runner(wait_in_body))
        await asyncio.sleep(0.1)
        t.cancel("outside")
        try:
            await t
        except asyncio.CancelledError as e:
            out(f"task cancelled {t.cancelled()} with {describe(e)}")


async def parent_cancelled_and_child_fails():
    me = asyncio.current_task()

    async def traitor():
        await asyncio.sleep(0.1)
        out(f"cancel parent {me.cancel('outside')}")
        raise ValueError("traitor")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(traitor())
            await sleeper("body", 1)
    except BaseException as e:
        out(f"caught {describe(e)}")
    out(f"cancelling {me.cancelling()}")
    try:
        await asyncio.sleep(0)
        out("not reached")
    except asyncio.CancelledError as e:
        out(f"next await {describe(e)}")
    out(f"uncancel {me.uncancel()}")


async def child_fails_after_body():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 0.2, fail=True))
            tg.create_task(child("b", 1))
    except BaseException as e:
        out(f"caught {describe(e)}")
    out(f"cancelling {me.cancelling()}")


async def spawn_errors():
    async with asyncio.TaskGroup() as tg:
        pass
    coro = child("late", 0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        out(f"RuntimeError {str(e).split('> ')[-1]}")
    try:
        await coro
    except RuntimeError as e:
        out(f"RuntimeError {e}")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 0.1, fail=True))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                try:
                    tg.create_task(child("b", 0))
                except RuntimeError as e:
                    out(f"RuntimeError {str(e).split('> ')[-1]}")
                raise
    except BaseException as e:
        out(f"caught {describe(e)}")


async def no_children():
    loop = asyncio.get_running_loop()
    loop.call_soon(out, "callback")
    async with asyncio.TaskGroup() as tg:
        out("body")
    out("exited")
    await asyncio.sleep(0)


async def body_cancels_itself():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 1))
            await asyncio.sleep(0.1)
            me.cancel("self")
            await asyncio.sleep(1)
    except BaseException as e:
        out(f"caught {describe(e)} cancelling {me.cancelling()}")
    me.uncancel()


for scenario in (basic, child_fails, two_fail, body_fails, parent_cancelled,
                 parent_cancelled_and_child_fails, child_fails_after_body, spawn_errors,
                 no_children, body_cancels_itself):
    out(f"== {scenario.__name__}")
    asyncio.run(scenario())
