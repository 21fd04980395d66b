# test_locks.py ConditionTests.test_wait: notify() wakes waiters in FIFO order, but each must
# get the lock back before it returns from wait(): one per release.
import asyncio


async def main():
    cond = asyncio.Condition()
    result = []

    async def c(n):
        await cond.acquire()
        await cond.wait()
        result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))

    await asyncio.sleep(0)
    print('after start:', result, 'locked:', cond.locked())

    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    print('after notify:', result, 'locked:', cond.locked())

    cond.release()
    await asyncio.sleep(0)
    print('after release:', result, 'locked:', cond.locked())

    cond.notify(2)
    await asyncio.sleep(0)
    print('after notify(2):', result, 'locked:', cond.locked())

    cond.release()
    await asyncio.sleep(0)
    print('after release:', result, 'locked:', cond.locked())

    cond.release()
    await asyncio.sleep(0)
    print('after release:', result, 'locked:', cond.locked())

    print('t1:', t1.done(), t1.result())
    print('t2:', t2.done(), t2.result())
    print('t3:', t3.done(), t3.result())


asyncio.run(main())
