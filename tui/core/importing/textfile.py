"""Reading an import file as text: size and format checks, encoding, control characters."""

from __future__ import annotations

from pathlib import Path

from tui.core.importing.rows import ImportFileError, line_numbers
from tui.core.safetext import strip_controls_counted

MAX_BYTES = 100 * 1024 * 1024
_SIGNATURES = {
    b"PK\x03\x04": "a ZIP archive (an Excel workbook or LinkedIn's whole data archive?): "
                   "unzip it, or save the sheet as CSV",
    b"%PDF": "a PDF document",
    b"\xd0\xcf\x11\xe0": "an old Excel or Word file: save it as CSV",
    b"{\\rtf": "an RTF document",
}


def read_source(source: Path | bytes, label: str | None = None) -> tuple[bytes, str]:
    """The bytes of ``source`` (a path or the bytes themselves) and a name for messages."""
    if isinstance(source, bytes):
        return source, label or "the file"
    name = label or str(source)
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise ImportFileError(f"{name} is {size / 1e6:,.0f} MB; coffeechat imports files "
                                  f"up to {MAX_BYTES // 1024 // 1024} MB")
        return source.read_bytes(), name
    except FileNotFoundError:
        raise ImportFileError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise ImportFileError(f"{name} is a folder, not a file") from None
    except PermissionError:
        raise ImportFileError(f"{name} cannot be read: permission denied") from None
    except OSError as exc:
        raise ImportFileError(f"{name} cannot be read ({exc.strerror or exc})") from None


def _looks_like_utf16(raw: bytes) -> bool:
    """True for text in UTF-16 (either byte order) without a byte-order mark: in its first
    kilobyte, NUL bytes sit at almost every even or almost every odd place, as they do for
    Latin letters, digits and punctuation, and nowhere else."""
    head = raw[: min(len(raw), 1024) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    if len(odd) < 2:
        return False
    for zeros, other in ((even, odd), (odd, even)):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            return True
    return False


def decode(raw: bytes, name: str, warnings: list[str]) -> tuple[str, int]:
    """Text of an import file and the number of control characters removed.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as
    such; in a file that is not all UTF-8, each line that is UTF-8 is read as such and the
    others as Windows-1252, with a warning naming them. Binary and empty files are refused
    with what they look like.
    """
    for signature, what in _SIGNATURES.items():
        if raw.startswith(signature):
            raise ImportFileError(f"{name} is {what}, not a text file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFileError(f"{name}: broken UTF-16 text at byte {exc.start}") from None
    else:
        if b"\x00" in raw:
            if _looks_like_utf16(raw):
                raise ImportFileError(f"{name} looks like UTF-16 text without a byte-order "
                                      "mark; save it as UTF-8 and import it again")
            line = raw[: raw.index(b"\x00")].count(b"\n") + 1
            raise ImportFileError(f"{name}:{line}: holds NUL bytes; it is a binary file, "
                                  "not text")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _line_by_line(raw.removeprefix(b"\xef\xbb\xbf"), name, warnings)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ImportFileError(f"{name} is empty")
    return strip_controls_counted(text)


def _line_by_line(raw: bytes, name: str, warnings: list[str]) -> str:
    """A file that is not all UTF-8: each line that is UTF-8 read as such (a UTF-8 sequence
    never holds a newline byte, so this is the text a whole-file read would give), the others
    as Windows-1252, named in one warning."""
    texts = []
    western = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            texts.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            texts.append(line.decode("cp1252"))
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{name}:{number}: byte 0x{line[exc.start]:02x} is not UTF-8 or Windows-1252 "
                "text; save the file as UTF-8 and try again") from None
        western.append(number)
    warnings.append(f"{line_numbers(western)}: not UTF-8; read as Windows-1252 (Western "
                    "European). Check the accented names there, or save the file as UTF-8")
    return "\n".join(texts)
