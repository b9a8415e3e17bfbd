"""The public JSON API under ``/api/``: the shell's routes plus each plugin's router.

The OpenAPI schema is served at ``/api/openapi.json`` and documented for people at ``/api/docs``
(``siteshell.apidocs``: a page of the site drawn from the schema, no Swagger UI).
Only live, publicly viewable content is ever returned.

Titles, summaries and descriptions are lazy translations: django-ninja builds the schema for
each request and its JSON encoder (Django's) turns them into text then, so the schema and the
docs page come in the visitor's language (the language cookie). Never freeze them with
``str(_(…))`` when the module is imported.
"""

from datetime import datetime
from functools import wraps

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, re_path, resolve
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Query, Router, Schema
from ninja.pagination import paginate
from ninja.renderers import JSONRenderer
from wagtail.models import Page, Site

from siteshell import plugins
from siteshell.api_errors import document_error_answers, install_error_handlers, not_found_message
from siteshell.apidocs import SiteDocs
from siteshell.inputs import BoundedPageNumberPagination, clean_text
from siteshell.models import BureauSettings


class PluginOut(Schema):
    label: str
    name: str
    version: str
    description: str


class NavItemOut(Schema):
    label: str
    url: str


class SiteOut(Schema):
    name: str
    bureau: str
    tagline: str
    phone: str
    address: str
    plugins: list[PluginOut]
    navigation: list[NavItemOut]


class PageOut(Schema):
    id: int
    title: str
    type: str
    url: str
    last_published_at: datetime | None

    @staticmethod
    def resolve_type(page):
        content_type = page.cached_content_type
        return f"{content_type.app_label}.{content_type.model}"

    @staticmethod
    def resolve_url(page, context):
        return page.get_url(request=context["request"]) or ""


site_router = Router(tags=["site"])


@site_router.get("/site", response=SiteOut, summary=_("站点信息、已启用的功能模块和导航"))
def site_info(request):
    site = Site.find_for_request(request)
    bureau = BureauSettings.for_site(site) if site else BureauSettings()
    return {
        "name": site.site_name if site and site.site_name else settings.WAGTAIL_SITE_NAME,
        "bureau": bureau.bureau_name,
        "tagline": bureau.tagline,
        "phone": bureau.phone,
        "address": bureau.address,
        "plugins": [plugin.describe() for plugin in plugins.get_plugins()],
        "navigation": [{"label": str(item.label), "url": item.url} for item in plugins.navigation(request)],
    }


def public_pages(request):
    """Live pages of this site that anyone may view (no privacy restriction)."""
    site = Site.find_for_request(request)
    pages = Page.objects.live().public().filter(depth__gt=1)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages


@site_router.get("/pages", response=list[PageOut], summary=_("已发布的公开页面"))
@paginate(BoundedPageNumberPagination, page_size=settings.NINJA_PAGINATION_PER_PAGE)
def page_list(
    request,
    type: str = Query(
        "", max_length=200, description=_("页面类型（应用.模型），例如 siteshell.homepage；不认识的类型得到空列表")
    ),
):
    pages = public_pages(request).order_by("path")
    type = clean_text(type)
    if type:
        app_label, _dot, model = type.lower().partition(".")
        pages = pages.filter(content_type__app_label=app_label, content_type__model=model)
    return pages


class ChineseJSONRenderer(JSONRenderer):
    """JSON with Chinese characters as they are, not as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


class SiteAPI(NinjaAPI):
    """The API whose schema documents the error answers of every operation
    (``siteshell.api_errors``)."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_error_answers(schema)


def build_api():
    api = SiteAPI(
        renderer=ChineseJSONRenderer(),
        title=_("退役军人荣誉与纪念 公开数据接口"),
        version="1",
        description=_("只读接口，只返回已发布的公开内容。"),
        urls_namespace="api",
        docs=SiteDocs(),
    )
    install_error_handlers(api)
    api.add_router("/", site_router)
    for plugin in plugins.get_plugins():
        router = plugin.api_router()
        if router is not None:
            api.add_router(f"/{plugin.label}/", router, tags=[plugin.label])
    return api


api = build_api()


def with_cache_headers(view):
    """Anonymous, successful reads may be kept by shared caches (a bureau's CDN) for
    ``API_CACHE_SECONDS``; an error, anything a signed-in user asks, or any write is private.
    An operation that sets its own ``Cache-Control`` keeps it."""

    @wraps(view)
    def with_headers(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if "Cache-Control" in response.headers:
            return response
        anonymous = request.method in ("GET", "HEAD") and not request.user.is_authenticated
        if anonymous and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return with_headers


def api_urls():
    """``api.urls`` with :func:`with_cache_headers` around every operation."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = with_cache_headers(pattern.callback)
    # Anything else under /api/ is a JSON 404 too, not the site's HTML page.
    patterns = [*patterns, re_path(r"^.*$", with_cache_headers(unknown_route), name="unknown")]
    return patterns, app_name, namespace


def resolve_or_none(path):
    try:
        return resolve(path)
    except Resolver404:
        return None


def unknown_route(request):
    if settings.APPEND_SLASH and not request.path_info.endswith("/"):
        match = resolve_or_none(request.path_info + "/")
        if match is not None and match.url_name != "unknown":  # as CommonMiddleware would
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    return api.create_response(request, {"detail": not_found_message()}, status=404)
