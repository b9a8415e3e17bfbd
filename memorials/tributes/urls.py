"""The halls live outside the page tree (one per published record, millions of them), under the
plugin's label: ``/tributes/<record id>/`` (namespace ``tributes``)."""

from django.urls import path

from memorials.tributes import views

urlpatterns = [
    path("tributes/", views.index, name="index"),
    path("tributes/<int:record_id>/", views.hall, name="hall"),
    path("tributes/<int:record_id>/offer/", views.offer, name="offer"),
    path("tributes/<int:record_id>/message/", views.message, name="message"),
    path("tributes/<int:record_id>/wreath/", views.wreath, name="wreath"),
]
