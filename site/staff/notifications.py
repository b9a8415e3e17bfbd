"""What the admin's workflow e-mails are about, for their Chinese templates
(site/templates/wagtailadmin/notifications/): one description of a page or a snippet."""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_admin_base_url, get_latest_str


@dataclass(frozen=True)
class NotifiedItem:
    kind: str  # 页面, or the snippet's verbose name (烈士档案)
    title: str
    edit_url: str  # absolute, "" when the recipient may not edit it
    preview_url: str  # the preview of the version under review, ""
    live_url: str  # the published page, ""


def absolute(url):
    return f"{get_admin_base_url() or ''}{url}" if url else ""


def notified_item(obj, page=None, user=None, task=None):
    if page is not None:
        preview = reverse("wagtailadmin_pages:workflow_preview", args=[page.id, task.id]) if task else ""
        return NotifiedItem(
            kind=_("页面"),
            title=page.get_admin_display_title(),
            edit_url=absolute(reverse("wagtailadmin_pages:edit", args=[page.id])),
            preview_url=absolute(preview),
            # Approval at the last step publishes the page (Wagtail's workflow).
            live_url=page.full_url or "",
        )
    preview = ""
    if task is not None and getattr(obj, "is_previewable", lambda: False)():
        try:
            preview = reverse(obj.snippet_viewset.get_url_name("workflow_preview"), args=[quote(obj.pk), task.id])
        except (AttributeError, NoReverseMatch):
            preview = ""
    return NotifiedItem(
        kind=str(obj._meta.verbose_name),
        title=get_latest_str(obj),
        edit_url=absolute(AdminURLFinder(user).get_edit_url(obj) or ""),
        preview_url=absolute(preview),
        live_url="",
    )
