# Exceptions cross awaits unchanged: raised after a suspension in a nested coroutine, caught
# in the caller; finally blocks run in order on the way out; a task's exception reaches the
# task that awaits it; the same object arrives.
import asyncio


class Boom(Exception):
    pass


async def thrower(depth):
    try:
        await asyncio.sleep(0)
        if depth == 0:
            raise Boom('deep')
        await thrower(depth - 1)
    finally:
        print('finally at depth', depth)


async def main():
    try:
        await thrower(2)
    except Boom as e:
        print('caught', repr(e))

    saved = None

    async def failing():
        nonlocal saved
        await asyncio.sleep(0.1)
        saved = Boom('from task')
        raise saved

    t = asyncio.create_task(failing())
    try:
        await t
    except Boom as e:
        print('await task raised', repr(e), 'same object:', e is saved)
    print('task exception:', repr(t.exception()))

    try:
        try:
            await asyncio.sleep(0)
            raise Boom('first')
        except Boom:
            await asyncio.sleep(0)
            raise ValueError('second')
    except ValueError as e:
        print('caught', repr(e))

    async def catches_and_returns():
        try:
            await thrower(0)
        except Boom as e:
            return 'recovered from ' + str(e)

    print(await catches_and_returns())


asyncio.run(main())
