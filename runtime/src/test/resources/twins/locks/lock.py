"""Twin of LockTest: CPython 3.13's test_locks.LockTests, printing what the Java test checks.

Run: PYENV_VERSION=3.13.0 python3 lock.py > lock.txt
"""
import asyncio


def section(name):
    print(f"== {name}")


async def test_acquire():
    lock = asyncio.Lock()
    result = []
    print("main acquire", await lock.acquire())

    async def c(n):
        if await lock.acquire():
            result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    await asyncio.sleep(0)
    print("after sleep", result, lock.locked())
    lock.release()
    print("after release", lock.locked())
    await asyncio.sleep(0)
    print("after release+sleep", result, lock.locked())
    await asyncio.sleep(0)
    print("after sleep", result)
    t3 = asyncio.create_task(c(3))
    lock.release()
    await asyncio.sleep(0)
    print("after release+sleep", result)
    lock.release()
    await asyncio.sleep(0)
    print("after release+sleep", result, lock.locked())
    for t in (t1, t2, t3):
        print("task", t.done(), t.result())


async def test_acquire_cancel():
    lock = asyncio.Lock()
    print("acquire", await lock.acquire())
    task = asyncio.create_task(lock.acquire())
    asyncio.get_running_loop().call_soon(task.cancel)
    try:
        await task
        print("not cancelled")
    except asyncio.CancelledError:
        print("cancelled")
    print("waiters", len(lock._waiters), lock.locked())


async def test_cancel_race():
    lock = asyncio.Lock()

    async def lockit(name, blocker):
        await lock.acquire()
        print(name, "acquired")
        try:
            if blocker is not None:
                await blocker
        finally:
            print(name, "releases")
            lock.release()

    fa = asyncio.get_running_loop().create_future()
    ta = asyncio.create_task(lockit('A', fa))
    await asyncio.sleep(0)
    print("locked", lock.locked())
    tb = asyncio.create_task(lockit('B', None))
    await asyncio.sleep(0)
    print("waiters", len(lock._waiters))
    tc = asyncio.create_task(lockit('C', None))
    await asyncio.sleep(0)
    print("waiters", len(lock._waiters))
    fa.set_result(None)
    tb.cancel()
    print("first waiter cancelled", lock._waiters[0].cancelled())
    await asyncio.sleep(0)
    print("locked", lock.locked(), "ta done", ta.done(), "tb cancelled", tb.cancelled())
    await tc
    print("tc done", tc.done(), "locked", lock.locked())


async def test_cancel_release_race():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    counts = {"lock": 0, "call": 0}

    async def lockit(name):
        counts["call"] += 1
        await lock.acquire()
        print(name, "acquired")
        counts["lock"] += 1

    def trigger():
        t1.cancel()
        lock.release()

    await lock.acquire()
    t1 = asyncio.create_task(lockit("t1"))
    t2 = asyncio.create_task(lockit("t2"))
    t3 = asyncio.create_task(lockit("t3"))
    await asyncio.sleep(0)
    loop.call_soon(trigger)
    try:
        await t1
        print("t1 not cancelled")
    except asyncio.CancelledError:
        print("t1 cancelled")
    print("lock_count", counts["lock"], "call_count", counts["call"])
    print("t1 cancelled", t1.cancelled(), "t2 done", t2.done())
    t3.cancel()
    await asyncio.sleep(0)
    print("t3 cancelled", t3.cancelled())


async def test_finished_waiter_cancelled():
    lock = asyncio.Lock()
    await lock.acquire()
    print("locked", lock.locked())
    tb = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("waiters", len(lock._waiters))
    tc = asyncio.create_task(lock.acquire())
    tb.cancel()
    lock.release()
    await asyncio.sleep(0)
    print("locked", lock.locked(), "tb cancelled", tb.cancelled())
    print("tc", await tc)


async def test_release_not_acquired():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)


async def test_release_no_waiters():
    lock = asyncio.Lock()
    await lock.acquire()
    print("locked", lock.locked())
    lock.release()
    print("locked", lock.locked())


async def test_context_manager():
    lock = asyncio.Lock()
    print("locked", lock.locked())
    async with lock:
        print("inside", lock.locked())
    print("locked", lock.locked())
    try:
        async with lock:
            raise ValueError("boom")
    except ValueError as e:
        print("ValueError", e, "locked", lock.locked())


async def test_guarded_blocks_in_fifo_order():
    """Three tasks contend for the lock with `async with`, each holding it across a sleep."""
    lock = asyncio.Lock()

    async def worker(name):
        print(name, "waiting")
        async with lock:
            print(name, "acquired")
            await asyncio.sleep(0.1)
            print(name, "releasing")
        print(name, "released")

    tasks = [asyncio.create_task(worker(n)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0)
    print("locked", lock.locked(), "waiters", len(lock._waiters))
    for t in tasks:
        await t
    print("locked", lock.locked(), "waiters", len(lock._waiters))


async def test_cancel_holder_releases():
    """Cancelling the task that holds the lock inside `async with` releases it to the next."""
    lock = asyncio.Lock()

    async def holder():
        async with lock:
            print("holder acquired")
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("holder cancelled")
                raise
        print("never")

    async def next_one():
        async with lock:
            print("next acquired")

    h = asyncio.create_task(holder())
    n = asyncio.create_task(next_one())
    await asyncio.sleep(0)
    h.cancel()
    await asyncio.sleep(0)
    print("locked", lock.locked(), "h cancelled", h.cancelled(), "n done", n.done())
    await n
    print("locked", lock.locked(), "n done", n.done())


def main():
    for test in (test_acquire, test_acquire_cancel, test_cancel_race, test_cancel_release_race,
                 test_finished_waiter_cancelled, test_release_not_acquired,
                 test_release_no_waiters, test_context_manager,
                 test_guarded_blocks_in_fifo_order, test_cancel_holder_releases):
        section(test.__name__)
        asyncio.run(test())


main()
