"""Twin of SemaphoreTest: CPython 3.13's test_locks.SemaphoreTests, printing what the Java
test checks. (TaskGroup in the fifo-order test becomes create_task + gather, as in the port.)

Run: PYENV_VERSION=3.13.0 python3 semaphore.py > semaphore.txt
"""
import asyncio


async def test_initial_value_zero():
    sem = asyncio.Semaphore(0)
    print("locked", sem.locked())


async def test_semaphore():
    sem = asyncio.Semaphore()
    print("value", sem._value, "locked", sem.locked())


async def test_semaphore_value():
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError", e)
    try:
        asyncio.BoundedSemaphore(-1)
    except ValueError as e:
        print("ValueError", e)


async def test_acquire():
    sem = asyncio.Semaphore(3)
    result = []
    print("acquire", await sem.acquire())
    print("acquire", await sem.acquire())
    print("locked", sem.locked())

    async def c(n):
        await sem.acquire()
        result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))
    await asyncio.sleep(0)
    print("after sleep", result, "locked", sem.locked(), "waiters", len(sem._waiters), "value", sem._value)
    t4 = asyncio.create_task(c(4))
    sem.release()
    sem.release()
    print("after 2 releases, value", sem._value)
    await asyncio.sleep(0)
    print("after sleep", result, "locked", sem.locked(), "waiters", len(sem._waiters), "value", sem._value)
    print("t1", t1.done(), t1.result())
    print("race done", [t.done() for t in (t2, t3, t4)])
    sem.release()
    await asyncio.gather(t2, t3, t4)
    print("after gather", result, "value", sem._value)


async def test_acquire_cancel():
    sem = asyncio.Semaphore()
    await sem.acquire()
    acquire = asyncio.create_task(sem.acquire())
    asyncio.get_running_loop().call_soon(acquire.cancel)
    try:
        await acquire
        print("not cancelled")
    except asyncio.CancelledError:
        print("cancelled")
    print("waiters", len(sem._waiters), "value", sem._value)


async def test_acquire_cancel_before_awoken():
    sem = asyncio.Semaphore(value=0)
    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    t3 = asyncio.create_task(sem.acquire())
    t4 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    t2.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("done", [t.done() for t in (t1, t2, t3, t4)], "value", sem._value)
    t3.cancel()
    t4.cancel()
    await asyncio.sleep(0)
    print("cancelled", [t.cancelled() for t in (t1, t2, t3, t4)], "value", sem._value,
          "waiters", len(sem._waiters))


async def test_acquire_hang():
    sem = asyncio.Semaphore(value=0)
    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("locked", sem.locked(), "t2 done", t2.done(), "value", sem._value)


async def test_acquire_no_hang():
    sem = asyncio.Semaphore(1)

    async def c1():
        async with sem:
            print("c1 in")
            await asyncio.sleep(0)
        print("c1 out, cancelling t2")
        t2.cancel()

    async def c2():
        async with sem:
            print("c2 in: must not happen")

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    r1, r2 = await asyncio.gather(t1, t2, return_exceptions=True)
    print("r1", r1, "r2 cancelled", isinstance(r2, asyncio.CancelledError))
    print("locked", sem.locked(), "value", sem._value)
    print("acquire", await asyncio.wait_for(sem.acquire(), timeout=1.0))


async def test_release_not_acquired():
    sem = asyncio.BoundedSemaphore()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError", e)
    print("value", sem._value)


async def test_bounded_release_too_many():
    sem = asyncio.BoundedSemaphore(2)
    await sem.acquire()
    await sem.acquire()
    sem.release()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError", e)
    print("value", sem._value, "locked", sem.locked())


async def test_release_no_waiters():
    sem = asyncio.Semaphore()
    await sem.acquire()
    print("locked", sem.locked())
    sem.release()
    print("locked", sem.locked())


async def test_acquire_fifo_order():
    sem = asyncio.Semaphore(1)
    result = []

    async def coro(tag):
        await sem.acquire()
        result.append(f'{tag}_1')
        await asyncio.sleep(0.01)
        sem.release()
        await sem.acquire()
        result.append(f'{tag}_2')
        await asyncio.sleep(0.01)
        sem.release()

    tasks = [asyncio.create_task(coro(tag)) for tag in ('c1', 'c2', 'c3')]
    await asyncio.gather(*tasks)
    print(result)


async def test_acquire_fifo_order_2():
    sem = asyncio.Semaphore(1)
    result = []

    async def c1():
        await sem.acquire()
        result.append(1)
        return True

    async def c2():
        await sem.acquire()
        result.append(2)
        sem.release()
        await sem.acquire()
        result.append(4)
        return True

    async def c3():
        await sem.acquire()
        result.append(3)
        return True

    tasks = [asyncio.create_task(c1()), asyncio.create_task(c2()), asyncio.create_task(c3())]
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    await asyncio.gather(*tasks)
    print(result)


async def test_acquire_fifo_order_3():
    sem = asyncio.Semaphore(0)
    result = []

    async def c(n):
        await sem.acquire()
        result.append(n)
        return True

    tasks = [asyncio.create_task(c(n)) for n in (1, 2, 3)]
    await asyncio.sleep(0)
    tasks[0].cancel()
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print(result, "first cancelled", isinstance(res[0], asyncio.CancelledError))


async def test_acquire_fifo_order_4():
    sem = asyncio.Semaphore(0)
    result = []
    t4 = None

    async def c1():
        nonlocal t4
        print("c1 value", sem._value)
        await sem.acquire()
        print("c1 acquired, value", sem._value)
        t4 = asyncio.create_task(c4())
        result.append(1)
        return True

    async def c2():
        sem.release()
        sem.release()
        sem.release()
        print("c2 released 3, value", sem._value, "locked", sem.locked())
        await sem.acquire()
        result.append(2)
        return True

    async def c3():
        await sem.acquire()
        print("c3 acquired, locked", sem.locked())
        result.append(3)
        return True

    async def c4():
        result.append(4)
        return True

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    t3 = asyncio.create_task(c3())
    await asyncio.sleep(0)
    print("value", sem._value, "waiters", len(sem._waiters))
    await asyncio.sleep(0)
    await asyncio.gather(t1, t2, t3, t4)
    print(result)


async def test_context_manager():
    sem = asyncio.Semaphore(2)
    async with sem:
        print("inside", sem.locked(), sem._value)
        async with sem:
            print("inside twice", sem.locked(), sem._value)
    print("after", sem.locked(), sem._value)


def main():
    for test in (test_initial_value_zero, test_semaphore, test_semaphore_value, test_acquire,
                 test_acquire_cancel, test_acquire_cancel_before_awoken, test_acquire_hang,
                 test_acquire_no_hang, test_release_not_acquired, test_bounded_release_too_many,
                 test_release_no_waiters, test_acquire_fifo_order, test_acquire_fifo_order_2,
                 test_acquire_fifo_order_3, test_acquire_fifo_order_4, test_context_manager):
        print(f"== {test.__name__}")
        asyncio.run(test())


main()
