# Labeled break and continue across awaits in nested loops. Python has no labels; the twin
# uses flags and for/else to print what the Java labeled jumps do.
import asyncio


async def main():
    found = None
    for i in range(4):
        for j in range(4):
            await asyncio.sleep(0)
            if j > i:
                print('continue outer at', i, j)
                break  # continue outer
            if i * j == 4:
                found = (i, j)
                break
            print('visit', i, j)
        if found is not None:
            print('break outer at', found[0], found[1])
            break
    print('found:', found[0], found[1])

    count = 0
    i = 0
    while True:  # outer
        i += 1
        await asyncio.sleep(0)
        skip = False
        for j in range(3):
            count += 1
            if j == 1 and i % 2 == 0:
                skip = True
                break  # continue outer
            await asyncio.sleep(0)
        if skip:
            print('skipped rest of', i)
            continue
        if i >= 5:
            break
        print('completed', i)
    print('count:', count)


asyncio.run(main())
