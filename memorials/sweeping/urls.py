"""The public pages, under the plugin's label (namespace ``sweeping``): the request form
``/sweeping/``, the status page ``/sweeping/status/``, its photos and the family's erasure."""

from django.urls import path

from memorials.sweeping import views

urlpatterns = [
    path("sweeping/", views.request_form, name="request"),
    path("sweeping/status/", views.status, name="status"),
    path("sweeping/status/photo/<str:token>/", views.photo, name="photo"),
    path("sweeping/status/erase/", views.erase, name="erase"),
]
