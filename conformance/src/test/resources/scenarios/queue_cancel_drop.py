# test_queues.py QueuePutTests.test_get_cancel_drop_one_pending_reader,
# test_get_cancel_drop_many_pending_readers, test_put_cancel_drop,
# test_cancelled_put_silence_value_error_exception: cancelling a woken getter or putter
# drops no item.
import asyncio


async def main():
    q = asyncio.Queue()
    reader = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    reader.cancel()
    try:
        await reader
    except asyncio.CancelledError:
        print('reader cancelled, trying again')
        reader = asyncio.create_task(q.get())
        await reader
    print('reader got:', reader.result())

    q = asyncio.Queue()
    reader1 = asyncio.create_task(q.get())
    reader2 = asyncio.create_task(q.get())
    reader3 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    reader1.cancel()
    try:
        await reader1
    except asyncio.CancelledError:
        print('reader1 cancelled')
    await reader3
    await reader2
    print('reader2 got:', reader2.result(), 'reader3 got:', reader3.result())

    q = asyncio.Queue(1)
    q.put_nowait(1)
    writer = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print('get_nowait:', q.get_nowait())
    writer.cancel()
    try:
        await writer
        print('writer finished')
    except asyncio.CancelledError:
        print('writer cancelled, trying again')
        writer = asyncio.create_task(q.put(2))
        await writer
    print('get_nowait:', q.get_nowait(), 'qsize:', q.qsize())


asyncio.run(main())
