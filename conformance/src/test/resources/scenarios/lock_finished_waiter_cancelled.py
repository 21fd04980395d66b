# test_locks.py LockTests.test_finished_waiter_cancelled: the first waiter is woken by a
# release and cancelled before it runs; the lock passes to the second waiter.
import asyncio


async def main():
    lock = asyncio.Lock()

    async def acquire(name):
        try:
            await lock.acquire()
            print(name, 'acquired')
        except asyncio.CancelledError:
            print(name, 'cancelled')
            raise

    await lock.acquire()
    print('locked:', lock.locked())

    tb = asyncio.create_task(acquire('b'))
    await asyncio.sleep(0)

    tc = asyncio.create_task(acquire('c'))
    tb.cancel()
    lock.release()
    await asyncio.sleep(0)

    print('locked:', lock.locked())
    print('tb cancelled:', tb.cancelled())

    await tc
    print('tc done:', tc.done())


asyncio.run(main())
