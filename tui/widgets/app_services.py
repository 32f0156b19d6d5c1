"""The one typed way from any widget to the app's :class:`~tui.services.Services`."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.dom import DOMNode

from tui.services import Services


@runtime_checkable
class ServicesHost(Protocol):
    """An app that carries the services (the coffeechat app does)."""

    services: Services


def app_services(node: DOMNode) -> Services:
    """The services of the app ``node`` runs in."""
    app = node.app
    if not isinstance(app, ServicesHost):
        raise LookupError(f"{type(app).__name__} does not carry coffeechat's services")
    return app.services
