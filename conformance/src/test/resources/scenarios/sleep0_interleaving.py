# sleep(0) yields exactly one loop iteration: three tasks and call_soon callbacks
# interleave in FIFO order, each iteration running only what was ready when it began.
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    def callback(name):
        print('callback', name)
        if name == 'a':
            loop.call_soon(callback, 'a2')

    async def worker(name, steps):
        for i in range(steps):
            print(name, 'step', i)
            if i == 0:
                loop.call_soon(callback, name)
            await asyncio.sleep(0)
        print(name, 'done')

    tasks = [asyncio.create_task(worker(n, s)) for n, s in (('a', 3), ('b', 2), ('c', 1))]
    loop.call_soon(callback, 'main')
    print('main spawned')
    await asyncio.sleep(0)
    print('main after one yield')
    await asyncio.wait(tasks)
    print('main done')


asyncio.run(main())
