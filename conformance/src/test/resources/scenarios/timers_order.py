# call_later / call_at / sleep: timers fire in deadline order, ties in scheduling order;
# a cancelled timer never fires; sleepers wake one step after their timer.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    def fire(name):
        print('timer', name, 'at', round(loop.time() - start, 1))

    loop.call_at(start + 0.2, fire, 'a2')
    loop.call_later(0.3, fire, 'c')
    loop.call_later(0.1, fire, 'a')
    h = loop.call_later(0.2, fire, 'cancelled')
    loop.call_later(0.2, fire, 'b')
    h.cancel()
    print('handle cancelled:', h.cancelled())

    async def sleeper(name, delay):
        await asyncio.sleep(delay)
        print('sleeper', name, 'woke at', round(loop.time() - start, 1))

    await asyncio.gather(sleeper('x', 0.2), sleeper('y', 0.1), sleeper('z', 0.4))
    await asyncio.sleep(0.1)
    print('main done at', round(loop.time() - start, 1))


asyncio.run(main())
