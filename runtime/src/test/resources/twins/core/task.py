# Twin of TaskTest: what CPython 3.13 prints for Task cancellation and errors.
# Run: PYENV_VERSION=3.13.0 python3 task.py > task.txt
import asyncio
import gc

out = print


def describe(e):
    if isinstance(e, asyncio.CancelledError):
        return f"CancelledError({e})"
    return f"{type(e).__name__}({e})"


async def sleeper(name, delay=10, swallow=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        out(f"{name} got {describe(e)}, cancelling {asyncio.current_task().cancelling()}")
        if swallow is not None:
            return swallow
        raise
    return f"{name} slept"


async def cancel_msg():
    t = asyncio.create_task(sleeper("t"))
    await asyncio.sleep(0)
    out(f"cancel {t.cancel('why')} cancelling {t.cancelling()} cancelled {t.cancelled()}")
    try:
        await t
    except asyncio.CancelledError as e:
        out(f"awaiter got {describe(e)}")
    out(f"cancelled {t.cancelled()} done {t.done()}")
    try:
        t.result()
    except asyncio.CancelledError as e:
        out(f"result() raises {describe(e)}")
    out(f"cancel again {t.cancel()} cancelling {t.cancelling()}")


async def cancel_before_start():
    ran = []

    async def body():
        ran.append(1)

    t = asyncio.create_task(body())
    out(f"cancel {t.cancel('early')} cancelling {t.cancelling()}")
    await asyncio.sleep(0)
    out(f"cancelled {t.cancelled()} ran {bool(ran)}")
    try:
        t.result()
    except asyncio.CancelledError as e:
        out(f"result() raises {describe(e)}")


async def cancel_twice():
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            me = asyncio.current_task()
            out(f"caught {describe(e)} cancelling {me.cancelling()}")
            out(f"uncancel {me.uncancel()}")
            out(f"uncancel {me.uncancel()}")
            out(f"uncancel {me.uncancel()}")
        await asyncio.sleep(0)
        return "finished"

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    out(f"cancel {t.cancel('one')}")
    out(f"cancel {t.cancel('two')}")
    out(f"cancelling {t.cancelling()}")
    out(f"result {await t}")


async def self_cancel_and_uncancel():
    me = asyncio.current_task()
    out(f"self cancel {me.cancel()} cancelling {me.cancelling()}")
    out(f"uncancel {me.uncancel()}")
    await asyncio.sleep(0)
    out("not cancelled")
    me.cancel("late")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        out(f"caught {describe(e)}")
    me.uncancel()


async def cancel_chain():
    inner = asyncio.create_task(sleeper("inner"))

    async def outer():
        try:
            return await inner
        except asyncio.CancelledError as e:
            out(f"outer got {describe(e)}")
            raise

    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    out(f"cancel outer {o.cancel('m')}")
    try:
        await o
    except asyncio.CancelledError as e:
        out(f"main got {describe(e)}")
    out(f"inner cancelled {inner.cancelled()} outer cancelled {o.cancelled()}")


async def swallow():
    t = asyncio.create_task(sleeper("t", swallow="kept"))
    await asyncio.sleep(0)
    t.cancel()
    out(f"result {await t} cancelled {t.cancelled()} cancelling {t.cancelling()}")


async def cancel_while_running_completes_cancelled():
    async def body():
        asyncio.current_task().cancel("on the way out")
        return "value"

    t = asyncio.create_task(body())
    try:
        await t
    except asyncio.CancelledError as e:
        out(f"got {describe(e)} cancelled {t.cancelled()}")


async def errors():
    t = asyncio.create_task(sleeper("t", 0))
    try:
        t.set_result(1)
    except RuntimeError as e:
        out(describe(e))
    try:
        t.set_exception(ValueError())
    except RuntimeError as e:
        out(describe(e))
    await t

    async def self_await():
        await asyncio.current_task()

    try:
        await asyncio.create_task(self_await())
    except RuntimeError as e:
        out(describe(e).split(":")[0])


async def failure():
    async def boom():
        await asyncio.sleep(0)
        raise ValueError("boom")

    t = asyncio.create_task(boom())
    try:
        await t
    except ValueError as e:
        out(f"awaiter got {describe(e)}")
    out(f"exception() {describe(t.exception())} cancelled {t.cancelled()}")


async def current():
    me = asyncio.current_task()
    out(f"current in task {asyncio.current_task() is me}")
    asyncio.get_running_loop().call_soon(lambda: out(f"current in callback {asyncio.current_task()}"))
    await asyncio.sleep(0)


async def cancel_blocked_twice():
    # a task blocked in a primitive, cancelled twice before it runs, sees the first message
    lock = asyncio.Lock()
    await lock.acquire()
    event = asyncio.Event()
    queue = asyncio.Queue()

    async def blocked(name, op):
        try:
            await op()
        except asyncio.CancelledError as e:
            out(f"{name} got {describe(e)} cancelling {asyncio.current_task().cancelling()}")
            raise
        return f"{name} done"

    tasks = [asyncio.create_task(blocked("lock", lock.acquire)),
             asyncio.create_task(blocked("event", event.wait)),
             asyncio.create_task(blocked("queue", queue.get))]
    await asyncio.sleep(0)
    for t in tasks:
        out(f"cancel {t.cancel('one')} {t.cancel('two')} cancelling {t.cancelling()}")
    await asyncio.sleep(0)
    out(f"cancelled {[t.cancelled() for t in tasks]}")
    # woken, then cancelled before it runs: its wake-up passes to the next waiter
    late = asyncio.create_task(blocked("late", lock.acquire))
    nxt = asyncio.create_task(blocked("next", lock.acquire))
    await asyncio.sleep(0)
    lock.release()
    out(f"cancel late {late.cancel('late')}")
    await asyncio.sleep(0)
    out(f"late cancelled {late.cancelled()} next {nxt.result() if nxt.done() else 'pending'} locked {lock.locked()}")


def handler(loop, context):
    out(f"handler: {context['message']} {describe(context.get('exception'))}")


async def unretrieved():
    asyncio.get_running_loop().set_exception_handler(handler)

    async def boom():
        raise ValueError("never seen")

    # CPython reports when the object is freed (here at once, by reference counting);
    # Baton when it is garbage collected or the loop closes: compare without order
    asyncio.create_task(boom())
    f = asyncio.get_running_loop().create_future()
    f.set_exception(ValueError("future"))
    del f
    seen = asyncio.create_task(boom())
    await asyncio.sleep(0)
    seen.exception()
    out("main done")


async def cancel_marks_retrieved():
    asyncio.get_running_loop().set_exception_handler(handler)

    async def boom():
        raise ValueError("silenced")

    t = asyncio.create_task(boom())
    await asyncio.sleep(0)
    out(f"cancel {t.cancel()} done {t.done()}")
    del t
    gc.collect()
    out("main done")


async def leftovers():
    asyncio.get_running_loop().set_exception_handler(handler)

    async def bad_cleanup():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            # (no print here: asyncio cancels leftovers in set order, Baton in creation order)
            raise ValueError("cleanup failed")

    asyncio.create_task(sleeper("leftover"))
    asyncio.create_task(bad_cleanup())
    await asyncio.sleep(0)
    out("main returns")
    return "main result"


def run_leftovers():
    out(f"run returned {asyncio.run(leftovers())}")


def stopped_before_complete():
    loop = asyncio.new_event_loop()
    f = loop.create_future()
    loop.call_soon(loop.stop)
    try:
        loop.run_until_complete(f)
    except RuntimeError as e:
        out(describe(e))
    # run_until_complete removed its stop callback from f: completing f later stops nothing
    loop.call_later(0.1, f.set_result, "x")
    loop.call_later(0.2, out, "still running")
    loop.call_later(0.3, loop.stop)
    loop.run_forever()
    out(f"result {loop.run_until_complete(f)}")
    loop.close()


for scenario in (cancel_msg, cancel_before_start, cancel_twice, self_cancel_and_uncancel,
                 cancel_chain, swallow, cancel_while_running_completes_cancelled, errors,
                 failure, current, unretrieved, cancel_marks_retrieved, cancel_blocked_twice, run_leftovers,
                 stopped_before_complete):
    out(f"== {scenario.__name__}")
    if asyncio.iscoroutinefunction(scenario):
        asyncio.run(scenario())
    else:
        scenario()
    gc.collect()
