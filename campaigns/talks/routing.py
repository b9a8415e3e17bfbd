"""The talks page's route handlers, looked up by name.

:class:`~campaigns.talks.models.TalksIndexPage` declares the routes and hands each request to
the handler registered here under the route's name; ``campaigns.talks.views`` registers them
(imported by ``TalksConfig.ready()``). The page model never imports its views.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_handlers: dict[str, Callable] = {}


def handles(name: str):
    """Register the decorated view as the handler of the route ``name``; it is called with
    ``(request, page, *route_arguments)``."""

    def register(view):
        _handlers[name] = view
        return view

    return register


def serve(name: str, request, page, *args):
    try:
        handler = _handlers[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No handler for the talks route {name!r}: is campaigns.talks.views imported?"
        ) from None
    return handler(request, page, *args)
