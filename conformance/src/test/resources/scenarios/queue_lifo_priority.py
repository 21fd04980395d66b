# test_queues.py LifoQueueTests.test_order and PriorityQueueTests.test_order, plus a blocked
# getter woken by a put on each.
import asyncio


async def main():
    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls()
        for i in [1, 3, 2, 5, 4]:
            await q.put(i)
        items = []
        for _ in range(5):
            items.append(await q.get())
        print(cls.__name__, items)

        getter = asyncio.create_task(q.get())
        await asyncio.sleep(0)
        q.put_nowait(7)
        q.put_nowait(6)
        print(cls.__name__, 'getter got', await getter, 'left', q.get_nowait())


asyncio.run(main())
