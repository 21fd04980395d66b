# test_locks.py SemaphoreTests.test_acquire_no_hang: a task cancelled while waiting in
# `async with sem` must not leave the semaphore taken.
import asyncio


async def main():
    sem = asyncio.Semaphore(1)

    async def c1():
        async with sem:
            await asyncio.sleep(0)
        t2.cancel()

    async def c2():
        async with sem:
            print('c2 must not get here')

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())

    r1, r2 = await asyncio.gather(t1, t2, return_exceptions=True)
    print('r1:', r1)
    print('r2:', repr(r2))

    await asyncio.wait_for(sem.acquire(), timeout=1.0)
    print('acquired, locked:', sem.locked())


asyncio.run(main())
