"""The Wagtail hooks of the pinyin slugs (imported by ``siteshell.wagtail_hooks``)."""

from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static


@hooks.register("register_admin_urls")
def register_slug_urls():
    from siteshell.slugs import views

    return [path("slugs/", include((views.urlpatterns, "siteshell_slugs")))]


@hooks.register("insert_editor_js")
def pinyin_slug_script():
    return format_html('<script src="{}"></script>', versioned_static("siteshell/js/pinyin-slug.js"))
