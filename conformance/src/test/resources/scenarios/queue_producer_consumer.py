# test_queues.py test_why_are_getters_waiting and test_why_are_putters_waiting: a producer
# and a consumer on a queue of size 1, and four putters on a queue of size 2 drained by a
# getter; the order in which they interleave.
import asyncio


async def main():
    q = asyncio.Queue(1)

    async def consumer(num_expected):
        for _ in range(num_expected):
            item = await q.get()
            print('consumer got', item)

    async def producer(num_items):
        for i in range(num_items):
            await q.put(i)
            print('producer put', i)

    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(5))
        tg.create_task(consumer(5))
    print('first part done')

    queue = asyncio.Queue(2)

    async def putter(item):
        await queue.put(item)
        print('put', item)

    async def getter():
        await asyncio.sleep(0)
        num = queue.qsize()
        print('getter sees', num)
        for _ in range(num):
            print('getter got', queue.get_nowait())

    async with asyncio.TaskGroup() as tg:
        tg.create_task(getter())
        tg.create_task(putter(0))
        tg.create_task(putter(1))
        tg.create_task(putter(2))
        tg.create_task(putter(3))
    print('qsize:', queue.qsize())


asyncio.run(main())
