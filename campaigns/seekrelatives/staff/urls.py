"""The plugin's admin URLs, in the namespace ``seekrelatives_admin`` (``/admin/seekrelatives/``)."""

from django.urls import path

from campaigns.seekrelatives.staff import cases, files, reports

urlpatterns = [
    path("cases/", cases.case_list, name="cases"),
    path("cases/<int:pk>/", cases.case_detail, name="case"),
    path("attachments/<int:pk>/", files.attachment, name="attachment"),
    path("statistics/", reports.statistics_page, name="statistics"),
    path("statistics/clues.csv", reports.statistics_csv, name="statistics_csv"),
]
