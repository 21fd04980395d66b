# Cancelling the task that awaits gather() cancels every child; a child cancelled on its
# own makes gather raise CancelledError while the others go on.
import asyncio


async def main():
    async def child(name, delay):
        try:
            await asyncio.sleep(delay)
            print(name, 'finished')
            return name
        except asyncio.CancelledError:
            print(name, 'cancelled')
            raise

    async def parent():
        return await asyncio.gather(child('a', 0.1), child('b', 0.5), child('c', 0.6))

    p = asyncio.create_task(parent())
    await asyncio.sleep(0.2)
    print('cancel parent:', p.cancel())
    try:
        await p
    except asyncio.CancelledError:
        print('parent cancelled:', p.cancelled())

    b = asyncio.create_task(child('b2', 0.5))
    c = asyncio.create_task(child('c2', 0.3))
    g = asyncio.gather(b, c)
    await asyncio.sleep(0.1)
    b.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print('gather raised CancelledError')
    await c
    print('c2 result:', c.result())


asyncio.run(main())
