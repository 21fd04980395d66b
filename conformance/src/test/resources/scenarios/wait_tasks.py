# asyncio.wait: FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED split tasks into done and
# pending, in the order given; no task is cancelled by wait itself.
import asyncio


class Boom(Exception):
    pass


async def main():
    async def work(name, delay, fail=False):
        await asyncio.sleep(delay)
        if fail:
            raise Boom(name)
        return name

    def names(tasks):
        return sorted(t.get_name() for t in tasks)

    tasks = [asyncio.create_task(work(n, d), name=n) for n, d in (('a', 0.3), ('b', 0.1), ('c', 0.2))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print('first completed: done', names(done), 'pending', names(pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print('then: done', names(done), 'pending', names(pending))

    tasks = [asyncio.create_task(work(n, d, f), name=n)
             for n, d, f in (('d', 0.1, False), ('e', 0.2, True), ('f', 0.3, False))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print('first exception: done', names(done), 'pending', names(pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), 'exception:', repr(t.exception()))

    done, pending = await asyncio.wait(tasks)
    print('all completed: done', names(done), 'pending', names(pending))
    print('f result:', tasks[2].result())


asyncio.run(main())
