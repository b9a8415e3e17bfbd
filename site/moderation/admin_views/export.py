"""The audit export for 站点管理员 (``review.export_audit``); every export is logged."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from siteshell.moderation import permissions, registry
from siteshell.moderation.export import build_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_audit(request):
    if not permissions.can_export(request.user):
        raise PermissionDenied
    kinds = registry.kinds()
    if slug := request.GET.get("kind"):
        kinds = [kind for kind in kinds if kind.slug == slug]
        if not kinds:
            raise Http404(_("没有这种待审核内容"))
    content, written = build_workbook(kinds)
    for kind in kinds:
        log(
            ContentType.objects.get_for_model(kind.model),
            "moderation.export",
            user=request.user,
            data={"reason": _("导出 %(count)d 条") % {"count": written[kind.slug]}, "rows": written[kind.slug]},
        )
    filename = f"moderation-audit-{timezone.localdate().isoformat()}.xlsx"
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
