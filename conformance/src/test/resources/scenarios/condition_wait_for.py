# test_locks.py ConditionTests.test_wait_for and test_wait_for_unacquired: the predicate is
# checked on every wake-up; wait_for returns its value; unacquired it raises.
import asyncio


async def main():
    cond = asyncio.Condition()
    presult = False
    checks = 0

    def predicate():
        nonlocal checks
        checks += 1
        return presult

    result = []

    async def c1():
        await cond.acquire()
        value = await cond.wait_for(predicate)
        result.append(value)
        cond.release()
        return True

    t = asyncio.create_task(c1())

    await asyncio.sleep(0)
    print('after start:', result, 'checks:', checks)

    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print('after notify, predicate false:', result, 'checks:', checks)

    presult = True
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print('after notify, predicate true:', result, 'checks:', checks)
    print('t:', t.done(), t.result())

    # unacquired: a predicate that is already true returns without the lock...
    print('wait_for true:', await cond.wait_for(lambda: True))
    # ...one that is false needs the lock
    try:
        await cond.wait_for(lambda: False)
    except RuntimeError as e:
        print('RuntimeError:', e)


asyncio.run(main())
