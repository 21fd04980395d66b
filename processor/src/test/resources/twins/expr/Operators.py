# Twin of ExpressionTest.operands: binary and unary operators, string concatenation, i++ and a
# field read to the left of an await (read before it, as in Java).
from common import *


class Operators:
    def __init__(self):
        self.x = 1

    async def bump(self):
        print("bump")
        self.x += 100
        await asyncio.sleep(0)
        return self.x

    async def main(self):
        t = asyncio.create_task(ticker(40))
        print("arith", v("a", 1) + await f("b", 2) * v("c", 3))
        print("concat " + s("s1", "x") + str(v("n", 4)) + await f("s2", "y") + s("s3", "z"))
        print("neg", -await f("neg", 5))
        print("not", jstr(not await f("not", True)))
        print("cmp", jstr(v("l", 3) < await ready("r", 4)))
        i = 0
        old = i  # i++: the old value, then the increment, before the await
        i += 1
        print("incr", old + await f("i", 10) + i)
        print("field", self.x + await self.bump() + self.x)
        print("bits", (v("a", 6) & await f("b", 3)) | v("c", 8))
        print("shift", v("a", 1) << await ready("b", 4))
        print("div", v("a", 7) // await f("b", 2) % v("c", 2))
        print("two", await f("p", 1) + await f("q", 2))
        big = v("long", 1) + await f("w", 2)
        print("long", big)
        await t


def s(tag, x):
    print(tag)
    return x


asyncio.run(Operators().main())
