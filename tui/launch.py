"""The ``coffeechat`` command's way in: it starts without the cyclic garbage collector, and a
subcommand's process ends as soon as its work is done.

Starting makes tens of thousands of objects that live as long as the process (modules,
classes, records, widgets) and next to no garbage in cycles, yet each pass the collector makes
meanwhile walks all of them: about a tenth of the app's start-up. Subcommands run without it
to the end (see :mod:`tui.cli`); the app turns it back on once its first frame is drawn.

A subcommand has closed the data and written its output when it returns; tearing the
interpreter down after that (freeing every record one by one, then every module) only makes a
script wait, about 20 ms after ``coffeechat due`` at 10,000 conversations.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> int:
    """Run the command line (``tui.cli.main``) on the process's arguments."""
    gc.disable()
    from tui.cli import main as run_command_line

    code = run_command_line()
    if "tui.app" not in sys.modules:  # a subcommand (only the app loads the app's code)
        leave(code)
    return code


def leave(code: int) -> None:
    """End the process with ``code`` once stdout and stderr are flushed (if they cannot be,
    return: the interpreter's own exit deals with it as before)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # a closed pipe, a full disk: reported by the usual way out
        return
    os._exit(code)
