# Twin of ControlFlowTest.loopsAndBranches: every loop form with awaits inside.
# Java's labeled continue/break are emulated with flags (Python has no labels).
import asyncio

async def tick(v):
    await asyncio.sleep(0)
    return v

async def main():
    i = 0
    while i < 3:
        v = await tick(i)
        if v % 2 == 0:
            print("even", v)
        else:
            await asyncio.sleep(1)
            print("odd", v)
        i += 1
    n = 0
    while True:
        n = await tick(n + 1)
        if n == 2:
            continue
        if n > 3:
            break
        print("n", n)
    for j in range(0, 3):
        await asyncio.sleep(0)
        print("j", j)
    for s in ["a", "b"]:
        print("item", await tick(s))
    for x in [10, 20]:
        print("array", await tick(x))
    k = 0
    while True:  # do { ... } while (k < 12)
        k = await tick(k + 5)
        print("k", k)
        if not (k < 12):
            break
    for a in range(4):  # outer:
        stop = False
        for b in range(3):
            await asyncio.sleep(0)
            if b == 1 and a == 0:
                break  # continue outer
            if a == 2:
                stop = True  # break outer
                break
            print("pair", a, b)
        if stop:
            break
    print("time", int(asyncio.get_running_loop().time() - start))
    return "done"

start = 0
async def outer():
    global start
    start = asyncio.get_running_loop().time()
    return await main()

print(asyncio.run(outer()))
