# shield: cancelling the task that awaits a shielded awaitable cancels only the waiter; the
# inner task goes on and its result stays available.
import asyncio


async def main():
    async def inner():
        try:
            await asyncio.sleep(0.3)
            print('inner finished')
            return 'inner result'
        except asyncio.CancelledError:
            print('inner cancelled')
            raise

    inner_task = asyncio.create_task(inner())

    async def waiter():
        try:
            return await asyncio.shield(inner_task)
        except asyncio.CancelledError:
            print('waiter cancelled, inner done:', inner_task.done())
            raise

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('w cancelled:', w.cancelled())
    print('inner result:', await inner_task)

    # a shield around a task that fails passes the exception on
    async def failing():
        await asyncio.sleep(0.1)
        raise ValueError('bad')

    try:
        await asyncio.shield(failing())
    except ValueError as e:
        print('shield raised', repr(e))

    # cancelling the inner task itself cancels the shield's waiter
    inner_task = asyncio.create_task(inner())
    asyncio.get_running_loop().call_later(0.1, inner_task.cancel)
    try:
        await asyncio.shield(inner_task)
    except asyncio.CancelledError:
        print('shield of a cancelled task raised CancelledError')


asyncio.run(main())
