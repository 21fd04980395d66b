# Twin of SwitchTest.bothFormsWithFallThrough: Java's switch (old form with fall-through, new
# arrow form) written as Python if-chains; awaits in the cases.
import asyncio

async def describe(n):
    out = []
    # switch (n) { case 1: out.add("one"); await; case 2: out.add("one-or-two"); break;
    #              case 3: await; out.add("three"); default: out.add("default"); }
    if n == 1:
        out.append("one")
        await asyncio.sleep(0)
    if n in (1, 2):
        out.append("one-or-two")
    elif n == 3 or n not in (1, 2, 3):
        if n == 3:
            await asyncio.sleep(0)
            out.append("three")
        out.append("default")
    # switch (n) { case 1, 2 -> { await; out.add("small"); } case 3 -> out.add("three");
    #              default -> { await; out.add("big"); } }
    if n in (1, 2):
        await asyncio.sleep(0)
        out.append("small")
    elif n == 3:
        out.append("three")
    else:
        await asyncio.sleep(0)
        out.append("big")
    return " ".join(out)

async def main():
    for n in range(1, 5):
        print(n, await describe(n))

asyncio.run(main())
