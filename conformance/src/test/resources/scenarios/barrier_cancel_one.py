# test_locks.py BarrierTests.test_filling_tasks_cancel_one: a cancelled waiter leaves the
# barrier; two more fill it.
import asyncio


async def main():
    barrier = asyncio.Barrier(3)
    results = []

    async def coro(name):
        await barrier.wait()
        results.append(name)

    t1 = asyncio.create_task(coro('t1'))
    await asyncio.sleep(0)
    print('n_waiting:', barrier.n_waiting)

    t2 = asyncio.create_task(coro('t2'))
    await asyncio.sleep(0)
    print('n_waiting:', barrier.n_waiting)

    t1.cancel()
    await asyncio.sleep(0)
    print('n_waiting after cancel:', barrier.n_waiting)
    try:
        await t1
    except asyncio.CancelledError:
        print('t1 raised CancelledError')
    print('t1 cancelled:', t1.cancelled())

    t3 = asyncio.create_task(coro('t3'))
    await asyncio.sleep(0)
    print('n_waiting:', barrier.n_waiting)

    t4 = asyncio.create_task(coro('t4'))
    await asyncio.gather(t2, t3, t4)
    print('results:', results)
    print('n_waiting:', barrier.n_waiting, 'broken:', barrier.broken)


asyncio.run(main())
