"""The user's own profile: their name and a one-line introduction, kept in the data (exported,
imported, one per data folder), never in the config folder.

Earlier versions kept these two lines as ``my_name`` and ``who_i_am`` in the config folder's
``settings.json``; :func:`move_from_settings` moves them into the data once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.models.record import ModelError, Record, now_iso
from tui.core.settings import load_settings, settings_path
from tui.core.storage import atomic_write

if TYPE_CHECKING:
    from tui.core.store import Store

PROFILE_ID = "me"
MAX_FIELD = 2000
OLD_SETTING_KEYS = ("my_name", "who_i_am")


@dataclass
class Profile(Record):
    """Who the user is, as their drafts introduce them (``{my_name}``, ``{who_i_am}``)."""

    WHAT = "profile"

    name: str = ""
    intro: str = ""
    id: str = PROFILE_ID
    updated_at: str = field(default_factory=now_iso)
    unknown_fields: dict[str, Any] = field(default_factory=dict, repr=False, kw_only=True)

    def validate(self, where: str) -> None:
        """Each line under :data:`MAX_FIELD` characters; the id is always :data:`PROFILE_ID`."""
        self.id = PROFILE_ID
        for label, value in (("name", self.name), ("intro", self.intro)):
            if len(value) > MAX_FIELD:
                raise ModelError(f"{where}: '{label}' is longer than {MAX_FIELD:,} characters")

    @property
    def empty(self) -> bool:
        """Nothing filled in yet."""
        return not (self.name.strip() or self.intro.strip())

    def values(self) -> dict[str, str]:
        """The template placeholders the profile fills."""
        return {"my_name": self.name.strip(), "who_i_am": self.intro.strip()}


def profile_from_settings(settings: dict[str, Any]) -> Profile | None:
    """The profile an earlier version kept in settings.json (None if it kept none)."""
    name, intro = (str(settings.get(key) or "").strip() for key in OLD_SETTING_KEYS)
    return Profile(name=name, intro=intro) if name or intro else None


def move_from_settings(store: Store, config_folder: Path | None = None) -> bool:
    """Move a profile left in the config folder into the data, once: only into a data folder
    that has no profile yet, and then it leaves settings.json (so another data folder does not
    take it too). Returns True if it moved."""
    settings = load_settings(config_folder)
    old = profile_from_settings(settings)
    if old is None:
        return False
    if store.profile().empty:
        store.save_profile(old)
    for key in OLD_SETTING_KEYS:
        settings.pop(key, None)
    path = settings_path(config_folder)
    atomic_write(path, json.dumps(settings, indent=2).encode("utf-8"))
    return True
