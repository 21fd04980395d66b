# Twin of ExpressionTest.shortCircuitAndConditional: && and || evaluate (and await) their right
# side only when Java would; ?: evaluates only the chosen branch.
from common import *


def b(tag, x):
    print(tag)
    return x


def s(tag, x):
    print(tag)
    return x


async def main():
    t = asyncio.create_task(ticker(60))
    for i in range(2):
        on = i == 1
        print("and", jstr(b("left", on) and await f("right", True)))
        print("or", jstr(b("left", on) or await f("right", False)))
        print("cond", await f("yes", 1) if b("c", on) else v("no", 2))
        print("cond2", v("yes", 1) if on else await f("no", 2))
        print("cond3", s("yes", "Y") if await f("c", on) else s("no", "N"))
        print("chain", jstr(b("a", on) and await f("b", on) or await f("c", True) and b("d", on)))
        print("nested", ((await f("deep", 3)) if await f("inner", on) else 4) if on else await f("other", 5))
    await t


asyncio.run(main())
