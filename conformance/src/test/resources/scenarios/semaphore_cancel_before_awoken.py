# test_locks.py SemaphoreTests.test_acquire_cancel_before_awoken and test_acquire_hang:
# waiters cancelled before a release runs must not swallow the release.
import asyncio


async def main():
    sem = asyncio.Semaphore(value=0)

    async def acquire():
        await sem.acquire()

    t1 = asyncio.create_task(acquire())
    t2 = asyncio.create_task(acquire())
    t3 = asyncio.create_task(acquire())
    t4 = asyncio.create_task(acquire())

    await asyncio.sleep(0)

    t1.cancel()
    t2.cancel()
    sem.release()

    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('done:', t1.done(), t2.done(), t3.done(), t4.done())
    print('cancelled:', t1.cancelled(), t2.cancelled(), t3.cancelled(), t4.cancelled())

    t3.cancel()
    t4.cancel()
    await asyncio.sleep(0)
    print('t4 cancelled:', t4.cancelled(), 'locked:', sem.locked())

    # test_acquire_hang
    sem = asyncio.Semaphore(value=0)
    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('hang: locked:', sem.locked(), 't2 done:', t2.done())


asyncio.run(main())
