# The twin of QueueConsumesExample: the consumer loop that @Consumes(value = "q", workers = 2)
# generates, written out (get an item, run the handler, task_done() even if it fails; a
# worker ends when get() raises QueueShutDown). `python3 queue-consumes.py` prints
# queue-consumes.txt (CPython 3.13).
import asyncio


async def handle(item):
    print('handling item', item)
    await asyncio.sleep(0.01 * item)
    print('done with item', item)


async def worker(q):
    while True:
        try:
            item = await q.get()
        except asyncio.QueueShutDown:
            return
        try:
            await handle(item)
        finally:
            q.task_done()


async def main():
    q = asyncio.Queue(2)
    workers = [asyncio.create_task(worker(q)) for _ in range(2)]
    for i in range(6):
        await q.put(i)
        print('producer: added task {} to the queue'.format(i))
    print('producer: waiting for queue to empty')
    await q.join()
    q.shutdown()
    await asyncio.wait(workers)
    print('producer: ending, workers done: {}'.format(all(w.done() for w in workers)))


asyncio.run(main())
