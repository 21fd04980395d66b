# test_locks.py ConditionTests.test_wait_cancel: a waiter cancelled while waiting gets the
# lock back before CancelledError leaves wait().
import asyncio


async def main():
    cond = asyncio.Condition()
    await cond.acquire()

    async def wait():
        try:
            await cond.wait()
        finally:
            print('wait() left, locked:', cond.locked())

    task = asyncio.create_task(wait())
    asyncio.get_running_loop().call_soon(task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        print('await task raised CancelledError')
    print('locked:', cond.locked())
    cond.notify()
    print('notify with no waiters is fine')


asyncio.run(main())
