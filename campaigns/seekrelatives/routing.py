"""The campaign page's route handlers, looked up by name.

:class:`~campaigns.seekrelatives.models.SeekRelativesCampaignPage` declares the routes (public
URLs under the page, Wagtail's ``RoutablePageMixin``) and hands each request to the handler
registered here; ``campaigns.seekrelatives.views`` registers them (imported by the app's
``ready()``), so that the models never import the views.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_handlers: dict[str, Callable] = {}


def handles(name: str):
    """Register the decorated view for the route ``name``; it is called with
    ``(request, page, *route_arguments)``."""

    def register(view):
        _handlers[name] = view
        return view

    return register


def serve(name: str, request, page, *args, **kwargs):
    try:
        handler = _handlers[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No handler for the campaign route {name!r}: is the views module imported?"
        ) from None
    return handler(request, page, *args, **kwargs)
