# Twin of TryWithResourcesTest: Java's try-with-resources written out (JLS 14.20.3.1):
# resources closed in reverse on every exit (normal, exception, return, cancellation); a
# close that fails while an exception propagates is added to it as suppressed.
import asyncio

class Res:
    def __init__(self, name, fail_close=False):
        self.name, self.fail_close = name, fail_close
        print("open", name)
    def close(self):
        print("close", self.name)
        if self.fail_close:
            raise RuntimeError("close " + self.name)

def close_after(res, primary):
    if primary is None:
        res.close()
        return
    try:
        res.close()
    except Exception as s:
        primary.suppressed = getattr(primary, "suppressed", []) + [str(s)]

async def use(fail):
    a = Res("a")
    primary_a = None
    try:
        b = Res("b", fail_close=True)
        primary_b = None
        try:
            await asyncio.sleep(0)
            print("body")
            if fail:
                raise ValueError("body failed")
            return "returned"
        except BaseException as e:
            primary_b = e
            raise
        finally:
            close_after(b, primary_b)
    except BaseException as e:
        primary_a = e
        raise
    finally:
        close_after(a, primary_a)

async def sleeper():
    r = Res("s")
    primary = None
    try:
        await asyncio.sleep(10)
    except BaseException as e:
        primary = e
        raise
    finally:
        close_after(r, primary)

async def main():
    try:
        print(await use(False))
    except RuntimeError as e:
        print("caught", e)
    try:
        await use(True)
    except ValueError as e:
        print("caught", e, "suppressed", e.suppressed)
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("sleeper cancelled")

asyncio.run(main())
