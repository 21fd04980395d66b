"""Twin of ConditionTest: CPython 3.13's test_locks.ConditionTests, printing what the Java
test checks.

Run: PYENV_VERSION=3.13.0 python3 condition.py > condition.txt
"""
import asyncio


async def test_wait():
    cond = asyncio.Condition()
    result = []

    async def c(n):
        await cond.acquire()
        if await cond.wait():
            result.append(n)
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))
    await asyncio.sleep(0)
    print("after sleep", result, cond.locked())
    print("acquire", await cond.acquire())
    cond.notify(1)
    await asyncio.sleep(0)
    print("notify(1)+sleep", result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    print("release+sleep", result, cond.locked())
    cond.notify(2)
    await asyncio.sleep(0)
    print("notify(2)+sleep", result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    print("release+sleep", result, cond.locked())
    cond.release()
    await asyncio.sleep(0)
    print("release+sleep", result, cond.locked())
    for t in (t1, t2, t3):
        print("task", t.done(), t.result())


async def test_wait_cancel():
    cond = asyncio.Condition()
    await cond.acquire()
    wait = asyncio.create_task(cond.wait())
    asyncio.get_running_loop().call_soon(wait.cancel)
    try:
        await wait
        print("not cancelled")
    except asyncio.CancelledError:
        print("cancelled")
    print("waiters", len(cond._waiters), "locked", cond.locked())


async def test_wait_cancel_contested():
    cond = asyncio.Condition()
    await cond.acquire()
    print("locked", cond.locked())
    wait_task = asyncio.create_task(cond.wait())
    await asyncio.sleep(0)
    print("locked", cond.locked())
    await cond.acquire()
    print("locked", cond.locked())
    cond.notify()
    asyncio.get_running_loop().call_soon(wait_task.cancel)
    asyncio.get_running_loop().call_soon(cond.release)
    try:
        await wait_task
        print("wait_task returned")
    except asyncio.CancelledError:
        print("wait_task cancelled")
    print("locked", cond.locked())


async def test_wait_cancel_after_notify():
    cond = asyncio.Condition()
    waited = False

    async def wait_on_cond():
        nonlocal waited
        async with cond:
            waited = True
            await cond.wait()

    waiter = asyncio.create_task(wait_on_cond())
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.sleep(0)
    cond.release()
    await asyncio.sleep(0)
    print("cancelled", waiter.cancelled(), "waited", waited, "locked", cond.locked())


async def test_wait_unacquired():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError", e)
    print("waiters", len(cond._waiters))


async def test_wait_for():
    cond = asyncio.Condition()
    presult = False
    calls = []

    def predicate():
        calls.append(presult)
        return presult

    result = []

    async def c1():
        await cond.acquire()
        if await cond.wait_for(predicate):
            result.append(1)
            cond.release()
        return True

    t = asyncio.create_task(c1())
    await asyncio.sleep(0)
    print("after sleep", result, "predicate calls", len(calls))
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print("notified, predicate false", result, "predicate calls", len(calls))
    presult = True
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print("notified, predicate true", result, "predicate calls", len(calls))
    print("task", t.done(), t.result())


async def test_wait_for_unacquired():
    cond = asyncio.Condition()
    print("wait_for true", bool(await cond.wait_for(lambda: [1, 2, 3])))
    try:
        await cond.wait_for(lambda: False)
    except RuntimeError as e:
        print("RuntimeError", e)


async def test_notify():
    cond = asyncio.Condition()
    result = []

    async def c(n):
        await cond.acquire()
        if await cond.wait():
            result.append(n)
            cond.release()
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    t3 = asyncio.create_task(c(3))
    await asyncio.sleep(0)
    print("after sleep", result)
    await cond.acquire()
    cond.notify(1)
    cond.release()
    await asyncio.sleep(0)
    print("notify(1)", result)
    await cond.acquire()
    cond.notify(1)
    cond.notify(2048)
    cond.release()
    await asyncio.sleep(0)
    print("notify(1), notify(2048)", result)
    for t in (t1, t2, t3):
        print("task", t.done(), t.result())


async def test_notify_all():
    cond = asyncio.Condition()
    result = []

    async def c(n):
        await cond.acquire()
        if await cond.wait():
            result.append(n)
            cond.release()
        return True

    t1 = asyncio.create_task(c(1))
    t2 = asyncio.create_task(c(2))
    await asyncio.sleep(0)
    print("after sleep", result)
    await cond.acquire()
    cond.notify_all()
    cond.release()
    await asyncio.sleep(0)
    print("notify_all", result)
    for t in (t1, t2):
        print("task", t.done(), t.result())


async def test_notify_zero_or_negative():
    cond = asyncio.Condition()
    result = []

    async def c(n):
        async with cond:
            await cond.wait()
            result.append(n)

    t1 = asyncio.create_task(c(1))
    await asyncio.sleep(0)
    async with cond:
        cond.notify(0)
        cond.notify(-1)
    await asyncio.sleep(0)
    print("after notify(0), notify(-1)", result, "waiters", len(cond._waiters))
    async with cond:
        cond.notify_all()
    await t1
    print("after notify_all", result)


async def test_notify_unacquired():
    cond = asyncio.Condition()
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        cond.notify_all()
    except RuntimeError as e:
        print("RuntimeError", e)


async def test_context_manager():
    cond = asyncio.Condition()
    print("locked", cond.locked())
    async with cond:
        print("inside", cond.locked())
    print("locked", cond.locked())


async def test_explicit_lock():
    async def f(lock=None, cond=None):
        if lock is None:
            lock = asyncio.Lock()
        if cond is None:
            cond = asyncio.Condition(lock)
        print("start", lock.locked(), cond.locked())
        async with cond:
            print("async with cond", lock.locked(), cond.locked())
        print("after", lock.locked(), cond.locked())
        async with lock:
            print("async with lock", lock.locked(), cond.locked())
        print("after", lock.locked(), cond.locked())

    await f()
    await f(asyncio.Lock())
    lock = asyncio.Lock()
    await f(lock, asyncio.Condition(lock))


async def test_timeout_in_block():
    loop = asyncio.get_running_loop()
    condition = asyncio.Condition()
    start = loop.time()
    async with condition:
        try:
            await asyncio.wait_for(condition.wait(), timeout=0.5)
        except TimeoutError:
            print("TimeoutError after", round(loop.time() - start, 1), "locked", condition.locked())
        print("waiters", len(condition._waiters))
    print("locked", condition.locked())


async def test_cancelled_error_wakeup():
    wake = False
    raised = None
    cond = asyncio.Condition()

    async def func():
        nonlocal raised
        async with cond:
            try:
                await cond.wait_for(lambda: wake)
            except asyncio.CancelledError as err:
                print("caught", repr(err), "locked", cond.locked())
                raised = err
                raise raised

    task = asyncio.create_task(func())
    await asyncio.sleep(0)
    task.cancel(msg="foo")
    try:
        await task
    except asyncio.CancelledError as err:
        print("task raised", repr(err), "same instance", err is raised)
    print("locked", cond.locked())


async def test_cancelled_error_re_aquire():
    wake = False
    raised = None
    cond = asyncio.Condition()

    async def func():
        nonlocal raised
        async with cond:
            try:
                await cond.wait_for(lambda: wake)
            except asyncio.CancelledError as err:
                print("caught", repr(err), "locked", cond.locked())
                raised = err
                raise raised

    task = asyncio.create_task(func())
    await asyncio.sleep(0)
    await cond.acquire()
    wake = True
    cond.notify()
    await asyncio.sleep(0)
    task.cancel(msg="foo")
    cond.release()
    try:
        await task
    except asyncio.CancelledError as err:
        print("task raised", repr(err), "same instance", err is raised)
    print("locked", cond.locked())


async def cancelled_wakeup(relock):
    condition = asyncio.Condition()
    state = 0

    async def consumer(name):
        nonlocal state
        try:
            async with condition:
                while True:
                    await condition.wait_for(lambda: state != 0)
                    if state < 0:
                        print(name, "sees the end")
                        return
                    state -= 1
                    print(name, "consumed, state", state)
        except asyncio.CancelledError:
            print(name, "cancelled")
            raise

    c = [asyncio.create_task(consumer("c0")), asyncio.create_task(consumer("c1"))]
    await asyncio.sleep(0)
    async with condition:
        state += 1
        condition.notify(1)
        if relock:
            await asyncio.sleep(0)
        c[0].cancel()
        try:
            # asyncio.timeout(0.01) in CPython's test; wait_for is the same since 3.12
            await asyncio.wait_for(condition.wait_for(lambda: state == 0), 0.01)
            print("item consumed")
        except TimeoutError:
            print("timed out")
        print("state", state)
        state = -1
        condition.notify_all()
    await c[1]
    print("c0 cancelled", c[0].cancelled(), "c1 done", c[1].done())


async def test_cancelled_wakeup():
    await cancelled_wakeup(False)


async def test_cancelled_wakeup_relock():
    await cancelled_wakeup(True)


async def test_wait_reacquires_fifo():
    """Notified waiters re-acquire the lock behind a task already queued on it."""
    cond = asyncio.Condition()

    async def waiter(name):
        async with cond:
            print(name, "waits")
            await cond.wait()
            print(name, "woke, locked", cond.locked())

    async def acquirer():
        async with cond:
            print("acquirer got the lock")

    ws = [asyncio.create_task(waiter(f"w{i}")) for i in (1, 2)]
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify_all()
    a = asyncio.create_task(acquirer())
    await asyncio.sleep(0)
    print("releasing, lock waiters", len(cond._lock._waiters))
    cond.release()
    for t in ws + [a]:
        await t
    print("locked", cond.locked())


async def test_cancelled_while_waiting_and_while_reacquiring():
    """Cancelled twice: the most recent CancelledError leaves wait(), once the lock is held."""
    cond = asyncio.Condition()

    async def waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError as e:
                print("waiter caught", repr(e), "locked", cond.locked())
                raise

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await cond.acquire()
    t.cancel("first")
    await asyncio.sleep(0)
    print("lock waiters", len(cond._lock._waiters), "cond waiters", len(cond._waiters))
    t.cancel("second")
    await asyncio.sleep(0)
    print("lock waiters", len(cond._lock._waiters))
    cond.release()
    try:
        await t
    except asyncio.CancelledError as e:
        print("task raised", repr(e))
    print("locked", cond.locked())


def main():
    for test in (test_wait, test_wait_cancel, test_wait_cancel_contested,
                 test_wait_cancel_after_notify, test_wait_unacquired, test_wait_for,
                 test_wait_for_unacquired, test_notify, test_notify_all,
                 test_notify_zero_or_negative, test_notify_unacquired, test_context_manager,
                 test_explicit_lock, test_timeout_in_block, test_cancelled_error_wakeup,
                 test_cancelled_error_re_aquire, test_cancelled_wakeup,
                 test_cancelled_wakeup_relock, test_wait_reacquires_fifo,
                 test_cancelled_while_waiting_and_while_reacquiring):
        print(f"== {test.__name__}")
        asyncio.run(test())


main()
