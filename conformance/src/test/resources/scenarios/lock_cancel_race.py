# test_locks.py LockTests.test_cancel_race: A holds the lock, B and C wait; B is cancelled in
# the same step as A releases: the lock must pass to C, not get stuck on B's dead waiter.
import asyncio


async def main():
    lock = asyncio.Lock()

    async def lockit(name, blocker):
        print(name, 'acquiring')
        await lock.acquire()
        print(name, 'acquired')
        try:
            if blocker is not None:
                await blocker
        finally:
            print(name, 'releasing')
            lock.release()

    fa = asyncio.get_running_loop().create_future()
    ta = asyncio.create_task(lockit('A', fa))
    await asyncio.sleep(0)
    print('locked:', lock.locked())
    tb = asyncio.create_task(lockit('B', None))
    await asyncio.sleep(0)
    tc = asyncio.create_task(lockit('C', None))
    await asyncio.sleep(0)

    fa.set_result(None)
    tb.cancel()
    await asyncio.sleep(0)
    print('locked:', lock.locked())
    print('ta done:', ta.done())
    print('tb cancelled:', tb.cancelled())
    await tc
    print('tc done:', tc.done())
    print('locked:', lock.locked())


asyncio.run(main())
