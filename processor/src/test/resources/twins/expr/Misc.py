# Twin of ExpressionTest.castsInstanceofFieldsResourcesThrowReturn.
from common import *


class Named:
    def __init__(self, name):
        self.name = name


class Res:
    def __init__(self, id):
        self.id = id
        print("open", id)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("close", self.id)


def s(tag, x):
    print(tag)
    return x


async def fail(tag):
    print("await", tag)
    await asyncio.sleep(0)
    raise RuntimeError(tag)


def apply(fn, x):
    return fn(x)


async def main():
    t = asyncio.create_task(ticker(60))
    print("cast", await f("cast", 3) * 2)
    o = await f("inst", "str")
    if isinstance(o, str) and len(o) > 0:
        print("instanceof", o)
    print("name", (await f("named", Named("n1"))).name)
    with Res(s("id", "r") + str(await f("res", 1))) as r:
        print("using", r.id)
    try:
        raise RuntimeError(s("msg", "boom ") + str(await f("msg", 2)))
    except RuntimeError as e:
        print("caught", e)
    many = await f("m1", 1) + await f("m2", 2) * await ready("m3", 3)
    print("many", many)
    try:
        show(v("before", 1), await fail("fail"), v("never", 3))
    except RuntimeError as e:
        print("failed", e)
    print("lambda", apply(lambda w: w * 2, await f("lam", 4)))
    monitor = await f("monitor", "m")  # synchronized (await(...)) { ... }
    print("synchronized", monitor)
    return v("ret", 1) + await f("ret", 2) + (0 if await t is None else 1)


assert asyncio.run(main()) == 3  # the Java test asserts the same result
