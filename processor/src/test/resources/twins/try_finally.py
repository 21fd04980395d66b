# Twin of TryTest.awaitsInEveryPartOfTry: try/except/finally with awaits in each part,
# returns and breaks crossing a finally that awaits, nested finallies.
import asyncio

class Boom(Exception):
    pass

async def fail(msg):
    await asyncio.sleep(0)
    raise Boom(msg)

async def inner(n):
    try:
        await asyncio.sleep(0)
        if n == 1:
            return "early"
        await fail("inner " + str(n))
    except Boom as e:
        print("caught", e)
        await asyncio.sleep(0)
        print("handled", e)
    finally:
        print("finally", n)
        await asyncio.sleep(0)
        print("finally done", n)
    return "late"

async def nested():
    try:
        try:
            await fail("deep")
        finally:
            await asyncio.sleep(0)
            print("inner finally")
    except Boom as e:
        print("outer caught", e)
    finally:
        await asyncio.sleep(0)
        print("outer finally")

async def loop_with_finally():
    for i in range(5):  # outer:
        try:
            await asyncio.sleep(0)
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            await asyncio.sleep(0)
            print("cleanup", i)
    return "loop over"

async def return_in_nested_finallies():
    try:
        try:
            return "value"
        finally:
            await asyncio.sleep(0)
            print("first")
    finally:
        await asyncio.sleep(0)
        print("second")

async def main():
    print(await inner(1))
    print(await inner(2))
    await nested()
    print(await loop_with_finally())
    print(await return_in_nested_finallies())
    try:
        await fail("uncaught")
    except Boom as e:
        print("main caught", e)

asyncio.run(main())
