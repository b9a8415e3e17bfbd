"""The archive page's route handlers, looked up by name.

:class:`~memorials.models.MartyrArchivePage` declares the routes (the public URLs, with
Wagtail's ``RoutablePageMixin``) and hands each request to the handler registered here under
the route's name; ``memorials.views`` registers the handlers (imported by
``MemorialsConfig.ready()``). The page model never imports its views, so that ``models`` stays
at the bottom of the plugin's imports: views import models, never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_handlers: dict[str, Callable] = {}


def handles(name: str):
    """Register the decorated view as the handler of the archive page's route ``name``; it is
    called with ``(request, page, *route_arguments)``."""

    def register(view):
        _handlers[name] = view
        return view

    return register


def serve(name: str, request, page, *args, **kwargs):
    """The response of the handler registered for ``name``."""
    try:
        handler = _handlers[name]
    except KeyError:
        raise ImproperlyConfigured(f"No handler for the archive route {name!r}: is memorials.views imported?") from None
    return handler(request, page, *args, **kwargs)
