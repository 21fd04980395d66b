"""Twin of EventTest: CPython 3.13's test_locks.EventTests, printing what the Java test checks.

Run: PYENV_VERSION=3.13.0 python3 event.py > event.txt
"""
import asyncio


async def test_wait():
    ev = asyncio.Event()
    print("is_set", ev.is_set())
    result = []

    async def c(n):
        if await ev.wait():
            result.append(n)

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    await asyncio.sleep(0)
    print("after sleep", result)
    t3 = asyncio.create_task(c(3))
    ev.set()
    await asyncio.sleep(0)
    print("after set+sleep", result)
    for t in (t1, t2, t3):
        print("task", t.done(), t.result())


async def test_wait_on_set():
    ev = asyncio.Event()
    ev.set()
    print("wait", await ev.wait())


async def test_wait_cancel():
    ev = asyncio.Event()
    wait = asyncio.create_task(ev.wait())
    asyncio.get_running_loop().call_soon(wait.cancel)
    try:
        await wait
        print("not cancelled")
    except asyncio.CancelledError:
        print("cancelled")
    print("waiters", len(ev._waiters))


async def test_clear():
    ev = asyncio.Event()
    print("is_set", ev.is_set())
    ev.set()
    print("is_set", ev.is_set())
    ev.clear()
    print("is_set", ev.is_set())


async def test_clear_with_waiters():
    ev = asyncio.Event()
    result = []

    async def c1():
        if await ev.wait():
            result.append(1)
        return True

    t = asyncio.create_task(c1())
    await asyncio.sleep(0)
    print("after sleep", result)
    ev.set()
    ev.clear()
    print("is_set", ev.is_set())
    ev.set()
    ev.set()
    print("waiters", len(ev._waiters))
    await asyncio.sleep(0)
    print("after sleep", result, "waiters", len(ev._waiters))
    print("task", t.done(), t.result())


async def test_set_wakes_in_fifo_order():
    """Waiters resume in the order they began waiting, one loop step after set()."""
    ev = asyncio.Event()

    async def waiter(name):
        print(name, "waiting")
        await ev.wait()
        print(name, "woke")

    tasks = [asyncio.create_task(waiter(f"w{i}")) for i in range(1, 4)]
    await asyncio.sleep(0)
    print("setting")
    ev.set()
    print("set done, waiters", len(ev._waiters))
    late = asyncio.create_task(waiter("late"))
    for t in tasks + [late]:
        await t
    print("waiters", len(ev._waiters))


def main():
    for test in (test_wait, test_wait_on_set, test_wait_cancel, test_clear,
                 test_clear_with_waiters, test_set_wakes_in_fifo_order):
        print(f"== {test.__name__}")
        asyncio.run(test())


main()
