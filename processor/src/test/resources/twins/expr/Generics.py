# Twin of ExpressionTest.genericTemporaries: temporaries of generic, wildcard and type-variable
# types, and generic coroutines.
from common import *


def s(tag, x):
    print(tag)
    return x


async def pair(a, b):
    out = [a]
    out.append(await f("b", b))
    return out


async def main():
    t = asyncio.create_task(ticker(40))
    m = {}
    m.setdefault(s("key", "k"), []).append(await f("val", 1))
    m.get(s("k", "k")).append(await f("val2", 2))
    print("map", "{k=" + jstr(m["k"]) + "}")
    nums = [1, 2.5]
    show(nums[v("i", 1)], await f("num", 3))
    print("pair", jstr(await pair("a", "b")))
    print("first", (await pair(s("x", "x"), s("y", "y")))[0] + await f("z", "z"))
    await t


asyncio.run(main())
