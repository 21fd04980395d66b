# test_locks.py SemaphoreTests.test_semaphore_value, test_release_not_acquired,
# test_initial_value_zero, test_release_no_waiters: messages and states.
import asyncio


async def main():
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print('ValueError:', e)
    print('Semaphore(0) locked:', asyncio.Semaphore(0).locked())

    sem = asyncio.BoundedSemaphore()
    try:
        sem.release()
    except ValueError as e:
        print('ValueError:', e)
    await sem.acquire()
    print('locked:', sem.locked())
    sem.release()
    print('locked:', sem.locked())

    sem = asyncio.Semaphore()
    sem.release()
    sem.release()
    print('plain semaphore released twice extra, locked:', sem.locked())
    await sem.acquire()
    await sem.acquire()
    await sem.acquire()
    print('after three acquires, locked:', sem.locked())


asyncio.run(main())
