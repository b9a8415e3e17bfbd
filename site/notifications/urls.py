"""The public status page, mounted by the shell under the namespace ``notifications``."""

from urllib.parse import urlencode

from django.urls import path, reverse

from siteshell.notifications import views
from siteshell.notifications.factors import PHONE_LAST4

app_name = "notifications"

urlpatterns = [path("track/", views.track, name="track")]


def tracking_page_url(factor_kind=PHONE_LAST4) -> str:
    """The status page that asks for ``factor_kind`` (a registered ``FactorKind`` key)."""
    url = reverse("notifications:track")
    return url if factor_kind == PHONE_LAST4 else f"{url}?{urlencode({'factor': factor_kind})}"
