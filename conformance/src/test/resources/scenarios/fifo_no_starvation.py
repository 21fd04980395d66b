# A task that yields in a loop (sleep(0)) never starves tasks spawned after it: the ready
# queue is FIFO, so they take turns.
import asyncio


async def main():
    stop = False
    spins = 0

    async def spinner():
        nonlocal spins
        while not stop:
            spins += 1
            await asyncio.sleep(0)
        print('spinner stopped after', spins, 'spins')

    async def late(name):
        print(name, 'ran after', spins, 'spins')

    s = asyncio.create_task(spinner())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t1 = asyncio.create_task(late('late1'))
    t2 = asyncio.create_task(late('late2'))
    await asyncio.gather(t1, t2)
    print('late tasks done, spins', spins)
    stop = True
    await s


asyncio.run(main())
