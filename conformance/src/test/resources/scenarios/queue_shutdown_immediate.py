# test_queues.py _QueueShutdownTestMixin.test_shutdown_immediate and
# test_shutdown_immediate_with_unfinished: shutdown(immediate=True) drops the items and
# their unfinished-task counts; join() returns once the taken ones are done.
import asyncio


async def main():
    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls()
        q.put_nowait('data')
        join_task = asyncio.create_task(q.join())
        q.shutdown(immediate=True)
        print(cls.__name__, 'qsize:', q.qsize())
        await asyncio.sleep(0)
        print(cls.__name__, 'join_task done:', join_task.done())
        await join_task
        try:
            q.task_done()
        except ValueError as e:
            print(cls.__name__, 'ValueError:', e)

        q = cls()
        q.put_nowait('data')
        q.put_nowait('data')
        join_task = asyncio.create_task(q.join())
        print(cls.__name__, 'get:', await q.get())
        q.shutdown(immediate=True)
        print(cls.__name__, 'qsize:', q.qsize())
        await asyncio.sleep(0)
        print(cls.__name__, 'join_task done:', join_task.done())
        try:
            await q.get()
        except asyncio.QueueShutDown:
            print(cls.__name__, 'get raised QueueShutDown')
        q.task_done()
        try:
            q.task_done()
        except ValueError as e:
            print(cls.__name__, 'ValueError:', e)
        await asyncio.sleep(0)
        print(cls.__name__, 'join_task done:', join_task.done())
        await join_task


asyncio.run(main())
