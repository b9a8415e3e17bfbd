"""Public URLs, mounted at ``/report/`` in the namespace ``moderation``."""

from django.urls import path

from siteshell.moderation import public_views

urlpatterns = [
    path("thanks/", public_views.thanks, name="report_thanks"),
    path("<str:token>/", public_views.report, name="report"),
]
