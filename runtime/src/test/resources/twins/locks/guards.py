"""Twin of GuardTest: test_locks' test_lock_by_with_statement and test_context_manager for
every primitive `async with` accepts (what @Guarded compiles to).

Run: PYENV_VERSION=3.13.0 python3 guards.py > guards.txt
"""
import asyncio


async def test_lock_by_with_statement():
    primitives = [
        ("Lock", asyncio.Lock()),
        ("Condition", asyncio.Condition()),
        ("Semaphore", asyncio.Semaphore()),
        ("BoundedSemaphore", asyncio.BoundedSemaphore()),
    ]
    for name, lock in primitives:
        await asyncio.sleep(0.01)
        print(name, "locked", lock.locked())
        async with lock:
            print(name, "inside", lock.locked())
        print(name, "after", lock.locked())
        try:
            async with lock:
                raise ValueError(name)
        except ValueError as e:
            print(name, "ValueError", e, "locked", lock.locked())


async def test_guarded_contention():
    """Two tasks per guard: the second waits for the first's release, FIFO."""
    primitives = [
        ("Lock", asyncio.Lock()),
        ("Condition", asyncio.Condition()),
        ("Semaphore", asyncio.Semaphore()),
        ("BoundedSemaphore", asyncio.BoundedSemaphore()),
    ]
    for name, lock in primitives:
        async def user(who):
            async with lock:
                print(name, who, "in")
                await asyncio.sleep(0)
                print(name, who, "out")

        await asyncio.gather(user("a"), user("b"), user("c"))
        print(name, "locked", lock.locked())


def main():
    for test in (test_lock_by_with_statement, test_guarded_contention):
        print(f"== {test.__name__}")
        asyncio.run(test())


main()
