# test_locks.py ConditionTests.test_wait_cancel_after_notify (bpo-32841): notified, then
# cancelled while waiting for the lock: the cancellation wins once the lock is free.
import asyncio


async def main():
    waited = False
    cond = asyncio.Condition()

    async def wait_on_cond():
        nonlocal waited
        async with cond:
            waited = True
            await cond.wait()

    waiter = asyncio.create_task(wait_on_cond())
    await asyncio.sleep(0)

    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    cond.release()
    await asyncio.sleep(0)

    print('waiter cancelled:', waiter.cancelled())
    print('waited:', waited)
    print('locked:', cond.locked())


asyncio.run(main())
