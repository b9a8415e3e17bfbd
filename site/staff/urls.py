"""Admin addresses the shell answers before Wagtail's (included ahead of ``wagtail.admin.urls``)."""

from django.urls import path

from siteshell.staff.views import account_view

urlpatterns = [
    path("account/", account_view, name="staff_account"),
]
