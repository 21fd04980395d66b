# Default task names: Task-N counts only the tasks made without a name (main is Task-1 under
# asyncio.run), so a named task then an unnamed one gives Task-2; set_name renames.
import asyncio


async def main():
    print('main:', asyncio.current_task().get_name())

    async def work():
        await asyncio.sleep(0)
        return asyncio.current_task().get_name()

    named = asyncio.create_task(work(), name='worker')
    unnamed = asyncio.create_task(work())
    print('named:', named.get_name())
    print('unnamed:', unnamed.get_name())
    more = [asyncio.create_task(work(), name=f'w{i}') for i in range(3)]
    last = asyncio.create_task(work())
    print('after three named:', last.get_name())
    unnamed.set_name('renamed')
    print('results:', await asyncio.gather(named, unnamed, *more, last))


asyncio.run(main())
