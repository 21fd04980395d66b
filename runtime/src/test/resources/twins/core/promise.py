# Twin of PromiseTest: what CPython 3.13 (its C Future) prints for Future's states and errors.
# Run: PYENV_VERSION=3.13.0 python3 promise.py > promise.txt
import asyncio

out = print


def describe(e):
    if isinstance(e, asyncio.CancelledError):
        return f"CancelledError({e})"
    if isinstance(e, asyncio.InvalidStateError):
        return f"InvalidStateError({e})"
    return f"{type(e).__name__}({e})"


def attempt(what, fn):
    try:
        out(f"{what} -> {fn()}")
    except BaseException as e:
        out(f"{what} raises {describe(e)}")


async def states():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    out(f"pending done {f.done()} cancelled {f.cancelled()}")
    attempt("result()", f.result)
    attempt("exception()", f.exception)
    f.set_result(1)
    out(f"finished done {f.done()} cancelled {f.cancelled()}")
    attempt("result()", f.result)
    attempt("exception()", f.exception)
    attempt("set_result(2)", lambda: f.set_result(2))
    attempt("set_exception()", lambda: f.set_exception(ValueError("x")))
    attempt("cancel()", f.cancel)

    g = loop.create_future()
    g.set_exception(ValueError("bad"))
    attempt("result()", g.result)
    attempt("exception()", g.exception)
    attempt("cancel()", g.cancel)

    c = loop.create_future()
    attempt("cancel('why')", lambda: c.cancel("why"))
    out(f"cancelled done {c.done()} cancelled {c.cancelled()}")
    attempt("result()", c.result)
    attempt("result()", c.result)
    attempt("exception()", c.exception)
    attempt("cancel()", c.cancel)
    attempt("set_result(1)", lambda: c.set_result(1))

    d = loop.create_future()
    d.cancel()
    attempt("result()", d.result)


async def awaiting():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.1, f.set_result, "later")
    out(f"awaited {await f}")
    g = loop.create_future()
    loop.call_later(0.1, g.set_exception, ValueError("failed"))
    try:
        await g
    except ValueError as e:
        out(f"await raised {describe(e)}")
    c = loop.create_future()
    loop.call_later(0.1, c.cancel, "stop")
    try:
        await c
    except asyncio.CancelledError as e:
        out(f"await raised {describe(e)}")


async def cancel_the_awaiter():
    loop = asyncio.get_running_loop()
    f = loop.create_future()

    async def waiter():
        try:
            await f
        except asyncio.CancelledError as e:
            out(f"waiter got {describe(e)}")
            raise

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    t.cancel("from main")
    await asyncio.sleep(0)
    out(f"future cancelled {f.cancelled()}")
    try:
        await t
    except asyncio.CancelledError:
        out("task cancelled")


for scenario in (states, awaiting, cancel_the_awaiter):
    out(f"== {scenario.__name__}")
    asyncio.run(scenario())
