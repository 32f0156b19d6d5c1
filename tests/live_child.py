"""Child process for the crash tests: types into a live call and reports each key it typed.

``python tests/live_child.py DATA_DIR kill|hangup``. The app runs under ``App.run_test``
with a real store (background writer). It starts the call, types ``FIRST`` into the current
question's note printing ``typed N`` after each key has been handled, prints ``idle``, keeps
still for ``IDLE_SECONDS``, then types ``MORE`` (again acknowledging each key) until the
parent kills it (``kill``) or sends SIGHUP (``hangup``), after which it prints ``exited``.
"""

from __future__ import annotations

import asyncio
import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.live_tools import live_app  # noqa: E402
from tests.uitools import _key  # noqa: E402

FIRST = "[b]Ana[/] ok. "
MORE = "more words "
IDLE_SECONDS = 1.5
MAX_MORE = 400


def typed_text(count: int) -> str:
    """What the child has typed after ``count`` acknowledged keys."""
    return "".join(islice(cycle_all(), count))


def cycle_all():  # type: ignore[no-untyped-def]
    """Every character the child types, in order."""
    yield from FIRST
    yield from cycle(MORE)


def ack(count: int) -> None:
    """Tell the parent that ``count`` keys are handled."""
    print(f"typed {count} {time.monotonic():.3f}", flush=True)


async def main(folder: Path, mode: str) -> None:
    """Run the app and type until stopped."""
    app = live_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f4", "ctrl+t")
        count = 0
        for char in FIRST:
            await pilot.press(_key(char))
            count += 1
            ack(count)
        print("idle", flush=True)
        await asyncio.sleep(IDLE_SECONDS)
        try:
            for char in islice(cycle(MORE), MAX_MORE):
                if not app.is_running:
                    break
                await pilot.press(_key(char))
                count += 1
                ack(count)
                await asyncio.sleep(0.02)
        except Exception:  # the app went away under the pilot (SIGHUP): that is the test
            pass
        while app.is_running:
            await asyncio.sleep(0.05)
    print("exited", flush=True)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2]))
