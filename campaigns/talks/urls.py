"""Addresses outside the page tree, under ``/talks/`` in the namespace ``talks``: the iCalendar
files (a page address cannot hold the dot of ``.ics``)."""

from django.urls import path

from campaigns.talks.views import talk_feed, talk_ics

urlpatterns = [
    path("talks/feed.ics", talk_feed, name="feed"),
    path("talks/<int:pk>.ics", talk_ics, name="talk_ics"),
]
