"""Twin of BarrierTest: CPython 3.13's test_locks.BarrierTests, printing what the Java test
checks (N = 5 as in CPython's setUp unless a test sets it).

Run: PYENV_VERSION=3.13.0 python3 barrier.py > barrier.txt
"""
import asyncio
import re

N = 5


def state(barrier):
    """'filling, waiters:2/5' from the repr: the Java test prints the same from toString()."""
    return re.search(r'\[(.*)\]>$', repr(barrier)).group(1)


async def gather_tasks(n, coro):
    tasks = [asyncio.create_task(coro(i)) for i in range(n)]
    res = await asyncio.gather(*tasks)
    return res, tasks


async def test_barrier_parties():
    for parties in (0, -4):
        try:
            asyncio.Barrier(parties)
        except ValueError as e:
            print("ValueError", e)
    b = asyncio.Barrier(N)
    print("parties", b.parties, "n_waiting", b.n_waiting, "broken", b.broken, state(b))


async def test_repr():
    barrier = asyncio.Barrier(N)
    print(state(barrier))
    waiters = []

    async def wait(barrier):
        await barrier.wait()

    for i in range(2):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    print(state(barrier))
    for i in range(barrier.parties - barrier.n_waiting):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    print(state(barrier))
    for i in range(2):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    await barrier.reset()
    print(state(barrier))
    for i in range(2):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    await barrier.abort()
    print(state(barrier), "broken", barrier.broken)
    res = await asyncio.gather(*waiters, return_exceptions=True)
    print([type(r).__name__ for r in res])


async def test_context_manager():
    n = 3
    barrier = asyncio.Barrier(n)
    results = []

    async def coro(i):
        async with barrier as index:
            print("task", i, "index", index)
            results.append(index)

    await gather_tasks(n, coro)
    print(sorted(results), "n_waiting", barrier.n_waiting, "broken", barrier.broken)


async def test_filling_one_task():
    barrier = asyncio.Barrier(1)

    async def f():
        async with barrier as i:
            print("index", i)
            return True

    print("ret", await f(), "n_waiting", barrier.n_waiting, "broken", barrier.broken)


async def test_filling_one_task_twice():
    barrier = asyncio.Barrier(1)
    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("n_waiting", barrier.n_waiting)
    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("results", t1.result(), t2.result(), "done", t1.done(), t2.done())
    print("n_waiting", barrier.n_waiting, "broken", barrier.broken)


async def test_filling_task_by_task():
    n = 3
    barrier = asyncio.Barrier(n)
    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("n_waiting", barrier.n_waiting, state(barrier))
    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("n_waiting", barrier.n_waiting, state(barrier))
    t3 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("n_waiting", barrier.n_waiting, state(barrier))
    await asyncio.wait([t1, t2, t3])
    print("results", [t.result() for t in (t1, t2, t3)])
    print("n_waiting", barrier.n_waiting, "broken", barrier.broken, state(barrier))


async def test_filling_tasks_wait_twice():
    barrier = asyncio.Barrier(N)
    results = []

    async def coro(i):
        async with barrier:
            results.append(True)
            async with barrier:
                results.append(False)

    await gather_tasks(N, coro)
    print("results", len(results), results.count(True), results.count(False))
    print(results)
    print("n_waiting", barrier.n_waiting, "broken", barrier.broken)


async def test_filling_tasks_check_return_value():
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro(i):
        async with barrier as first:
            results1.append(first)
            async with barrier as second:
                results2.append(second)
                return second

    res, _ = await gather_tasks(N, coro)
    print("first", results1)
    print("second", results2)
    print("returned", res)
    print("n_waiting", barrier.n_waiting, "broken", barrier.broken)


async def test_draining_state():
    barrier = asyncio.Barrier(N)
    results = []

    async def coro(i):
        async with barrier:
            results.append("draining" in repr(barrier))
            print("task", i, state(barrier))

    await gather_tasks(N, coro)
    print(results)
    print("n_waiting", barrier.n_waiting, "broken", barrier.broken)


