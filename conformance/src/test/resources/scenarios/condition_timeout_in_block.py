# test_locks.py ConditionTests.test_timeout_in_block: wait_for(cond.wait(), 0.5) times out
# inside `async with cond`; the lock is held again when TimeoutError arrives.
import asyncio
import math


def tenths(seconds):
    # elapsed time in whole tenths, rounded down: the real clock runs late under load
    return math.floor(seconds * 10 + 1e-6) / 10


async def main():
    loop = asyncio.get_running_loop()
    condition = asyncio.Condition()
    start = loop.time()
    async with condition:
        try:
            await asyncio.wait_for(condition.wait(), timeout=0.5)
        except TimeoutError as e:
            print('caught', repr(e), 'after', tenths(loop.time() - start))
        print('locked:', condition.locked())
    print('locked:', condition.locked())


asyncio.run(main())
