"""What every public page needs around its content: navigation and display modes."""

from django.utils import timezone

from siteshell import plugins
from siteshell.models import DisplaySettings
from siteshell.modes import elder_mode_from_request, is_mourning_day


def site_chrome(request):
    if request is None or request.path.startswith("/admin/"):
        return {}

    def navigation():
        return plugins.navigation(request)

    def mourning():
        return is_mourning_day(DisplaySettings.for_request(request), timezone.localdate())

    return {
        # Callables are evaluated lazily, only by templates that use them.
        "site_navigation": navigation,
        "mourning_mode": mourning,
        "elder_mode": elder_mode_from_request(request),
    }
