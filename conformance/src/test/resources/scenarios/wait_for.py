# wait_for: the result when in time; TimeoutError (and the inner awaitable cancelled) when
# late; a timeout of 0 on a pending awaitable; cancelling the waiter cancels the inner one.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def work(name, delay):
        try:
            await asyncio.sleep(delay)
            print(name, 'finished at', round(loop.time() - start, 1))
            return name
        except asyncio.CancelledError:
            print(name, 'cancelled at', round(loop.time() - start, 1))
            raise

    print('in time:', await asyncio.wait_for(work('a', 0.1), 0.5))
    try:
        await asyncio.wait_for(work('b', 1.0), 0.2)
    except TimeoutError as e:
        print('late:', repr(e), 'at', round(loop.time() - start, 1))

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
        print('outer cancelled:', o.cancelled(), 'at', round(loop.time() - start, 1))


asyncio.run(main())
