"""Response headers beside django-csp's: Permissions-Policy and framing (docs/security-headers.md).

Imported by the settings (``error_page_style_hashes``), so nothing here reads settings or
models at import time.
"""

import base64
import hashlib
import re
from pathlib import Path

from csp.constants import SELF
from django.conf import settings
from django.core import checks

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
# Rendered without a request (Django's server_error view) or static files: their one <style>
# is allowed by its hash instead of moving to a file that could be missing from the manifest.
ERROR_PAGES = ("403.html", "500.html")
STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)
FRAME_ANCESTORS = re.compile(r"frame-ancestors [^;]*")


def error_page_style_hashes():
    """``'sha256-…'`` CSP sources for the inline ``<style>`` of the 403 and 500 pages."""
    hashes = []
    for name in ERROR_PAGES:
        for css in STYLE_ELEMENT.findall((TEMPLATES_DIR / name).read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
            source = f"'sha256-{digest}'"
            if source not in hashes:
                hashes.append(source)
    return hashes


def permissions_policy_header(policy):
    """``{"camera": [], "fullscreen": ["self", "https://x"]}`` → ``camera=(), fullscreen=(self "https://x")``."""
    parts = []
    for feature, allowed in policy.items():
        sources = " ".join(source if source in ("self", "*") else f'"{source}"' for source in allowed)
        parts.append(f"{feature}=({sources})")
    return ", ".join(parts)


class HeadersMiddleware:
    """Adds Permissions-Policy, and lets Wagtail's preview frames be framed by the admin.

    X_FRAME_OPTIONS is DENY and the policy's frame-ancestors 'none'; a view that marks its
    response ``X-Frame-Options: SAMEORIGIN`` (Wagtail's page and snippet previews) gets
    ``frame-ancestors 'self'`` to match. Sits after django-csp's middleware in MIDDLEWARE, so
    its response hook runs first.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.permissions_policy
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            for attribute in ("_csp_replace", "_csp_replace_ro"):  # enforced and report-only
                replace = dict(getattr(response, attribute, None) or {})
                replace.setdefault("frame-ancestors", [SELF])
                setattr(response, attribute, replace)
            # A page's preview was rendered through the whole middleware stack already (Wagtail's
            # make_preview_request), which wrote its policy with frame-ancestors 'none'; django-csp
            # leaves a written policy alone.
            for header in ("Content-Security-Policy", "Content-Security-Policy-Report-Only"):
                if header in response:
                    response[header] = FRAME_ANCESTORS.sub(f"frame-ancestors {SELF}", response[header])
        return response


@checks.register(checks.Tags.staticfiles, deploy=True)
def check_static_manifest(app_configs=None, **kwargs):
    """``check --deploy``: hashed static names need ``collectstatic`` to have written the manifest."""
    from django.contrib.staticfiles.storage import ManifestFilesMixin
    from django.core.files.storage import storages

    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin) or storage.exists(storage.manifest_name):
        return []
    return [
        checks.Error(
            f"{storage.manifest_name} is missing from STATIC_ROOT ({settings.STATIC_ROOT}): pages would fail "
            "with 'Missing staticfiles manifest entry'.",
            hint="Run `python manage.py collectstatic --noinput` with the same settings before starting the site.",
            id="siteshell.E101",
        )
    ]
