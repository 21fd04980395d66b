# test_locks.py LockTests.test_acquire: waiters get the lock in FIFO order, one per release,
# each one loop step after the release.
import asyncio


async def main():
    lock = asyncio.Lock()
    result = []

    await lock.acquire()
    print('locked:', lock.locked())

    async def c(n):
        await lock.acquire()
        result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))

    await asyncio.sleep(0)
    print('after start:', result)

    lock.release()
    await asyncio.sleep(0)
    print('after release 1:', result)

    await asyncio.sleep(0)
    print('one more step:', result)

    t3 = asyncio.create_task(c(3))

    lock.release()
    await asyncio.sleep(0)
    print('after release 2:', result)

    lock.release()
    await asyncio.sleep(0)
    print('after release 3:', result)

    print('t1:', t1.done(), t1.result())
    print('t2:', t2.done(), t2.result())
    print('t3:', t3.done(), t3.result())
    print('locked:', lock.locked())


asyncio.run(main())
