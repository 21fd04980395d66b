# Twin of ConsumesTest.workersTakeItemsUntilShutdown: @Consumes(value="jobs", workers=2) with
# @AwaitsEvent("open") and @Guarded("lock") nested inside, as docs/design.md orders them.
import asyncio

async def main():
    jobs = asyncio.Queue()
    opened = asyncio.Event()
    lock = asyncio.Lock()

    async def handle(job):
        await opened.wait()
        async with lock:
            print("start", job)
            await asyncio.sleep(1)
            if job == "bad":
                raise ValueError("bad job")
            print("end", job)

    async def worker():
        while True:
            try:
                job = await jobs.get()
            except asyncio.QueueShutDown:
                return
            try:
                await handle(job)
            finally:
                jobs.task_done()

    workers = [asyncio.create_task(worker()) for _ in range(2)]
    for j in ["a", "b", "c"]:
        jobs.put_nowait(j)
    await asyncio.sleep(0.5)
    print("opening")
    opened.set()
    await jobs.join()
    print("all done")
    jobs.shutdown()
    await asyncio.wait(workers)
    print("workers", [w.done() for w in workers])

asyncio.run(main())
