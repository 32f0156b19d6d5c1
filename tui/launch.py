"""The ``coffeechat`` command's way in: it starts without the cyclic garbage collector.

Starting makes tens of thousands of objects that live as long as the process (modules,
classes, records, widgets) and next to no garbage in cycles, yet each pass the collector makes
meanwhile walks all of them: about a tenth of the app's start-up. Subcommands run without it
to the end (see :mod:`tui.cli`); the app turns it back on once its first frame is drawn.
"""

from __future__ import annotations

import gc


def main() -> int:
    """Run the command line (``tui.cli.main``) on the process's arguments."""
    gc.disable()
    from tui.cli import main as run_command_line

    return run_command_line()
