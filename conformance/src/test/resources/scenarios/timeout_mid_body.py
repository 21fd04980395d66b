# A deadline that passes in the middle of the block: the await it is suspended at raises
# CancelledError, cleanup (even one that awaits) runs, and TimeoutError comes out at the
# deadline; a cancellation from someone else inside a timeout stays a CancelledError.
import asyncio
import math


def tenths(seconds):
    # elapsed time in whole tenths, rounded down: the real clock runs late under load
    return math.floor(seconds * 10 + 1e-6) / 10


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def steps(name, n):
        try:
            for i in range(n):
                print(name, 'step', i, 'at', tenths(loop.time() - start))
                await asyncio.sleep(0.1)
            return name
        except asyncio.CancelledError:
            print(name, 'cancelled at', tenths(loop.time() - start))
            raise
        finally:
            await asyncio.sleep(0.05)
            print(name, 'cleaned up at', tenths(loop.time() - start))

    try:
        async with asyncio.timeout(0.25):
            await steps('a', 5)
    except TimeoutError as e:
        print('a:', repr(e), 'cause:', repr(e.__cause__), 'at', tenths(loop.time() - start))

    print('in time:', await steps_in_timeout(steps, 0.5))

    try:
        async with asyncio.timeout_at(loop.time() + 0.15):
            await steps('b', 5)
    except TimeoutError as e:
        print('b:', repr(e), 'at', tenths(loop.time() - start))

    async def guarded():
        try:
            async with asyncio.timeout(1):
                await steps('c', 5)
        except TimeoutError:
            print('c: TimeoutError (wrong)')
        except asyncio.CancelledError as e:
            print('c:', repr(e), 'at', tenths(loop.time() - start))
            raise

    t = asyncio.create_task(guarded())
    await asyncio.sleep(0.25)
    t.cancel('from main')
    try:
        await t
    except asyncio.CancelledError:
        print('c task cancelled:', t.cancelled())


async def steps_in_timeout(steps, delay):
    async with asyncio.timeout(delay):
        return await steps('quick', 2)


asyncio.run(main())
