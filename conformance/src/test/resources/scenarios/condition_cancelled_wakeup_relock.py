# test_locks.py ConditionTests.test_cancelled_wakeup_relock: a consumer notified, then
# cancelled while re-acquiring the lock, must pass the notification on.
import asyncio


async def main():
    condition = asyncio.Condition()
    state = 0

    async def consumer(name):
        nonlocal state
        try:
            async with condition:
                while True:
                    await condition.wait_for(lambda: state != 0)
                    if state < 0:
                        print(name, 'sees the end')
                        return
                    state -= 1
                    print(name, 'consumed, state', state)
        except asyncio.CancelledError:
            print(name, 'cancelled')
            raise

    c = [asyncio.create_task(consumer('c0')), asyncio.create_task(consumer('c1'))]
    await asyncio.sleep(0)
    async with condition:
        state += 1
        condition.notify(1)
        await asyncio.sleep(0)
        c[0].cancel()
        try:
            await asyncio.wait_for(condition.wait_for(lambda: state == 0), 0.01)
            print('item consumed')
        except TimeoutError:
            print('timed out')
        print('state:', state)
        state = -1
        condition.notify_all()
    await c[1]
    print('c0 cancelled:', c[0].cancelled(), 'c1 done:', c[1].done())


asyncio.run(main())