async def test_blocking_tasks_while_draining():
    rewait = 2
    barrier = asyncio.Barrier(N)
    barrier_nowaiting = asyncio.Barrier(N - rewait)
    rewait_n = rewait

    async def coro(i):
        nonlocal rewait_n
        first = await barrier.wait()
        print("task", i, "passed first", first)
        if rewait_n > 0:
            rewait_n -= 1
            second = await barrier.wait()
            print("task", i, "rewaited", second)
        else:
            nw = await barrier_nowaiting.wait()
            print("task", i, "passed nowaiting", nw)
            second = await barrier.wait()
            print("task", i, "passed second", second)

    await gather_tasks(N, coro)
    print("n_waiting", barrier.n_waiting, barrier_nowaiting.n_waiting)


async def test_filling_tasks_cancel_one():
    n = 3
    barrier = asyncio.Barrier(n)
    results = []

    async def coro():
        await barrier.wait()
        results.append(True)

    t1 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print("n_waiting", barrier.n_waiting)
    t2 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print("n_waiting", barrier.n_waiting)
    t1.cancel()
    await asyncio.sleep(0)
    print("n_waiting", barrier.n_waiting)
    try:
        await t1
    except asyncio.CancelledError:
        print("t1 cancelled", t1.cancelled())
    t3 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print("n_waiting", barrier.n_waiting)
    t4 = asyncio.create_task(coro())
    await asyncio.gather(t2, t3, t4)
    print("results", results, "n_waiting", barrier.n_waiting, "broken", barrier.broken)


async def test_reset_barrier():
    barrier = asyncio.Barrier(1)
    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    print("n_waiting", barrier.n_waiting, "broken", barrier.broken, state(barrier))


async def test_reset_barrier_while_tasks_waiting():
    barrier = asyncio.Barrier(N)
    results = []

    async def coro(i):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            print("task", i, "BrokenBarrierError", e)
            results.append(True)

    async def coro_reset():
        await barrier.reset()
        print("reset done", state(barrier))

    tasks = [asyncio.create_task(coro(i)) for i in range(N - 1)]
    await asyncio.sleep(0)
    print(state(barrier))
    asyncio.create_task(coro_reset())
    await asyncio.gather(*tasks)
    print("results", results, "n_waiting", barrier.n_waiting, state(barrier), "broken", barrier.broken)


async def test_reset_barrier_when_tasks_half_draining():
    barrier = asyncio.Barrier(N)
    results1 = []
    rest_of_tasks = N // 2

    async def coro(i):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            print("task", i, "broken")
            results1.append(True)
        else:
            print("task", i, "passed, count", barrier._count)
            if rest_of_tasks == barrier._count:
                print("task", i, "resets")
                await barrier.reset()

    await gather_tasks(N, coro)
    print("results1", results1, "n_waiting", barrier.n_waiting, state(barrier), "broken", barrier.broken)


async def test_reset_barrier_when_tasks_half_draining_half_blocking():
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []
    blocking_tasks = N // 2
    count = 0

    async def coro(i):
        nonlocal count
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            print("task", i, "broken, waits again")
            results1.append(True)
            await barrier.wait()
            print("task", i, "passed again")
        else:
            count += 1
            if count > blocking_tasks:
                print("task", i, "resets")
                await barrier.reset()
                await barrier.wait()
                print("task", i, "passed after reset")
            else:
                try:
                    await barrier.wait()
                    print("task", i, "passed second")
                except asyncio.BrokenBarrierError:
                    results2.append(True)

    await gather_tasks(N, coro)
    print("results1", results1, "results2", results2)
    print("n_waiting", barrier.n_waiting, state(barrier), "broken", barrier.broken)


async def test_reset_barrier_while_tasks_waiting_and_waiting_again():
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro1(i):
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            print("task", i, "broken")
            results1.append(True)
        finally:
            await barrier.wait()
            print("task", i, "passed in finally")
            results2.append(True)

    async def coro2():
        async with barrier:
            print("coro2 passed")
            results2.append(True)

    tasks = [asyncio.create_task(coro1(i)) for i in range(N - 1)]
    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    print(state(barrier))
    asyncio.create_task(coro2())
    await asyncio.gather(*tasks)
    print("broken", barrier.broken, "results1", len(results1), "results2", len(results2),
          "n_waiting", barrier.n_waiting)


