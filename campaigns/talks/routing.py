"""The talks page's route handlers, looked up by name (:mod:`siteshell.routing`):
:class:`~campaigns.talks.models.TalksIndexPage` declares the routes, ``campaigns.talks.views``
registers the handlers."""

from siteshell.routing import RouteHandlers

routes = RouteHandlers("the talks page", "campaigns.talks.views")
handles = routes.handles
serve = routes.serve
