# test_locks.py SemaphoreTests.test_acquire_fifo_order_4: one task's three releases wake
# three queued acquirers; a task created by the first runs after them.
import asyncio


async def main():
    sem = asyncio.Semaphore(0)
    result = []
    t4 = None

    async def c1():
        print('c1 locked:', sem.locked())
        await sem.acquire()
        nonlocal t4
        t4 = asyncio.create_task(c4())
        result.append(1)
        return True

    async def c2():
        sem.release()
        sem.release()
        sem.release()
        print('c2 locked:', sem.locked())
        await sem.acquire()
        result.append(2)
        return True

    async def c3():
        await sem.acquire()
        print('c3 locked:', sem.locked())
        result.append(3)
        return True

    async def c4():
        result.append(4)
        return True

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    t3 = asyncio.create_task(c3())

    await asyncio.sleep(0)
    print('locked:', sem.locked())
    await asyncio.sleep(0)

    print('gather:', await asyncio.gather(t1, t2, t3, t4))
    print('result:', result)


asyncio.run(main())
