"""The site's URLs after ``/bench-bare/``, a view that renders nothing and reads nothing: the
cost of Django, the site's middleware and gunicorn alone."""

from django.http import HttpResponse
from django.urls import path

from siteshell.urls import urlpatterns as site_urlpatterns


def bare_view(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench-bare/", bare_view), *site_urlpatterns]
