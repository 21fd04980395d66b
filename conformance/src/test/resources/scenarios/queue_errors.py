# test_queues.py test_nonblocking_get_exception, test_nonblocking_put_exception,
# test_task_done_underflow, test_join_empty_queue: errors and their messages.
import asyncio


async def main():
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print('caught', repr(e))
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        print('caught', repr(e))
    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls()
        try:
            q.task_done()
        except ValueError as e:
            print(cls.__name__, 'ValueError:', e)
        await q.join()
        await q.join()
        print(cls.__name__, 'joined twice')


asyncio.run(main())
