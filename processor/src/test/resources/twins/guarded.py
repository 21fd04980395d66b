# Twin of EnvelopeTest.guardedLockExample (the examples' LockExample) and the guard order test.
import asyncio

lock = asyncio.Lock()

async def critical(who):
    async with lock:
        print(who, "acquired lock")

async def coro1():
    print("coro1 waiting for the lock")
    await critical("coro1")
    print("coro1 released lock")

async def main():
    await lock.acquire()
    asyncio.get_running_loop().call_later(0.1, lock.release)
    await asyncio.wait([asyncio.create_task(coro1())])
    print("locked after:", lock.locked())

asyncio.run(main())
