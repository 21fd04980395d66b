# Twin of EnvelopeTest.severalGuardsNestWithEventOutside: AwaitsEvent, then guards in order,
# released in reverse on return, exception and cancellation.
import asyncio

class Named:
    def __init__(self, name, inner):
        self.name, self.inner = name, inner
    async def __aenter__(self):
        await self.inner.acquire()
        print("acquire", self.name)
    async def __aexit__(self, *exc):
        print("release", self.name)
        self.inner.release()

async def main():
    ready = asyncio.Event()
    a, b = Named("a", asyncio.Lock()), Named("b", asyncio.Lock())

    async def body(n):
        await ready.wait()
        async with a:
            async with b:
                print("body", n)
                await asyncio.sleep(1)
                if n == 2:
                    raise ValueError("boom")
                return n

    t1 = asyncio.create_task(body(1))
    t2 = asyncio.create_task(body(2))
    t3 = asyncio.create_task(body(3))
    await asyncio.sleep(0)
    print("setting")
    ready.set()
    await asyncio.sleep(1.5)
    t3.cancel()
    for t in (t1, t2, t3):
        try:
            print("result", await t)
        except ValueError as e:
            print("failed", e)
        except asyncio.CancelledError:
            print("cancelled")
    print("locked", a.inner.locked(), b.inner.locked())

asyncio.run(main())
