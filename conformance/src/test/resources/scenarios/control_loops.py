# Awaits inside while, do-while (a while True with a break at the end), for, and for-each
# loops, with another task interleaving at every await.
import asyncio


async def main():
    log = []

    async def ticker():
        for i in range(12):
            log.append('t%d' % i)
            await asyncio.sleep(0)

    t = asyncio.create_task(ticker())

    i = 0
    while i < 3:
        await asyncio.sleep(0)
        log.append('w%d' % i)
        i += 1

    j = 0
    while True:
        await asyncio.sleep(0)
        log.append('d%d' % j)
        j += 1
        if not j < 2:
            break

    total = 0
    for k in range(0, 6, 2):
        await asyncio.sleep(0)
        total += k
        log.append('f%d' % k)

    for name in ['x', 'y']:
        await asyncio.sleep(0)
        log.append(name)

    for n in [5, 6]:
        await asyncio.sleep(0)
        log.append('a%d' % n)

    await t
    print(' '.join(log))
    print('total:', total)


asyncio.run(main())
