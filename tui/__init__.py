"""coffeechat: a keyboard-first terminal companion for informational interviews."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("coffeechat")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
