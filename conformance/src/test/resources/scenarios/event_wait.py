# test_locks.py EventTests.test_wait: set() wakes every waiter, in the order they started
# waiting; a waiter that started later but ran first is first.
import asyncio


async def main():
    ev = asyncio.Event()
    print('is_set:', ev.is_set())
    result = []

    async def c(n):
        await ev.wait()
        result.append(n)

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))

    await asyncio.sleep(0)
    print('after start:', result)

    t3 = asyncio.create_task(c(3))

    ev.set()
    await asyncio.sleep(0)
    print('after set:', result)

    print('t1:', t1.done(), t1.result())
    print('t2:', t2.done(), t2.result())
    print('t3:', t3.done(), t3.result())

    # waiting on a set event returns at once
    await ev.wait()
    print('wait on set event returned, is_set:', ev.is_set())


asyncio.run(main())
