from django.conf import settings
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from siteshell import views
from siteshell.api import api_urls
from siteshell.icons import views as icon_views
from siteshell.plugins import get_plugins
from siteshell.sitemaps import SITEMAPS, sitemap_section

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", icon_views.favicon, name="favicon"),
    path("manifest.webmanifest", icon_views.manifest, name="web_manifest"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<str:section>.xml", sitemap_section, name="sitemap_section"),
    path("display/elder-mode/", views.elder_mode, name="elder_mode"),
    path("display/language/", views.visitor_language, name="visitor_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("api/", api_urls()),
    path("report/", include(("siteshell.moderation.urls", "moderation"))),
    # The public forms' CAPTCHA images and audio (siteshell.publicforms).
    path("captcha/", include("captcha.urls")),
    # 帐号 with one 姓名 field (siteshell.staff), ahead of Wagtail's own account page.
    path("admin/", include("siteshell.staff.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The public status page of tracking codes ("notifications:track").
    path("", include("siteshell.notifications.urls")),
]

# URLs that plugins serve outside their pages (e.g. the search page, feeds), each plugin's
# under its label as namespace ("search:page"), so two plugins can never clash.
for plugin in get_plugins():
    if patterns := plugin.public_urls():
        urlpatterns.append(path("", include((patterns, plugin.label))))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
