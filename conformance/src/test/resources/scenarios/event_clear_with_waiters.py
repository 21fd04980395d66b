# test_locks.py EventTests.test_clear_with_waiters: set() then clear() before the waiter runs
# still wakes it; later set() calls do not wake it twice.
import asyncio


async def main():
    ev = asyncio.Event()
    result = []

    async def c1():
        await ev.wait()
        result.append(1)
        return True

    t = asyncio.create_task(c1())
    await asyncio.sleep(0)
    print('after start:', result)

    ev.set()
    ev.clear()
    print('is_set after set, clear:', ev.is_set())

    ev.set()
    ev.set()
    print('is_set:', ev.is_set())

    await asyncio.sleep(0)
    print('after a step:', result)
    print('t:', t.done(), t.result())

    ev.clear()
    print('is_set after clear:', ev.is_set())


asyncio.run(main())
