# test_locks.py ConditionTests.test_notify and test_notify_all: notify(1), notify(2048) and
# notify_all() wake waiters in FIFO order.
import asyncio


async def main():
    cond = asyncio.Condition()
    result = []

    async def c(n):
        await cond.acquire()
        await cond.wait()
        result.append(n)
        cond.release()
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))

    await asyncio.sleep(0)
    print('after start:', result)

    await cond.acquire()
    cond.notify(1)
    cond.release()
    await asyncio.sleep(0)
    print('after notify(1):', result)

    await cond.acquire()
    cond.notify(1)
    cond.notify(2048)
    cond.release()
    await asyncio.sleep(0)
    print('after notify(1), notify(2048):', result)
    print('done:', t1.done(), t2.done(), t3.done())

    result.clear()
    t4 = asyncio.create_task(c(4))
    t5 = asyncio.create_task(c(5))
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify_all()
    cond.release()
    await asyncio.sleep(0)
    print('after notify_all:', result)
    print('done:', t4.done(), t5.done())


asyncio.run(main())