async def test_reset_barrier_while_tasks_draining():
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []
    results3 = []
    count = 0

    async def coro(i):
        nonlocal count
        await barrier.wait()
        count += 1
        if count == N:
            print("task", i, "last out, resets")
            await barrier.reset()
            await barrier.wait()
        else:
            try:
                await barrier.wait()
                results1.append(True)
            except Exception as e:
                print("task", i, "unexpected", type(e).__name__)
                results2.append(True)
        k = await barrier.wait()
        print("task", i, "last wait index", k)
        results3.append(True)

    await gather_tasks(N, coro)
    print("broken", barrier.broken, "results", len(results1), len(results2), len(results3),
          "n_waiting", barrier.n_waiting)


async def test_abort_barrier():
    barrier = asyncio.Barrier(1)
    asyncio.create_task(barrier.abort())
    await asyncio.sleep(0)
    print("n_waiting", barrier.n_waiting, "broken", barrier.broken, state(barrier))
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError", e)


async def test_abort_barrier_when_tasks_half_draining_half_blocking():
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []
    blocking_tasks = N // 2
    count = 0

    async def coro(i):
        nonlocal count
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            print("task", i, "broken at first wait:", e)
            results1.append(True)
        else:
            count += 1
            if count > blocking_tasks:
                print("task", i, "aborts")
                await barrier.abort()
            else:
                try:
                    await barrier.wait()
                except asyncio.BrokenBarrierError as e:
                    print("task", i, "broken at second wait:", e)
                    results2.append(True)

    await gather_tasks(N, coro)
    print("broken", barrier.broken, "results1", results1, "results2", results2,
          "n_waiting", barrier.n_waiting, state(barrier))


async def test_abort_barrier_when_exception():
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro(i):
        try:
            async with barrier as index:
                if index == N // 2:
                    raise RuntimeError
            async with barrier:
                results1.append(True)
        except asyncio.BrokenBarrierError:
            print("task", i, "broken")
            results2.append(True)
        except RuntimeError:
            print("task", i, "raised, aborts")
            await barrier.abort()

    await gather_tasks(N, coro)
    print("broken", barrier.broken, "results1", len(results1), "results2", len(results2),
          "n_waiting", barrier.n_waiting)


async def test_abort_barrier_when_exception_then_resetting():
    barrier1 = asyncio.Barrier(N)
    barrier2 = asyncio.Barrier(N)
    results1 = []
    results2 = []
    results3 = []

    async def coro(t):
        try:
            i = await barrier1.wait()
            if i == N // 2:
                raise RuntimeError
            await barrier1.wait()
            results1.append(True)
        except asyncio.BrokenBarrierError:
            results2.append(True)
        except RuntimeError:
            print("task", t, "raised, aborts")
            await barrier1.abort()
        i = await barrier2.wait()
        if i == N // 2:
            print("task", t, "resets barrier1")
            await barrier1.reset()
        await barrier2.wait()
        await barrier1.wait()
        results3.append(True)

    await gather_tasks(N, coro)
    print("broken", barrier1.broken, "results", len(results1), len(results2), len(results3),
          "n_waiting", barrier1.n_waiting)


def main():
    for test in (test_barrier_parties, test_repr, test_context_manager, test_filling_one_task,
                 test_filling_one_task_twice, test_filling_task_by_task,
                 test_filling_tasks_wait_twice, test_filling_tasks_check_return_value,
                 test_draining_state, test_blocking_tasks_while_draining,
                 test_filling_tasks_cancel_one, test_reset_barrier,
                 test_reset_barrier_while_tasks_waiting,
                 test_reset_barrier_when_tasks_half_draining,
                 test_reset_barrier_when_tasks_half_draining_half_blocking,
                 test_reset_barrier_while_tasks_waiting_and_waiting_again,
                 test_reset_barrier_while_tasks_draining, test_abort_barrier,
                 test_abort_barrier_when_tasks_half_draining_half_blocking,
                 test_abort_barrier_when_exception,
                 test_abort_barrier_when_exception_then_resetting):
        print(f"== {test.__name__}")
        asyncio.run(test())


main()
