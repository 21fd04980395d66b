# test_queues.py QueueGetTests.test_get_cancelled_race and test_put_with_waiting_getters:
# a cancelled getter does not take the item meant for the next one.
import asyncio


async def main():
    q = asyncio.Queue()

    t1 = asyncio.create_task(q.get())
    t2 = asyncio.create_task(q.get())

    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    print('t1 done:', t1.done(), 'cancelled:', t1.cancelled())
    await q.put('a')
    await asyncio.sleep(0)
    print('t2 got:', await t2)

    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    await q.put('b')
    print('t got:', await t)


asyncio.run(main())
