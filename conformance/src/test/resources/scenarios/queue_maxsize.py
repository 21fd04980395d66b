# test_queues.py QueueBasicTests.test_maxsize, test_order, test_empty, test_full: a putter
# blocks on a full queue and resumes one step after a get.
import asyncio


async def main():
    q = asyncio.Queue(maxsize=2)
    print('maxsize:', q.maxsize, 'empty:', q.empty(), 'full:', q.full())
    have_been_put = []

    async def putter():
        for i in range(3):
            await q.put(i)
            have_been_put.append(i)
        return True

    t = asyncio.create_task(putter())
    for i in range(2):
        await asyncio.sleep(0)

    print('put so far:', have_been_put, 'full:', q.full())
    print('get:', await q.get())

    await asyncio.sleep(0)
    print('put so far:', have_been_put)
    print('get:', await q.get())
    print('get:', await q.get())
    print('t:', t.done(), t.result(), 'empty:', q.empty())

    q = asyncio.Queue()
    for i in [1, 3, 2]:
        await q.put(i)
    items = []
    for _ in range(3):
        items.append(await q.get())
    print('fifo order:', items)


asyncio.run(main())
