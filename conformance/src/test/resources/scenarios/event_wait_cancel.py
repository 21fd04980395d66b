# test_locks.py EventTests.test_wait_cancel: a waiter cancelled by a callback; the event
# stays unset and a later set() wakes only the live waiter.
import asyncio


async def main():
    ev = asyncio.Event()

    async def waiter(name):
        try:
            await ev.wait()
            print(name, 'woke')
        except asyncio.CancelledError:
            print(name, 'cancelled')
            raise

    wait = asyncio.create_task(waiter('w1'))
    other = asyncio.create_task(waiter('w2'))
    asyncio.get_running_loop().call_soon(wait.cancel)
    try:
        await wait
    except asyncio.CancelledError:
        print('await wait raised CancelledError')
    print('is_set:', ev.is_set())
    ev.set()
    await other
    print('other done:', other.done())


asyncio.run(main())
