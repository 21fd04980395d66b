# test_locks.py SemaphoreTests.test_acquire: Semaphore(3), two taken; four more acquirers:
# who gets through, in which step, and what is left.
import asyncio


async def main():
    sem = asyncio.Semaphore(3)
    result = []

    await sem.acquire()
    await sem.acquire()
    print('locked:', sem.locked())

    async def c(n):
        await sem.acquire()
        result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))

    await asyncio.sleep(0)
    print('after start:', result, 'locked:', sem.locked())

    t4 = asyncio.create_task(c(4))

    sem.release()
    sem.release()

    await asyncio.sleep(0)
    print('after two releases:', result, 'locked:', sem.locked())
    print('done:', t1.done(), t2.done(), t3.done(), t4.done())

    sem.release()
    await asyncio.gather(t2, t3, t4)
    print('after gather:', result, 'locked:', sem.locked())


asyncio.run(main())
