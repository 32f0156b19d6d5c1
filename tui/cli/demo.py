"""``coffeechat demo``: the app on sample data in a throwaway folder."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import open_app, open_store

if TYPE_CHECKING:
    from tui.cli.common import Subparsers

# -- coffeechat demo ---------------------------------------------------------------------


def _add_demo(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "demo",
        help="open the app on sample data in a throwaway folder",
        description="Open the app on a few sample conversations at every stage, in a "
        "temporary folder that is deleted afterwards. Your own data is not touched.",
    )
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace, folder: Path) -> int:
    """Fill a temporary folder with the demo data and open the app on it, with a config
    folder of its own: the demo never reads or writes the user's data or settings."""
    from tui.core.demo import load_demo

    with tempfile.TemporaryDirectory(prefix="coffeechat-demo-") as tmp:
        demo_folder = Path(tmp) / "data"
        store = open_store(demo_folder, readonly=False)
        try:
            load_demo(store)
        finally:
            store.close()
        return open_app(demo_folder, config_folder=Path(tmp) / "config")


