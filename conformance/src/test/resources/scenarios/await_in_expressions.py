# Awaits inside expressions keep left-to-right evaluation order: arguments, binary
# operators, compound assignment, conditions, and the short-circuit of and/or/?:.
import asyncio


async def main():
    trace = []

    async def val(name, v, steps=1):
        trace.append('start ' + name)
        for _ in range(steps):
            await asyncio.sleep(0)
        trace.append('end ' + name)
        return v

    def side(name, v):
        trace.append('side ' + name)
        return v

    def combine(a, b, c):
        return '%s-%s-%s' % (a, b, c)

    print('args:', combine(side('x', 'X'), await val('a', 'A'), await val('b', 'B', 2)))
    print(trace); trace.clear()

    total = side('s', 1) + await val('c', 2) * await val('d', 3)
    print('arith:', total)
    print(trace); trace.clear()

    counter = 10

    async def bump():
        nonlocal counter
        await asyncio.sleep(0)
        counter += 100
        trace.append('bumped')
        return 5

    # the left operand is read before the await: bump's +100 is overwritten
    counter += await bump()
    print('read before await:', counter)
    counter += await val('e', 5)
    counter -= side('t', 1) + await val('f', 2)
    print('compound:', counter)
    print(trace); trace.clear()

    if await val('g', 0) == 0 and await val('h', True):
        print('and: both evaluated')
    if await val('i', False) and await val('j', True):
        print('not printed')
    if await val('k', True) or await val('l', False):
        print('or: short-circuited')
    print(trace); trace.clear()

    flag = side('u', False)
    choice = await val('m', 'yes') if flag else await val('n', 'no')
    print('ternary:', choice)
    print(trace); trace.clear()

    q = asyncio.Queue()
    for item in ['first', None]:
        q.put_nowait(item)
    while (item := await q.get()) is not None:
        print('got', item)
    print('queue drained, size', q.qsize())

    items = [await val('p', 1), await val('q', 2), side('v', 3)]
    print('list:', items, 'length', len(await val('r', 'abcd')))
    print(trace)


asyncio.run(main())
