# Twin of CombinationTest.returnInTryInsideLabeledLoopWithAwaitingFinally: await in a finally
# after a return in a try inside a labeled loop; break and continue crossing two finallies.
import asyncio

async def find(items, wanted):
    for i, item in enumerate(items):  # search:
        try:
            try:
                await asyncio.sleep(0)
                if item == wanted:
                    return i
                if item == "skip":
                    continue  # continue search
                if item == "stop":
                    break  # break search
                print("looked at", item)
            finally:
                await asyncio.sleep(0)
                print("inner finally", item)
        finally:
            await asyncio.sleep(0)
            print("outer finally", item)
    print("not found", wanted)
    return -1

async def main():
    print(await find(["a", "b", "c"], "b"))
    print(await find(["a", "skip", "stop", "c"], "c"))

asyncio.run(main())
