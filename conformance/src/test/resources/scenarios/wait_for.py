# wait_for: the result when in time; TimeoutError (and the inner awaitable cancelled) when
# late; a timeout of 0 on a pending awaitable; cancelling the waiter cancels the inner one.
import asyncio
import math


def tenths(seconds):
    # elapsed time in whole tenths, rounded down: the real clock runs late under load
    return math.floor(seconds * 10 + 1e-6) / 10


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def work(name, delay):
        try:
            await asyncio.sleep(delay)
            print(name, 'finished at', tenths(loop.time() - start))
            return name
        except asyncio.CancelledError:
            print(name, 'cancelled at', tenths(loop.time() - start))
            raise

    print('in time:', await asyncio.wait_for(work('a', 0.1), 0.5))
    try:
        await asyncio.wait_for(work('b', 1.0), 0.2)
    except TimeoutError as e:
        print('late:', repr(e), 'at', tenths(loop.time() - start))

    t = asyncio.create_task(work('c', 0.5))
    try:
        await asyncio.wait_for(t, 0)
    except TimeoutError as e:
        print('zero timeout:', repr(e), 'c cancelled:', t.cancelled())

    fut = loop.create_future()
    fut.set_result('ready')
    print('done future, zero timeout:', await asyncio.wait_for(fut, 0))

    async def outer():
        return await asyncio.wait_for(work('d', 1.0), 0.5)

    o = asyncio.create_task(outer())
    await asyncio.sleep(0.1)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print('outer cancelled:', o.cancelled(), 'at', tenths(loop.time() - start))


asyncio.run(main())
