# TaskGroup: waits for every child; a failing child cancels its siblings and the body, and
# the group raises an ExceptionGroup of the failures.
import asyncio


class Boom(Exception):
    pass


async def main():
    async def child(name, delay, fail=False):
        try:
            await asyncio.sleep(delay)
        except asyncio.CancelledError:
            print(name, 'cancelled')
            raise
        if fail:
            print(name, 'fails')
            raise Boom(name)
        print(name, 'finished')
        return name

    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(child('a', 0.2))
        t2 = tg.create_task(child('b', 0.1))
        print('body done')
    print('results:', t1.result(), t2.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('c', 0.3))
            tg.create_task(child('d', 0.1, fail=True))
            tg.create_task(child('e', 0.1, fail=True))
            tg.create_task(child('f', 0.5))
            print('body waits')
            await asyncio.sleep(1)
            print('body not reached')
    except ExceptionGroup as eg:
        print('caught', repr(eg))
    print('after group 2')

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('g', 0.3))
            await asyncio.sleep(0.1)
            raise Boom('body')
    except ExceptionGroup as eg:
        print('caught', repr(eg))


asyncio.run(main())
