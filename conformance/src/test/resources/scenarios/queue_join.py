# test_queues.py _QueueJoinTestMixin.test_task_done: two workers, join() returns once every
# item is marked done; the workers are then stopped.
import asyncio


async def main():
    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls()
        for i in range(100):
            q.put_nowait(i)
        accumulator = 0
        running = True
        handled = [0, 0]

        async def worker(n):
            nonlocal accumulator
            while running:
                item = await q.get()
                accumulator += item
                handled[n] += 1
                q.task_done()

        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(worker(n)) for n in range(2)]
            await q.join()
            print(cls.__name__, 'sum:', accumulator, 'handled:', handled)
            running = False
            for i in range(len(tasks)):
                q.put_nowait(0)
        print(cls.__name__, 'workers done:', [t.done() for t in tasks])


asyncio.run(main())
