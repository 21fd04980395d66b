# Future done-callbacks are scheduled with call_soon, never run inline, in the order they
# were added; a task awaiting the future wakes one step later, in registration order too.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    async def waiter(name):
        value = await fut
        print(name, 'got', value)

    fut.add_done_callback(lambda f: print('callback 1 sees', f.result()))
    w = asyncio.create_task(waiter('w'))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print('callback 2 sees', f.result()))
    loop.call_soon(print, 'call_soon before set_result')
    fut.set_result(42)
    print('set_result returned')
    fut.add_done_callback(lambda f: print('callback 3 added after done'))
    await asyncio.sleep(0)
    print('main after one step')
    await w
    print('await done future:', await fut)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)


asyncio.run(main())
