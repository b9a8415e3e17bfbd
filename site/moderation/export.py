"""The audit export (审核记录): rejected and removed items of each kind, with their decisions
and reasons, and the upheld reports, as an Excel workbook for a report to the authorities."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from siteshell.moderation.models import ModerationStatus, Report

#: Excel cells hold at most 32,767 characters.
MAX_CELL = 32_000


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _cell(value):
    text = "" if value is None else str(value)
    # A leading =, +, - or @ would be read as a formula by a spreadsheet.
    if text[:1] in ("=", "+", "-", "@"):
        text = "'" + text
    return text[:MAX_CELL]


def _words(matches):
    return "、".join(str(match.get("word", "")) for match in matches or [])


def item_headers():
    return [
        _("编号"), _("标题"), _("内容"), _("状态"), _("提交时间"), _("处理时间"), _("处理人"),
        _("处理理由"), _("敏感词"), _("举报人数"),
    ]  # fmt: skip


def item_rows(kind):
    statuses = (ModerationStatus.REJECTED, ModerationStatus.REMOVED)
    queryset = (
        kind.model._default_manager.filter(moderation_status__in=statuses)
        .select_related("decided_by")
        .order_by("decided_at", "pk")
    )
    for item in queryset.iterator(chunk_size=1000):
        yield [
            item.pk, _cell(item.moderation_title()), _cell(item.moderation_text()),
            str(item.get_moderation_status_display()), _local(item.submitted_at), _local(item.decided_at),
            _cell(item.decided_by.get_username() if item.decided_by else ""), _cell(item.decision_reason),
            _cell(_words(item.screening_matches)), item.report_count,
        ]  # fmt: skip


def report_rows():
    queryset = Report.objects.filter(status=Report.Status.UPHELD).select_related("decided_by", "content_type")
    for report in queryset.order_by("decided_at", "pk").iterator(chunk_size=1000):
        yield [
            report.pk, _cell(report.content_type.name), _cell(report.object_title), _cell(report.object_url),
            str(report.get_reason_display()), _cell(report.text), _local(report.created_at),
            _local(report.decided_at), _cell(report.decided_by.get_username() if report.decided_by else ""),
            _cell(report.decision_reason),
        ]  # fmt: skip


def build_workbook(kinds) -> tuple[bytes, dict[str, int]]:
    """The workbook and the number of rows of each sheet."""
    workbook = Workbook(write_only=True)
    written = {}
    for kind in kinds:
        title = _cell(kind.label)[:31].replace("/", "-") or kind.slug[:31]
        sheet = workbook.create_sheet(title=title)
        sheet.append(item_headers())
        written[kind.slug] = 0
        for row in item_rows(kind):
            sheet.append(row)
            written[kind.slug] += 1
    sheet = workbook.create_sheet(title=_("举报属实"))
    sheet.append([
        _("编号"), _("内容类型"), _("被举报内容"), _("页面地址"), _("举报原因"), _("补充说明"), _("举报时间"),
        _("处理时间"), _("处理人"), _("处理理由"),
    ])  # fmt: skip
    written["reports"] = 0
    for row in report_rows():
        sheet.append(row)
        written["reports"] += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), written
