# test_locks.py LockTests.test_acquire_cancel: a waiter cancelled by a callback raises
# CancelledError and leaves the lock held by its owner, with no waiter left behind.
import asyncio


async def main():
    lock = asyncio.Lock()
    await lock.acquire()

    async def acquire():
        await lock.acquire()

    task = asyncio.create_task(acquire())
    asyncio.get_running_loop().call_soon(task.cancel)
    try:
        await task
    except asyncio.CancelledError as e:
        print('await task raised', repr(e))
    print('cancelled:', task.cancelled())
    print('locked:', lock.locked())
    lock.release()
    print('locked after release:', lock.locked())
    # the cancelled waiter is gone: the lock is free at once
    await lock.acquire()
    print('reacquired:', lock.locked())


asyncio.run(main())
