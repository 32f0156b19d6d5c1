"""The target companies on disk: ``companies.json`` beside the data file (see
:mod:`tui.core.record_file` for the format and the rules)."""

from __future__ import annotations

from pathlib import Path

from tui.core.companies import Company
from tui.core.record_file import RecordFileError, load_records, save_records

COMPANIES_FILE = "companies.json"
TABLE = "companies"
CompanyFileError = RecordFileError


def companies_path(data_folder: Path) -> Path:
    """Where the companies live."""
    return data_folder / COMPANIES_FILE


def load_companies(data_folder: Path) -> list[Company]:
    """The saved companies (none when the file does not exist yet)."""
    return load_records(companies_path(data_folder), TABLE, Company.from_dict)


def save_companies(data_folder: Path, companies: list[Company]) -> None:
    """Write every company (a damaged file is never overwritten)."""
    save_records(companies_path(data_folder), TABLE, companies, Company.from_dict)
