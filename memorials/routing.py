"""The archive page's route handlers, looked up by name (:mod:`siteshell.routing`):
:class:`~memorials.models.MartyrArchivePage` declares the routes, ``memorials.views`` registers
the handlers."""

from siteshell.routing import RouteHandlers

routes = RouteHandlers("the martyr archive", "memorials.views")
handles = routes.handles
serve = routes.serve
