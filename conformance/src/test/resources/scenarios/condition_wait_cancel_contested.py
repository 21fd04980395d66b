# test_locks.py ConditionTests.test_wait_cancel_contested: notified, then cancelled while
# re-acquiring a contested lock: wait() must not raise CancelledError, since the
# notification was consumed; the task ends holding the lock.
import asyncio


async def main():
    cond = asyncio.Condition()

    await cond.acquire()
    print('locked:', cond.locked())

    async def wait():
        await cond.wait()
        print('wait() returned, locked:', cond.locked())

    wait_task = asyncio.create_task(wait())
    await asyncio.sleep(0)
    print('locked while waiting:', cond.locked())

    await cond.acquire()
    print('locked:', cond.locked())
    cond.notify()
    asyncio.get_running_loop().call_soon(wait_task.cancel)
    asyncio.get_running_loop().call_soon(cond.release)

    try:
        await wait_task
        print('wait_task finished normally')
    except asyncio.CancelledError:
        print('wait_task raised CancelledError')

    print('locked:', cond.locked())
    print('wait_task cancelled:', wait_task.cancelled())


asyncio.run(main())
