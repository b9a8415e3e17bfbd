"""``csrf_token`` in templates: a live fragment while a page that may be cached is rendered."""

from django.template.context_processors import csrf as django_csrf

from siteshell.pagecache import live


def csrf(request):
    """Replaces Django's built-in processor (this one runs after it): the ``{% csrf_token %}`` of
    a page that may be stored is a marker, filled with each visitor's own token on every serve."""
    if live.caching():
        return {"csrf_token": live.marker("csrf_token")}
    return django_csrf(request)
