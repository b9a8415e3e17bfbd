"""Route handlers looked up by name, for a plugin's routable page.

A plugin's page model declares its public URLs with Wagtail's ``RoutablePageMixin`` and hands
each request to the handler registered under the route's name; the plugin's views module
registers the handlers (imported by its ``AppConfig.ready()``). The page model never imports
its views, so that ``models`` stays at the bottom of the plugin's imports: views import models,
never the other way round. ::

    routes = RouteHandlers("the archive", "memorials.views")   # memorials/routing.py

    @routes.handles("record")                                   # memorials/views.py
    def record(request, page, record_id): ...

    return routes.serve("record", request, self, record_id)     # the page's route
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured


class RouteHandlers:
    def __init__(self, page: str, views_module: str):
        self.page = page
        self.views_module = views_module
        self._handlers: dict[str, Callable] = {}

    def handles(self, name: str):
        """Register the decorated view as the handler of the route ``name``; it is called with
        ``(request, page, *route_arguments)``."""

        def register(view):
            self._handlers[name] = view
            return view

        return register

    def serve(self, name: str, request, page, *args, **kwargs):
        """The response of the handler registered for ``name``."""
        try:
            handler = self._handlers[name]
        except KeyError:
            raise ImproperlyConfigured(
                f"No handler for the route {name!r} of {self.page}: is {self.views_module} imported?"
            ) from None
        return handler(request, page, *args, **kwargs)
