# test_locks.py BarrierTests.test_filling_task_by_task, test_filling_one_task_twice,
# test_filling_tasks_check_return_value: who waits, who passes, and the indices returned.
import asyncio


async def main():
    barrier = asyncio.Barrier(3)

    async def wait(name):
        i = await barrier.wait()
        print(name, 'passed with index', i)
        return i

    t1 = asyncio.create_task(wait('t1'))
    await asyncio.sleep(0)
    print('n_waiting:', barrier.n_waiting)

    t2 = asyncio.create_task(wait('t2'))
    await asyncio.sleep(0)
    print('n_waiting:', barrier.n_waiting)

    t3 = asyncio.create_task(wait('t3'))
    await asyncio.sleep(0)
    print('n_waiting:', barrier.n_waiting)

    await asyncio.wait([t1, t2, t3])
    print('results:', [t1.result(), t2.result(), t3.result()])
    print('n_waiting:', barrier.n_waiting, 'broken:', barrier.broken)

    # test_filling_one_task_twice
    barrier = asyncio.Barrier(1)
    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print('parties 1: n_waiting:', barrier.n_waiting)
    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print('parties 1: results:', t1.result(), t2.result())

    # test_filling_tasks_check_return_value, twice through the same barrier
    barrier = asyncio.Barrier(5)

    async def twice(n):
        first = await barrier.wait()
        second = await barrier.wait()
        return [n, first, second]

    res = await asyncio.gather(*[twice(n) for n in range(5)])
    print('twice:', res)
    print('n_waiting:', barrier.n_waiting, 'broken:', barrier.broken)


asyncio.run(main())
