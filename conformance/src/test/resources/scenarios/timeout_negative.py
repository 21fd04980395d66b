# asyncio.timeout(t < 0) and timeout_at(a time past) behave as timeout(0): the block runs to
# its first suspension; a nested expired timeout is caught inside an outer one that goes on.
import asyncio
import math


def tenths(seconds):
    # elapsed time in whole tenths, rounded down: the real clock runs late under load
    return math.floor(seconds * 10 + 1e-6) / 10


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def steps(name, n):
        for i in range(n):
            print(name, 'step', i, 'at', tenths(loop.time() - start))
            await asyncio.sleep(0.1)
        return name

    try:
        async with asyncio.timeout(-1):
            await steps('neg', 3)
    except TimeoutError as e:
        print('timeout(-1):', repr(e), 'at', tenths(loop.time() - start))

    try:
        async with asyncio.timeout_at(loop.time() - 5):
            await steps('past', 3)
    except TimeoutError as e:
        print('timeout_at(past):', repr(e))

    async def inner():
        try:
            async with asyncio.timeout(-0.5):
                await steps('inner', 2)
        except TimeoutError:
            print('inner timed out at', tenths(loop.time() - start))
        return await steps('after', 2)

    async with asyncio.timeout(10):
        r = await inner()
    print('outer result:', r, 'at', tenths(loop.time() - start))


asyncio.run(main())
