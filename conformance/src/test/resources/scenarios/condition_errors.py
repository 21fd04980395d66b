# test_locks.py ConditionTests.test_wait_unacquired, test_notify_unacquired,
# test_notify_all_unacquired, test_explicit_lock: messages and a shared lock.
import asyncio


async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print('wait: RuntimeError:', e)
    try:
        cond.notify()
    except RuntimeError as e:
        print('notify: RuntimeError:', e)
    try:
        cond.notify_all()
    except RuntimeError as e:
        print('notify_all: RuntimeError:', e)
    try:
        cond.release()
    except RuntimeError as e:
        print('release: RuntimeError:', e)

    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    print('lock:', lock.locked(), 'cond:', cond.locked())
    async with cond:
        print('in cond: lock:', lock.locked(), 'cond:', cond.locked())
    print('lock:', lock.locked(), 'cond:', cond.locked())
    async with lock:
        print('in lock: lock:', lock.locked(), 'cond:', cond.locked())
    print('lock:', lock.locked(), 'cond:', cond.locked())


asyncio.run(main())
