# asyncio.timeout(0): the deadline has passed, yet the block runs to its first suspension,
# where the cancellation reaches it and comes out as TimeoutError; wait_for(aw, 0) instead
# cancels the awaitable before it runs. A block that never suspends completes.
import asyncio


async def main():
    async def body(name):
        print(name, 'starts')
        try:
            await asyncio.sleep(0)
            print(name, 'resumed')
        except asyncio.CancelledError as e:
            print(name, 'cancelled:', repr(e))
            raise
        return name

    try:
        async with asyncio.timeout(0):
            await body('a')
    except TimeoutError as e:
        print('timeout(0):', repr(e), 'cause:', repr(e.__cause__))
    print('cancelling after the timeout:', asyncio.current_task().cancelling())

    try:
        await asyncio.wait_for(body('b'), 0)
    except TimeoutError as e:
        print('wait_for(b, 0):', repr(e))

    async def quick():
        print('quick runs')
        return 'quick result'

    async with asyncio.timeout(0):
        r = await quick()
    print('no suspension:', r)

    async def swallow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print('swallow caught the cancellation')
        return 'swallowed'

    async with asyncio.timeout(0):
        r = await swallow()
    print('a swallowed cancellation returns:', r)
    print('cancelling at the end:', asyncio.current_task().cancelling())


asyncio.run(main())
