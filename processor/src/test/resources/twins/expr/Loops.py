# Twin of ExpressionTest.loopConditionsReevaluated: 'continue' goes through the awaited for
# update and condition and the awaited do-while condition; definite assignment through an
# awaited condition; final locals assigned from awaits.
from common import *


def b(tag, x):
    print(tag)
    return x


async def main():
    t = asyncio.create_task(ticker(80))
    i = 0
    while i < await f("limit", 4):  # for (int i = 0; i < await(...); i = await(...) + i)
        if i == 1:
            i = await ready("update", 1) + i  # continue: the update, then the condition
            continue
        print("for", i)
        i = await ready("update", 1) + i
    k = 0
    while True:  # do { ... } while (await(f("again", k)) < 3);
        k += 1
        if k == 2:
            if not (await f("again", k) < 3):
                break
            continue
        print("do", k)
        if not (await f("again", k) < 3):
            break
    x = None  # int x; assigned in the condition, read in the body
    if b("c", True):
        x = await f("x", 5)
    if x is not None and x > 0:
        print("assigned", x)
    first = await f("first", 1) + 1  # final int first = ...
    print("final", first)
    await t


asyncio.run(main())
