"""Helper for the crash test: save a contact over and over, acknowledging each save.

Usage: ``python tests/crash_writer.py FOLDER sync|background``

Each round stores the next counter value in the contact's notes (padded to a varying length so
the file grows and shrinks) and prints the value on stdout only once the save is durable:
after ``save_contact`` returned (sync) or after ``store.flush()`` (background). The test kills
this process with SIGKILL at a random moment and checks the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.models import Contact  # noqa: E402
from tui.core.store import Store  # noqa: E402

CONTACT_ID = "crashcontact"


def main() -> int:
    """Write until killed."""
    folder, mode = Path(sys.argv[1]), sys.argv[2]
    store = Store.open(folder, background=mode == "background")
    contact = store.contact_or_none(CONTACT_ID) or Contact(id=CONTACT_ID, name="Crash Test")
    counter = int(contact.notes.split()[0]) if contact.notes else 0
    while True:
        counter += 1
        contact.notes = f"{counter} " + "x" * (counter * 37 % 4000)
        contact.tags = [f"t{counter}"] * (counter % 5)
        store.save_contact(contact)
        if mode == "background" and not store.flush():
            print("flush failed", file=sys.stderr, flush=True)
            return 1
        print(counter, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
