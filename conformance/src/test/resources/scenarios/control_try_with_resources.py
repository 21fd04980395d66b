# try-with-resources (a `with` block in the twin) around awaits: the resource is closed on
# every exit — normal, exception, return, and cancellation — before the exit goes on.
import asyncio


class Resource:
    def __init__(self, name):
        self.name = name
        print('open', name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print('close', self.name)
        return False


class Boom(Exception):
    pass


async def use(name, how):
    with Resource(name) as r:
        await asyncio.sleep(0.1)
        if how == 'raise':
            raise Boom(name)
        if how == 'return':
            return 'returned from ' + r.name
        print('used', r.name)
    return 'fell through ' + name


async def main():
    print(await use('a', 'normal'))
    print(await use('b', 'return'))
    try:
        await use('c', 'raise')
    except Boom as e:
        print('caught', repr(e))
    t = asyncio.create_task(use('d', 'normal'))
    await asyncio.sleep(0.05)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('d cancelled:', t.cancelled())
    with Resource('e') as first, Resource('f') as second:
        await asyncio.sleep(0)
        print('using', first.name, second.name)


asyncio.run(main())
