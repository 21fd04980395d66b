# test_queues.py QueueGetTests.test_get_with_waiting_putters and
# QueuePutTests.test_put_cancelled_race: putters blocked on a full queue are served in
# order; a cancelled one is skipped.
import asyncio


async def main():
    q = asyncio.Queue(maxsize=1)
    asyncio.create_task(q.put('a'))
    asyncio.create_task(q.put('b'))
    print('get:', await q.get())
    print('get:', await q.get())

    q = asyncio.Queue(maxsize=1)
    put_a = asyncio.create_task(q.put('a'))
    put_b = asyncio.create_task(q.put('b'))
    put_c = asyncio.create_task(q.put('X'))

    await asyncio.sleep(0)
    print('put_a done:', put_a.done(), 'put_b done:', put_b.done())

    put_c.cancel()
    await asyncio.sleep(0)
    print('put_c done:', put_c.done())
    print('get_nowait:', q.get_nowait())
    await asyncio.sleep(0)
    print('get_nowait:', q.get_nowait())

    await put_b
    print('qsize:', q.qsize())


asyncio.run(main())
