"""coffeechat: a keyboard-first terminal companion for informational interviews."""

from __future__ import annotations


def package_version() -> str:
    """The installed version (``0.0.0+source`` in a source tree that was never installed)."""
    from importlib.metadata import PackageNotFoundError, version  # slow: only when asked

    try:
        return version("coffeechat")
    except PackageNotFoundError:
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    """``tui.__version__``, looked up the first time it is asked for (the command line starts
    faster without importlib.metadata)."""
    if name == "__version__":
        value = globals()["__version__"] = package_version()
        return value
    raise AttributeError(f"module 'tui' has no attribute {name!r}")
