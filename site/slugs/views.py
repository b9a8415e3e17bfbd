"""``/admin/slugs/pinyin/?title=…&parent=…&page=…``: the slug a page would get from a title,
for ``siteshell/js/pinyin-slug.js`` to show in the editor while the title is typed (the
browser has no pinyin dictionary; the server uses the same function as when it saves)."""

from __future__ import annotations

from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from siteshell.slugs.pages import page_slug

#: Longer titles are cut: Wagtail's title field holds 255 characters.
MAX_TITLE_LENGTH = 255


def _page(value):
    if not value:
        return None
    if not value.isdigit() or len(value) > 18:
        raise ValueError(value)
    return Page.objects.get(pk=int(value))


@require_GET
def pinyin(request):
    """``{"slug": "li-weiguo"}``; 400 or 403 ``{"detail": "…"}`` in the staff member's language."""
    try:
        parent = _page(request.GET.get("parent", ""))
        page = _page(request.GET.get("page", ""))
    except (ValueError, Page.DoesNotExist):
        parent = page = None
    if parent is None and page is None:
        return JsonResponse({"detail": _("找不到这个页面")}, status=400)
    if page is not None:
        allowed = page.permissions_for_user(request.user).can_edit()
        parent = page.get_parent()
    else:
        allowed = parent.permissions_for_user(request.user).can_add_subpage()
    if not allowed:
        return JsonResponse({"detail": _("您没有编辑这个页面的权限")}, status=403)
    title = request.GET.get("title", "")[:MAX_TITLE_LENGTH]
    return JsonResponse({"slug": page_slug(title, parent, page)})


urlpatterns = [path("pinyin/", pinyin, name="pinyin")]
