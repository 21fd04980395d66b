# Twin of ExpressionTest.switchExpressions: awaits in the cases of switch expressions (rules,
# blocks with yield, old-style groups with fall-through) and in their selectors.
from common import *


async def main():
    t = asyncio.create_task(ticker(40))
    for c in ["RED", "GREEN", "BLUE"]:
        if c == "RED":
            n = await f("red", 1)
        elif c == "GREEN":
            a = await f("green", 2)
            n = a * 10
        else:
            n = v("blue", 3)
        print(c, n)
    pre = v("pre", 1)
    sel = await f("sel", 2)
    text = str(pre) + ("one" if sel == 1 else "two" if sel == 2 else "many")
    print(text)
    sel = v("old", 2)
    if sel == 1:
        old = 10
    else:
        if sel == 2:
            print("two")  # falls through into default
        old = await f("def", 30)
    print("old", old)
    total = v("left", 100) + (await f("case", 5) if v("sel", 1) == 1 else 0)
    print("total", total)
    await t


asyncio.run(main())
