# call_later / call_at / sleep: timers fire in deadline order, ties in scheduling order;
# a cancelled timer never fires; sleepers wake one step after their timer.
import asyncio
import math


def tenths(seconds):
    # elapsed time in whole tenths, rounded down: the real clock runs late under load
    return math.floor(seconds * 10 + 1e-6) / 10


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    def fire(name):
        print('timer', name, 'at', tenths(loop.time() - start))

    loop.call_at(start + 0.2, fire, 'a2')
    loop.call_later(0.3, fire, 'c')
    loop.call_later(0.1, fire, 'a')
    h = loop.call_later(0.2, fire, 'cancelled')
    loop.call_later(0.2, fire, 'b')
    h.cancel()
    print('handle cancelled:', h.cancelled())

    async def sleeper(name, delay):
        await asyncio.sleep(delay)
        print('sleeper', name, 'woke at', tenths(loop.time() - start))

    await asyncio.gather(sleeper('x', 0.2), sleeper('y', 0.1), sleeper('z', 0.4))
    await asyncio.sleep(0.1)
    print('main done at', tenths(loop.time() - start))


asyncio.run(main())
