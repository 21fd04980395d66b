# Twin of ExpressionTest.arrays: indexes, initializers and dimensions evaluated left to right.
from common import *


class Arrays:
    def __init__(self):
        self.data = [1, 2, 3]

    def data_(self, tag):
        print(tag)
        return self.data

    async def main(self):
        t = asyncio.create_task(ticker(40))
        print("index", self.data_("d")[await f("i", 2)])
        print("elem", self.data_("d")[v("i", 0)] + await f("x", 10))
        made = [v("a", 1), await f("b", 2), v("c", 3)]
        await asyncio.sleep(0)
        print("init", jstr(made))
        rows = v("rows", 2)
        cols = await f("cols", 3)
        grid = [[0] * cols for _ in range(rows)]
        print("dims", len(grid), len(grid[0]))
        words = [s("w1", "x"), await f("w2", "y")]
        print("words", ",".join(words))
        print("length", len(await f("arr", [1, 2, 3, 4])))
        self.data[await f("k", 1)] += 1
        print("incr", self.data[1])
        nested = [[v("n1", 1)], [await f("n2", 2)]]
        print("nested", str(nested[0][0]) + str(nested[1][0]))
        await t


def s(tag, x):
    print(tag)
    return x


asyncio.run(Arrays().main())
