# gather(return_exceptions=True): exceptions and cancellations come back as values in
# argument order.
import asyncio


class Boom(Exception):
    pass


async def main():
    async def ok(v):
        await asyncio.sleep(0.1)
        return v

    async def bad(msg):
        await asyncio.sleep(0.05)
        raise Boom(msg)

    async def slow():
        await asyncio.sleep(10)

    victim = asyncio.create_task(slow())
    asyncio.get_running_loop().call_later(0.01, victim.cancel)
    res = await asyncio.gather(ok(1), bad('x'), victim, ok('two'), return_exceptions=True)
    print('results:', res)

    victim = asyncio.create_task(slow())
    asyncio.get_running_loop().call_later(0.01, victim.cancel, 'stop it')
    res = await asyncio.gather(victim, return_exceptions=True)
    print('results:', res)


asyncio.run(main())
