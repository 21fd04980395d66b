# Twin of ExpressionTest.assignments. Where Python's order differs from Java's it is written
# out in Java's order, with a comment:
# - 'a[i] = await x' and 'o.f = await x': Java evaluates a, i (or o) first, then x; Python
#   evaluates the right side first, so the twin evaluates the target's parts into locals first.
# - compound assignments read the variable before the right side in both languages (JLS
#   15.26.2; CPython loads the name, attribute or item before evaluating the right side).
from common import *


class Holder:
    def __init__(self):
        self.n = 5


class Assignments:
    def __init__(self):
        self.x = 1
        self.text = "t"
        self.arr = [10, 20, 30]
        self.h = Holder()

    def arr_(self, tag):
        print(tag)
        return self.arr

    def holder(self, tag):
        print(tag)
        return self.h

    async def bump(self, tag, by):
        print("bump", tag)
        self.x += by
        self.arr[1] += by
        self.h.n += by
        await asyncio.sleep(0)
        return by

    async def main(self):
        t = asyncio.create_task(ticker(60))
        local = 1
        local = await f("plain", 2) + local
        print("local", local)
        self.x += await self.bump("x", 10)
        print("x", self.x)
        self.x = self.x + await self.bump("x", 10)
        print("x", self.x)
        self.text += await f("text", "!")
        print("text", self.text)
        target = self.holder("h")  # Java: the object before the right side
        target.n = await f("n", 7)
        self.holder("h").n *= await self.bump("n", 3)
        print("n", self.h.n)
        target = self.arr_("a")  # Java: the array and the index before the right side
        index = v("i", 1)
        target[index] = await f("elem", 50)
        self.arr_("a")[v("i", 1)] -= await self.bump("elem", 5)
        print("arr", self.arr[1])
        small = 100
        small = (small + await f("byte", 100) + 128) % 256 - 128  # byte += narrows
        print("byte", small)
        boxed = 5
        boxed <<= await f("shift", 2)
        print("boxed", boxed)
        c = "a"
        c = chr(ord(c) + await f("char", 2))  # char += 2
        print("char", c)
        self.x = await f("chain", 3)  # y = (x = await ...) + x
        y = self.x + self.x
        print("chain", self.x, y)
        local += await f("nested", 1)  # z = local += await ...
        z = local
        print("nested", z, local)
        await t


asyncio.run(Assignments().main())
