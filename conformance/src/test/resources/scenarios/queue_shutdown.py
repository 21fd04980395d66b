# test_queues.py _QueueShutdownTestMixin.test_shutdown_empty and test_shutdown_nonempty:
# shutdown() wakes blocked getters and putters with QueueShutDown; items already queued can
# still be got; join() waits for them.
import asyncio


async def main():
    q = asyncio.Queue()
    get_task = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.shutdown(immediate=False)
    print('qsize:', q.qsize())
    await q.join()
    print('joined')
    await asyncio.sleep(0)
    print('get_task done:', get_task.done())
    try:
        await get_task
    except asyncio.QueueShutDown as e:
        print('get_task raised', repr(e))
    try:
        await q.put('data')
    except asyncio.QueueShutDown:
        print('put raised QueueShutDown')
    try:
        q.put_nowait('data')
    except asyncio.QueueShutDown:
        print('put_nowait raised QueueShutDown')
    try:
        await q.get()
    except asyncio.QueueShutDown:
        print('get raised QueueShutDown')
    try:
        q.get_nowait()
    except asyncio.QueueShutDown:
        print('get_nowait raised QueueShutDown')

    q = asyncio.Queue(maxsize=1)
    q.put_nowait('data')
    join_task = asyncio.create_task(q.join())
    put_task = asyncio.create_task(q.put('data2'))
    await asyncio.sleep(0)
    print('put_task done:', put_task.done())
    q.shutdown(immediate=False)
    print('qsize:', q.qsize())
    await asyncio.sleep(0)
    print('put_task done:', put_task.done())
    try:
        await put_task
    except asyncio.QueueShutDown:
        print('put_task raised QueueShutDown')
    print('get:', await q.get())
    await asyncio.sleep(0)
    print('join_task done:', join_task.done())
    try:
        await q.get()
    except asyncio.QueueShutDown:
        print('get raised QueueShutDown')
    q.task_done()
    await asyncio.sleep(0)
    print('join_task done:', join_task.done())
    await join_task
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError:', e)


asyncio.run(main())
