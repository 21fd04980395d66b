# Helpers shared by the twins of ExpressionTest (processor/src/test/java/.../ExpressionTest.java):
# each mirrors the helper of the same name in the Java templates, printing what it evaluates.
import asyncio


def v(tag, x):
    """An operand with a visible side effect."""
    print(tag)
    return x


async def f(tag, x):
    """A coroutine that really suspends (sleep(0)) before returning x."""
    print("await", tag)
    await asyncio.sleep(0)
    print("resume", tag)
    return x


def ready(tag, x):
    """An awaitable that is already complete: awaiting it does not suspend."""
    print("ready", tag)
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(x)
    return fut


async def ticker(n):
    """Prints a tick on each step of the loop, so that suspensions show in the transcript."""
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


def show(*parts):
    print("show [" + ", ".join(jstr(p) for p in parts) + "]")


def jstr(x):
    """Java's string conversion for the values these twins print."""
    if x is True:
        return "true"
    if x is False:
        return "false"
    if x is None:
        return "null"
    if isinstance(x, list):
        return "[" + ", ".join(jstr(p) for p in x) + "]"
    return str(x)
