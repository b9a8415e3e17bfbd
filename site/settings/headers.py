"""Response headers: Content-Security-Policy, Permissions-Policy, static files (docs/security-headers.md).

The policy is strict on every page, the Wagtail admin and the API docs included: scripts only
from this site (plus a per-response nonce), no inline script, no ``eval``, no plugins, no
framing by other sites. Production adds ``upgrade-insecure-requests`` (production.py).
"""

from csp.constants import NONCE, NONE, SELF

from siteshell.headers import error_page_style_hashes
from siteshell.settings.env import env_bool, env_list, env_str
from siteshell.settings.maps import MAP_TILE_SOURCE_HOSTS

# The players media.embeds builds for 哔哩哔哩, 腾讯视频 and 优酷 (CSP frame-src and the
# Permissions-Policy fullscreen allowance); CSP_FRAME_HOSTS adds more (e.g. a bureau's own player).
VIDEO_EMBED_HOSTS = [
    "https://player.bilibili.com",
    "https://v.qq.com",
    "https://player.youku.com",
    *env_list("CSP_FRAME_HOSTS", []),
]
# Uploads served from object storage (S3_CUSTOM_DOMAIN or S3_ENDPOINT_URL) and the map tiles of
# the configured tile server (siteshell.settings.maps: none by default), plus CSP_MAP_TILE_HOSTS.
_S3_HOSTS = [
    host if "://" in host else f"https://{host}"
    for host in (env_str("S3_CUSTOM_DOMAIN", ""), env_str("S3_ENDPOINT_URL", ""))
    if host and env_str("S3_BUCKET", "")
]
MAP_TILE_HOSTS = [*MAP_TILE_SOURCE_HOSTS, *env_list("CSP_MAP_TILE_HOSTS", [])]
MEDIA_HOSTS = [*_S3_HOSTS, *env_list("CSP_MEDIA_HOSTS", [])]

_DIRECTIVES = {
    "default-src": [SELF],
    # NONCE: the per-response nonce our templates put on their <script> elements; no
    # 'unsafe-inline', no 'unsafe-eval'.
    "script-src": [SELF, NONCE],
    "script-src-attr": [NONE],
    # Styles: files from this site, plus the hash of the one <style> the 403/500 pages carry
    # (they are rendered without the database or static files).
    "style-src": [SELF, *error_page_style_hashes()],
    "img-src": [SELF, "data:", "blob:", *MEDIA_HOSTS, *MAP_TILE_HOSTS],
    "media-src": [SELF, "blob:", *MEDIA_HOSTS],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, *VIDEO_EMBED_HOSTS],
    "worker-src": [SELF, "blob:"],
    "manifest-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    # X_FRAME_OPTIONS is DENY; siteshell.headers.HeadersMiddleware relaxes this to 'self' on a
    # response marked SAMEORIGIN (Wagtail's preview frames).
    "frame-ancestors": [NONE],
}
_REPORT_URI = env_str("CSP_REPORT_URI", "")
if _REPORT_URI:
    _DIRECTIVES["report-uri"] = [_REPORT_URI]

# CSP_REPORT_ONLY=1 sends the same policy as Content-Security-Policy-Report-Only: the browser
# reports what it would block and blocks nothing (for trying a change on a live site).
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY = None
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _DIRECTIVES}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _DIRECTIVES}
    CONTENT_SECURITY_POLICY_REPORT_ONLY = None

# Permissions-Policy (siteshell.headers.HeadersMiddleware): an empty list switches a feature
# off for the page and every frame in it; "self" and hosts allow it there.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": ["self"],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": ["self", *VIDEO_EMBED_HOSTS],
    "fullscreen": ["self", *VIDEO_EMBED_HOSTS],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": ["self", *VIDEO_EMBED_HOSTS],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# Django's SecurityMiddleware: a window this site opens keeps no handle on it, and vice versa.
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The admin shows initials instead of asking gravatar.com for a picture (a third-party request
# per staff member, blocked by img-src and often unreachable).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# GET /healthz shows the checks' details (backends, timings) to signed-in staff and to a request
# with "Authorization: Bearer <HEALTHZ_TOKEN>" (a monitoring system); everyone else gets only
# {"status": "ok"} or {"status": "degraded"}. Empty: no token is accepted.
HEALTHZ_TOKEN = env_str("HEALTHZ_TOKEN", "")
