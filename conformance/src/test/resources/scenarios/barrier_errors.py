# test_locks.py BarrierTests.test_barrier_parties and a wait on a broken barrier.
import asyncio


async def main():
    for parties in (0, -4):
        try:
            asyncio.Barrier(parties)
        except ValueError as e:
            print('ValueError:', e)
    barrier = asyncio.Barrier(2)
    print('parties:', barrier.parties, 'n_waiting:', barrier.n_waiting, 'broken:', barrier.broken)
    await barrier.abort()
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print('caught', repr(e))
    await barrier.reset()
    print('after reset, broken:', barrier.broken)


asyncio.run(main())
