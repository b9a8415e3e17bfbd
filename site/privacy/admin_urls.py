from django.urls import path

from siteshell.privacy.admin_views import SubjectRequestView

urlpatterns = [path("", SubjectRequestView.as_view(), name="subject")]
