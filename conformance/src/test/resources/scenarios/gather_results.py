# gather: results in argument order whatever the finishing order; coroutines become tasks
# started in argument order; the first exception propagates and the others keep running.
import asyncio


class Boom(Exception):
    pass


async def main():
    async def work(name, delay, fail=False):
        print(name, 'started')
        await asyncio.sleep(delay)
        if fail:
            print(name, 'fails')
            raise Boom(name)
        print(name, 'finished')
        return name.upper()

    print('results:', await asyncio.gather(work('a', 0.3), work('b', 0.1), work('c', 0.2)))

    try:
        await asyncio.gather(work('d', 0.1), work('e', 0.2, fail=True), work('f', 0.3))
    except Boom as e:
        print('gather raised', repr(e))
    await asyncio.sleep(0.2)
    print('empty gather:', await asyncio.gather())


asyncio.run(main())
