"""Admin URLs, under ``/admin/moderation/`` in the namespace ``moderation_admin``."""

from django.urls import path

from siteshell.moderation.admin_views.export import export_audit
from siteshell.moderation.admin_views.inbox import InboxView, KindListView
from siteshell.moderation.admin_views.reports import ReportListView, ReportReviewView
from siteshell.moderation.admin_views.review import ReviewView

urlpatterns = [
    path("", InboxView.as_view(), name="inbox"),
    path("export/", export_audit, name="export"),
    path("reports/", ReportListView.as_view(), name="reports"),
    path("reports/<int:pk>/", ReportReviewView.as_view(), name="report"),
    path("<str:slug>/", KindListView.as_view(), name="kind"),
    path("<str:slug>/<int:pk>/", ReviewView.as_view(), name="review"),
]
