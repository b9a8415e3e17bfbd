"""The campaign page's route handlers, looked up by name (:mod:`siteshell.routing`):
:class:`~campaigns.seekrelatives.models.SeekRelativesCampaignPage` declares the routes,
``campaigns.seekrelatives.views`` registers the handlers."""

from siteshell.routing import RouteHandlers

routes = RouteHandlers("the seek-relatives campaign", "campaigns.seekrelatives.views")
handles = routes.handles
serve = routes.serve
