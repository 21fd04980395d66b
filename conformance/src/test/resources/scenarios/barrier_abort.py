# test_locks.py BarrierTests.test_abort_barrier,
# test_abort_barrier_when_tasks_half_draining_half_blocking and
# test_abort_barrier_when_exception: abort() breaks the barrier for everyone.
import asyncio


async def main():
    barrier = asyncio.Barrier(1)
    asyncio.create_task(barrier.abort())
    await asyncio.sleep(0)
    print('n_waiting:', barrier.n_waiting, 'broken:', barrier.broken)

    n = 5
    barrier = asyncio.Barrier(n)
    results1 = []
    results2 = []
    blocking_tasks = n // 2
    count = 0

    async def coro(k):
        nonlocal count
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            results1.append(k)
        else:
            count += 1
            if count > blocking_tasks:
                print(k, 'aborts')
                await barrier.abort()
            else:
                try:
                    await barrier.wait()
                except asyncio.BrokenBarrierError:
                    results2.append(k)

    await asyncio.gather(*[coro(k) for k in range(n)])
    print('broken:', barrier.broken)
    print('results1:', results1)
    print('results2:', results2)
    print('n_waiting:', barrier.n_waiting)

    # test_abort_barrier_when_exception
    barrier = asyncio.Barrier(n)
    results1 = []
    results2 = []

    async def coro2(k):
        try:
            async with barrier as i:
                if i == n // 2:
                    raise RuntimeError('index %d' % i)
            async with barrier:
                results1.append(k)
        except asyncio.BrokenBarrierError:
            results2.append(k)
        except RuntimeError as e:
            print(k, 'raised', repr(e), 'and aborts')
            await barrier.abort()

    await asyncio.gather(*[coro2(k) for k in range(n)])
    print('broken:', barrier.broken)
    print('results1:', results1)
    print('results2:', results2)


asyncio.run(main())
