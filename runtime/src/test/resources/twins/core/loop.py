# Twin of EventLoopTest: what CPython 3.13 prints for BaseEventLoop._run_once's ordering.
# Run: PYENV_VERSION=3.13.0 python3 loop.py > loop.txt
import asyncio

out = print


def describe(e):
    return f"{type(e).__name__}({e})"


def on_new_loop(setup, until=0.5):
    """Runs setup(loop) on a fresh loop, then the loop until `until` seconds have passed."""
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(
        lambda loop, context: out(f"handler: {' '.join(context['message'].split()[:3])} "
                                  f"{describe(context.get('exception'))}"))
    setup(loop)
    loop.call_later(until, loop.stop)
    loop.run_forever()
    loop.close()


def ready_fifo(loop):
    def a():
        out("a")
        loop.call_soon(a2)

    def a2():
        out("a2")
        loop.call_soon(lambda: out("a3"))

    def b():
        out("b")
        loop.call_soon(lambda: out("b2"))

    loop.call_soon(a)
    loop.call_soon(b)


def timers_after_ready(loop):
    def s1():
        out("s1")
        loop.call_soon(lambda: out("s1 next"))
        loop.call_later(0, lambda: out("s1 timer"))

    loop.call_soon(s1)
    loop.call_soon(lambda: out("s2"))
    loop.call_later(0, lambda: out("t0 first"))
    loop.call_later(-1, lambda: out("t negative"))
    loop.call_later(0, lambda: out("t0 second"))


def deadline_order(loop):
    t = loop.time()
    loop.call_later(0.3, lambda: out("c 0.3"))
    loop.call_later(0.1, lambda: out("a 0.1"))
    loop.call_at(t + 0.2, lambda: out("b 0.2"))

    def at_a():
        out("timer at 0.15")
        loop.call_soon(lambda: out("soon from timer"))
        loop.call_later(0, lambda: out("later 0 from timer"))

    loop.call_later(0.15, at_a)


def cancelled_skipped(loop):
    h = loop.call_soon(lambda: out("not run 1"))
    h.cancel()
    out(f"handle cancelled {h.cancelled()}")
    t = loop.call_later(0.1, lambda: out("not run 2"))
    t.cancel()
    late = []

    def first():
        out("first cancels the next")
        late[0].cancel()

    loop.call_soon(first)
    late.append(loop.call_soon(lambda: out("not run 3")))
    loop.call_soon(lambda: out("third"))
    loop.call_later(0.2, lambda: out("timer runs"))


def callback_exception(loop):
    def boom():
        raise ValueError("boom")

    loop.call_soon(boom)
    loop.call_soon(lambda: out("after boom"))
    loop.call_later(0.1, boom)
    loop.call_later(0.1, lambda: out("after timer boom"))


def done_callbacks(loop):
    f = loop.create_future()
    f.add_done_callback(lambda f: out(f"cb1 {f.result()}"))
    f.add_done_callback(lambda f: out(f"cb2 {f.result()}"))
    removed = lambda f: out("removed cb ran")
    f.add_done_callback(removed)
    f.add_done_callback(removed)
    out(f"removed {f.remove_done_callback(removed) > 0}")
    loop.call_soon(lambda: out("x before"))
    f.set_result(1)
    loop.call_soon(lambda: out("y after"))
    f.add_done_callback(lambda f: out("cb3 on a done future"))
    out("added cb3")


def task_wakeup(loop):
    f = loop.create_future()

    async def ticker():
        for i in range(5):
            out(f"tick {i}")
            await asyncio.sleep(0)

    async def waiter():
        out("waiter waits")
        out(f"waiter got {await f}")

    loop.create_task(ticker())
    loop.create_task(waiter())
    loop.call_soon(lambda: loop.call_soon(lambda: (out("set result"), f.set_result("r"))))


def await_done_no_trip(loop):
    async def ticker():
        for i in range(3):
            out(f"tick {i}")
            await asyncio.sleep(0)

    async def main():
        f = loop.create_future()
        f.set_result("ready")
        for i in range(3):
            out(f"await {i} {await f}")

    loop.create_task(main())
    loop.create_task(ticker())


def sleep0_fairness(loop):
    state = {"count": 0, "stop": False}

    async def spinner():
        while not state["stop"]:
            state["count"] += 1
            await asyncio.sleep(0)
        out(f"spinner stopped after {state['count']}")

    async def latecomer():
        out(f"latecomer runs, spinner count {state['count']}")
        state["stop"] = True

    loop.create_task(spinner())
    loop.create_task(latecomer())


for scenario in (ready_fifo, timers_after_ready, deadline_order, cancelled_skipped,
                 callback_exception, done_callbacks, task_wakeup, await_done_no_trip,
                 sleep0_fairness):
    out(f"== {scenario.__name__}")
    on_new_loop(scenario)
