# Twin of ExpressionTest.methodAndConstructorArgumentsAndReceivers.
from common import *


class Box:
    def __init__(self, n):
        self.n = n

    def add(self, a, b):
        print("add", self.n, a, b)
        return self.n + a + b


def box(tag, n):
    print(tag)
    return Box(n)


class Calls:
    def __init__(self):
        self.x = 10
        self.field = Box(1000)

    async def bump(self, tag):
        print("bump", tag)
        self.x += 5
        self.field = Box(self.x * 100)
        await asyncio.sleep(0)
        return self.x

    async def outer(self, tag):
        print("outer", tag)
        await asyncio.sleep(0)
        return f(tag, 9)

    async def main(self):
        t = asyncio.create_task(ticker(30))
        show(v("a", 1), await f("b", 2), v("c", 3))
        show(self.x, await self.bump("x"), self.x)
        show(self.field.add(v("a", 1), await self.bump("field")))
        print("sum", box("box", 100).add(v("a", 1), await f("b", 2)))
        print("max", max(v("left", 4), await ready("right", 7)))
        show(Box(v("ctor", 1)).add(await f("arg", 2), v("last", 3)))
        print("nested", await (await self.outer("n")))
        local = 7
        show(local, await f("local", 1), local)
        show(v("this", 1), await ready("r", 2))
        show((await f("list", [v("x", 1), v("y", 2)]))[v("index", 1)], await f("after", 3))
        await t


asyncio.run(Calls().main())
