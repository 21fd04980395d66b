# test_locks.py LockTests.test_release_not_acquired, test_release_no_waiters,
# test_context_manager: the error message, and async with releasing on every exit.
import asyncio


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError:', e)

    await lock.acquire()
    print('locked:', lock.locked())
    lock.release()
    print('locked:', lock.locked())

    async def guarded(fail):
        async with lock:
            print('inside, locked:', lock.locked())
            if fail:
                raise ValueError('boom')

    await guarded(False)
    print('after normal exit, locked:', lock.locked())
    try:
        await guarded(True)
    except ValueError as e:
        print('caught', repr(e))
    print('after exception, locked:', lock.locked())


asyncio.run(main())
