"""The target companies on disk: ``companies.json`` beside the data file, plain TinyDB JSON
(``{"companies": {"1": {...}}}``), written atomically and privately (0600).

A file that does not parse or holds something else is never overwritten: loading raises
:class:`CompanyFileError` naming the file and what is wrong, and saving refuses until the
user has moved it away.
"""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.companies import Company
from tui.core.files import atomic_write
from tui.core.models import ModelError

COMPANIES_FILE = "companies.json"
TABLE = "companies"


class CompanyFileError(ValueError):
    """The companies file cannot be used; the message says where and why."""


def companies_path(data_folder: Path) -> Path:
    """Where the companies live."""
    return data_folder / COMPANIES_FILE


def load_companies(data_folder: Path) -> list[Company]:
    """The saved companies (none when the file does not exist yet)."""
    path = companies_path(data_folder)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise CompanyFileError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
        table = data.get(TABLE, {}) if isinstance(data, dict) else None
        if not isinstance(table, dict):
            raise ValueError("not a coffeechat companies file")
        return [Company.from_dict(doc) for _, doc in sorted(table.items(),
                                                            key=lambda kv: _order(kv[0]))]
    except (UnicodeDecodeError, ValueError, ModelError) as exc:
        raise CompanyFileError(f"{path}: {exc}; it is left as it is (move it away to start "
                               "a new list)") from None


def _order(doc_id: str) -> tuple[int, str]:
    return (int(doc_id), "") if doc_id.isdigit() else (0, doc_id)


def save_companies(data_folder: Path, companies: list[Company]) -> None:
    """Write every company (raises ``CompanyFileError`` rather than overwrite a damaged file,
    ``OSError`` when the disk refuses)."""
    load_companies(data_folder)  # a damaged file raises here and stays untouched
    table = {str(i): c.to_dict() for i, c in enumerate(companies, start=1)}
    payload = json.dumps({TABLE: table}, ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write(companies_path(data_folder), payload)
