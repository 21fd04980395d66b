# try/finally with awaits in the try, the finally and the catch: a return inside the try
# runs the finally (which awaits) before the value leaves; break and continue leaving a
# try run its finally; an exception is replayed after an awaiting finally.
import asyncio


class Boom(Exception):
    pass


async def returns_in_try(log):
    try:
        await asyncio.sleep(0)
        log.append('try')
        return 'from try'
    finally:
        await asyncio.sleep(0)
        log.append('finally')


async def overrides_in_finally(log):
    try:
        await asyncio.sleep(0)
        raise Boom('lost')
    finally:
        await asyncio.sleep(0)
        log.append('finally returns')
        return 'from finally'


async def loop_with_finally(log):
    for i in range(4):
        try:
            await asyncio.sleep(0)
            if i == 1:
                continue
            if i == 3:
                break
            log.append('body %d' % i)
        finally:
            await asyncio.sleep(0)
            log.append('finally %d' % i)
    log.append('after loop')


async def nested(log):
    try:
        try:
            await asyncio.sleep(0)
            raise Boom('inner')
        except Boom as e:
            await asyncio.sleep(0)
            log.append('catch ' + str(e))
            raise ValueError('rethrown')
        finally:
            await asyncio.sleep(0)
            log.append('inner finally')
    except ValueError as e:
        log.append('outer catch ' + str(e))
    finally:
        await asyncio.sleep(0)
        log.append('outer finally')
    return 'nested done'


async def main():
    for f in (returns_in_try, overrides_in_finally, loop_with_finally, nested):
        log = []
        result = await f(log)
        print(f.__name__ + ':', log, '->', result)


asyncio.run(main())
