"""``/favicon.ico`` (browsers ask for it at the root whatever the page says) and the web app
manifest, whose name is the bureau's (单位信息) and whose colours are the palette's."""

from functools import cache

from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from siteshell.icons.drawing import BACKGROUND_COLOR, FAVICON, ICON_DIR, PNG_ICONS, SVG_ICON, THEME_COLOR
from siteshell.languages import content_language

#: Browsers keep the icon a day; a new one reaches them by the next day.
ICON_MAX_AGE = 86400
#: The manifest follows a change of the bureau's name within the hour.
MANIFEST_MAX_AGE = 3600


@cache
def _favicon() -> bytes:
    return (ICON_DIR / FAVICON).read_bytes()


@require_safe
def favicon(request):
    response = HttpResponse(_favicon(), content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=ICON_MAX_AGE)
    return response


def manifest_icons() -> list[dict[str, str]]:
    icons = [{"src": static(f"siteshell/icons/{SVG_ICON}"), "sizes": "any", "type": "image/svg+xml"}]
    for name, (size, _radius, _rounded) in PNG_ICONS.items():
        if name.startswith("icon-"):
            icon = {"src": static(f"siteshell/icons/{name}"), "sizes": f"{size}x{size}", "type": "image/png"}
            if "maskable" in name:
                icon["purpose"] = "maskable"
            icons.append(icon)
    return icons


@require_safe
def manifest(request):
    """The web app manifest (what a phone shows when the site is added to its home screen)."""
    from siteshell.models import BureauSettings

    bureau = BureauSettings.for_request(request)
    body = {
        "name": bureau.bureau_name,
        "short_name": bureau.bureau_name,
        "description": bureau.tagline,
        # The name and description are the bureau's own words, in the language editors write.
        "lang": content_language(),
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": manifest_icons(),
    }
    response = JsonResponse(body, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=MANIFEST_MAX_AGE)
    return response
