# test_locks.py LockTests.test_cancel_release_race (bpo-32734): four lockers, the first
# waiter cancelled in the same callback that releases the lock: exactly one more takes it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    lock_count = 0
    call_count = 0

    async def lockit(n):
        nonlocal lock_count, call_count
        call_count += 1
        print('lockit', n, 'waiting')
        await lock.acquire()
        lock_count += 1
        print('lockit', n, 'acquired')

    def trigger():
        print('trigger: cancel t1, release')
        t1.cancel()
        lock.release()

    await lock.acquire()

    t1 = asyncio.create_task(lockit(1))
    t2 = asyncio.create_task(lockit(2))
    t3 = asyncio.create_task(lockit(3))

    await asyncio.sleep(0)

    loop.call_soon(trigger)
    try:
        await t1
    except asyncio.CancelledError:
        print('t1 raised CancelledError')

    print('lock_count:', lock_count)
    print('call_count:', call_count)
    print('t1 cancelled:', t1.cancelled(), 't2 done:', t2.done())

    t3.cancel()
    await asyncio.sleep(0)
    print('t3 cancelled:', t3.cancelled())
    print('locked:', lock.locked())


asyncio.run(main())
