# test_locks.py SemaphoreTests.test_acquire_fifo_order, _2 and _3: acquirers are served
# strictly first come, first served, across release/acquire within one task.
import asyncio


async def main():
    sem = asyncio.Semaphore(1)
    result = []

    async def coro(tag):
        await sem.acquire()
        result.append(f'{tag}_1')
        await asyncio.sleep(0.01)
        sem.release()

        await sem.acquire()
        result.append(f'{tag}_2')
        await asyncio.sleep(0.01)
        sem.release()

    async with asyncio.TaskGroup() as tg:
        tg.create_task(coro('c1'))
        tg.create_task(coro('c2'))
        tg.create_task(coro('c3'))
    print('order 1:', result)

    # test_acquire_fifo_order_2
    sem = asyncio.Semaphore(1)
    result = []

    async def c1():
        await sem.acquire()
        result.append(1)
        return True

    async def c2():
        await sem.acquire()
        result.append(2)
        sem.release()
        await sem.acquire()
        result.append(4)
        return True

    async def c3():
        await sem.acquire()
        result.append(3)
        return True

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    t3 = asyncio.create_task(c3())
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    print('gather:', await asyncio.gather(t1, t2, t3))
    print('order 2:', result)

    # test_acquire_fifo_order_3
    sem = asyncio.Semaphore(0)
    result = []
    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    t3 = asyncio.create_task(c3())
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    results = await asyncio.gather(t1, t2, t3, return_exceptions=True)
    print('gather:', results)
    print('order 3:', result)


asyncio.run(main())
