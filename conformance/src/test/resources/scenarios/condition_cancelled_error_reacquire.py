# test_locks.py ConditionTests.test_cancelled_error_re_aquire: notified, then cancelled
# with a message while re-acquiring the lock; the same instance leaves the task.
import asyncio


async def main():
    wake = False
    raised = None
    cond = asyncio.Condition()

    async def func():
        nonlocal raised
        async with cond:
            try:
                await cond.wait_for(lambda: wake)
            except asyncio.CancelledError as err:
                print('inside:', repr(err), 'locked:', cond.locked())
                raised = err
                raise

    task = asyncio.create_task(func())
    await asyncio.sleep(0)
    await cond.acquire()
    wake = True
    cond.notify()
    await asyncio.sleep(0)
    task.cancel(msg='foo')
    cond.release()
    try:
        await task
    except asyncio.CancelledError as err:
        print('outside:', repr(err))
        print('same instance:', err is raised)
    print('locked:', cond.locked())


asyncio.run(main())
