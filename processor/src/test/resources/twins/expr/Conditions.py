# Twin of ExpressionTest.conditionsSelectorsAndIterables: conditions of if/while/do/for (the
# for condition and update re-evaluated on every iteration), switch selectors (Java's
# fall-through written out), enhanced-for iterables (evaluated once).
from common import *


def b(tag, x):
    print(tag)
    return x


class Conditions:
    def __init__(self):
        self.n = 0

    async def next(self, tag):
        self.n += 1
        print("next", tag, self.n)
        await asyncio.sleep(0)
        return self.n

    async def main(self):
        t = asyncio.create_task(ticker(80))
        if await f("if", 1) == v("one", 1):
            print("then")
        else:
            print("else")
        while await self.next("while") < 3:
            print("body", self.n)
        self.n = 0
        while True:  # do { ... } while (await(next("do")) < 3);
            print("do", self.n)
            if not (await self.next("do") < 3):
                break
        i = await f("init", 0)
        while i + await ready("c", 0) < 3:
            print("for", i)
            i += await f("step", 1)
        sel = await f("sel", "b")  # switch with fall-through from "b" into default
        if sel == "a":
            print("a")
        else:
            if sel == "b":
                print("b")
            print("fall")
        for w in await f("iter", ["x", "y"]):
            print("item", w)
        for e in await f("array", [7, 8]):
            print("elem", e)
        sel = v("sel", 2) + await f("sel2", 1)
        print("three" if sel == 3 else "other")
        self.n = 0
        while b("w", True) and await self.next("cond") < 3:
            print("loop", self.n)
        await t


asyncio.run(Conditions().main())
