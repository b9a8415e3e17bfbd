"""Public views of the shell that are not Wagtail pages."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from siteshell import health
from siteshell.modes import ELDER_MODE_COOKIE, ELDER_MODE_MAX_AGE


@never_cache
@vary_on_headers("Authorization", "Cookie")
@require_GET
def healthz(request):
    """200 while the node can serve (a check on a fallback is "degraded"), 503 when one failed."""
    ok, checks = health.run_checks()
    body = {"status": health.overall_status(ok, checks)}
    if health.may_see_details(request):
        body["checks"] = checks
    return JsonResponse(body, status=200 if ok else 503)


def _redirect_back(request):
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    return HttpResponseRedirect(target)


@require_GET
def elder_mode(request):
    """Switch the elder-friendly mode on or off for this visitor and go back.

    A plain link so that it works without JavaScript; the script in site.js switches the
    mode in place and sets the same cookie.
    """
    enable = request.GET.get("enable") == "1"
    response = _redirect_back(request)
    if enable:
        response.set_cookie(
            ELDER_MODE_COOKIE, "1", max_age=ELDER_MODE_MAX_AGE, samesite="Lax", secure=request.is_secure()
        )
    else:
        response.delete_cookie(ELDER_MODE_COOKIE, samesite="Lax")
    return response


@require_GET
def visitor_language(request):
    """Remember the visitor's language choice (a link, so pages need no CSRF token)."""
    response = _redirect_back(request)
    language = request.GET.get("language", "")
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
