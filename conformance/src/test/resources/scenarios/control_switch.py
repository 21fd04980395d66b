# Awaits inside switch statements (Java's both forms; a match statement in the twin), with
# fall-through emulated in Python by a shared helper.
import asyncio


async def describe(n):
    await asyncio.sleep(0)
    match n:
        case 0:
            await asyncio.sleep(0)
            return 'zero'
        case 1 | 2:
            await asyncio.sleep(0)
            return 'small'
        case _:
            return 'large %d' % n


async def main():
    for n in range(4):
        print(n, await describe(n))
    log = []
    for n in range(4):
        # Java: case 0: log "a"; (falls through) case 1: await; log "b"; break; default: log "c"
        if n == 0:
            log.append('a%d' % n)
        if n in (0, 1):
            await asyncio.sleep(0)
            log.append('b%d' % n)
        else:
            log.append('c%d' % n)
    print(log)


asyncio.run(main())
