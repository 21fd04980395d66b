# test_locks.py BarrierTests.test_reset_barrier, test_reset_barrier_while_tasks_waiting and
# test_reset_barrier_while_tasks_waiting_and_waiting_again: waiters get BrokenBarrierError,
# then the barrier is usable again.
import asyncio


async def main():
    barrier = asyncio.Barrier(1)
    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    print('n_waiting:', barrier.n_waiting, 'broken:', barrier.broken)

    barrier = asyncio.Barrier(5)
    results1 = []
    results2 = []

    async def coro1(n):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            results1.append(n)
            print(n, 'caught', repr(e))
        finally:
            await barrier.wait()
            results2.append(n)

    async def coro2():
        async with barrier:
            results2.append('last')

    tasks = [asyncio.create_task(coro1(n)) for n in range(4)]
    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    print('n_waiting after reset:', barrier.n_waiting)

    asyncio.create_task(coro2())
    await asyncio.gather(*tasks)
    print('results1:', results1)
    print('results2:', results2)
    print('n_waiting:', barrier.n_waiting, 'broken:', barrier.broken)


asyncio.run(main())
