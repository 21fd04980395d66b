# Awaiting a coroutine runs it inline in the same task, with no extra loop step: a chain
# of nested awaits interleaves with another task exactly as one flat coroutine would.
import asyncio


async def leaf(name, depth):
    print(name, 'leaf at depth', depth, 'task', asyncio.current_task().get_name())
    await asyncio.sleep(0)
    print(name, 'leaf resumed')
    return depth * 10


async def middle(name, depth):
    if depth == 0:
        return await leaf(name, depth)
    print(name, 'enter', depth)
    value = await middle(name, depth - 1)
    print(name, 'exit', depth, 'with', value)
    return value + depth


async def no_await(name):
    print(name, 'no_await runs inline')
    return 'plain'


async def main():
    t = asyncio.create_task(middle('other', 2), name='other-task')
    r = await middle('main', 3)
    print('main got', r)
    print('other got', await t)
    print('inline:', await no_await('main'))
    coro = no_await('once')
    await coro
    try:
        await coro
    except RuntimeError as e:
        print('RuntimeError:', e)


asyncio.run(main())
