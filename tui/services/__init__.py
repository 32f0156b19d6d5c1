"""What the app runs on, without Textual: the store, the autosaver, the folders, the clock, the
settings and the content, gathered in one :class:`Services` object.

The app makes it once, before its event loop starts (so every file it reads is read then, but
the content, which is read on a thread once the app shows), and the UI reaches it through one
typed accessor (``tui.widgets.services.app_services``). Screens use the store and the
autosaver; panes, dialogs and widgets use only the clock, the folders, the settings and the
content (checked by the import contracts and ``tests/test_layers.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.paths import config_dir
from tui.core.profile import move_from_settings
from tui.core.settings import Settings
from tui.core.store import Store
from tui.services.autosave import Autosaver
from tui.services.content_loader import ContentLoader
from tui.services.derived import Derived

if TYPE_CHECKING:
    from tui.core.library import ContentLibrary


def system_now() -> datetime:
    """The current moment, aware of the local time zone."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Folders:
    """Where the data lives, and where the user's templates and preferences are."""

    data: Path
    config: Path


@dataclass
class Services:
    """Everything the UI needs from outside itself."""

    store: Store
    autosaver: Autosaver
    folders: Folders
    settings: Settings
    #: Reads the content library once, on a thread the app starts after its first frame.
    content_loader: ContentLoader
    clock: Callable[[], datetime] = system_now
    #: Things to tell the user once the app shows (a backup not made, a profile not moved).
    warnings: list[str] = field(default_factory=list)
    #: One line per data file that needs the user (shown on the home screen).
    data_problems: list[str] = field(default_factory=list)
    #: Results worked out from the records (the Progress numbers), kept while they hold.
    derived: Derived = field(default_factory=Derived)

    @classmethod
    def start(cls, store: Store, config_folder: Path | None = None,
              clock: Callable[[], datetime] = system_now) -> Services:
        """Gather the services for ``store``: move an old profile into the data, read the
        settings (the content is read later, on a thread: see :class:`ContentLoader`). Reads
        files: call it before the event loop starts."""
        config = config_folder if config_folder is not None else config_dir()
        warnings = list(store.warnings)
        if not store.readonly:
            try:
                move_from_settings(store, config)
            except (OSError, ValueError) as exc:
                warnings.append(f"Your name and introduction stay in the settings for now: {exc}")
        return cls(store=store, autosaver=Autosaver(store), folders=Folders(store.path.parent,
                   config), settings=Settings.load(config), content_loader=ContentLoader(config),
                   clock=clock, warnings=warnings)

    @property
    def content(self) -> ContentLibrary:
        """The checklist, question bank, templates and reflection prompts."""
        return self.content_loader.get()
