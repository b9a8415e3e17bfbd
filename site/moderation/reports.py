"""Reports (举报): signed tokens naming what may be reported, filing a report, and a
moderator's decision on the reports about one item.

Only what the site shows a report link for can be reported: the link carries a token signed
with the site's secret naming the object (``{% report_link obj %}``). A report on a
``ModeratedSubmission`` counts its distinct reporters; at ``MODERATION_REPORTS_TO_HIDE``
(default 3) the item is hidden at once, pending a moderator.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from siteshell.moderation import counts, service
from siteshell.moderation.models import Decision, ModeratedSubmission, ModerationStatus, Report

TOKEN_SALT = "siteshell.moderation.report"


def reports_to_hide() -> int:
    return max(1, int(getattr(settings, "MODERATION_REPORTS_TO_HIDE", 3)))


def make_token(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return signing.dumps([content_type.pk, obj.pk], salt=TOKEN_SALT, compress=True)


def object_for_token(token: str):
    """The object a token names, or ``None`` (bad signature, gone, wrong shape)."""
    try:
        content_type_id, object_id = signing.loads(token, salt=TOKEN_SALT)
        content_type = ContentType.objects.get_for_id(int(content_type_id))
        model = content_type.model_class()
        if model is None:
            return None
        return model._default_manager.filter(pk=int(object_id)).first()
    except (signing.BadSignature, ValueError, TypeError, ContentType.DoesNotExist):
        return None


def reporter_key(ip: str) -> str:
    """A salted hash of the reporter's address: tells reporters apart, never reveals one."""
    return salted_hmac("siteshell.moderation.reporter", ip or "unknown").hexdigest()


def title_of(obj) -> str:
    if isinstance(obj, ModeratedSubmission):
        title = obj.moderation_title()
    else:
        title = getattr(obj, "title", None) or str(obj)
    return str(title)[:200]


def url_of(obj) -> str:
    if isinstance(obj, ModeratedSubmission):
        return obj.moderation_public_url() or ""
    get_url = getattr(obj, "get_url", None)
    try:
        return (get_url() if get_url else "") or ""
    except Exception:
        return ""


def open_reports_for(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return Report.objects.filter(content_type=content_type, object_id=obj.pk, status=Report.Status.OPEN)


def file_report(obj, reason: str, text: str, ip: str) -> Report | None:
    """File a report; returns it, or ``None`` when this reporter already has an open report
    on the object (counted once). Hides a ``ModeratedSubmission`` at the threshold."""
    key = reporter_key(ip)
    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic():
        existing = open_reports_for(obj)
        if existing.filter(reporter_key=key).exists():
            return None
        report = Report.objects.create(
            content_type=content_type,
            object_id=obj.pk,
            object_title=title_of(obj),
            object_url=url_of(obj)[:500],
            reason=reason,
            text=text,
            reporter_key=key,
        )
        if isinstance(obj, ModeratedSubmission):
            type(obj)._default_manager.filter(pk=obj.pk).update(report_count=F("report_count") + 1)
            obj.refresh_from_db(fields=["report_count"])
            reporters = existing.values("reporter_key").distinct().count()
            if reporters >= reports_to_hide() and obj.moderation_status == ModerationStatus.APPROVED:
                service.set_hidden(obj, True, reason=str(_("%(count)d 人举报，等待审核") % {"count": reporters}))
    counts.invalidate()
    return report


def decide_reports(report: Report, upheld: bool, user, reason: str = "") -> int:
    """Uphold or dismiss every open report about the same object as ``report``.

    Upheld against a ``ModeratedSubmission``: an approved item is removed (撤下), a pending one
    rejected. Dismissed: the item is shown again if the reports had hidden it. Returns how many
    reports were decided. Each report gets a log entry."""
    reason = (reason or "").strip()
    if upheld and not reason:
        raise service.ModerationError(_("请填写处理理由"))
    status = Report.Status.UPHELD if upheld else Report.Status.DISMISSED
    obj = report.content_object
    with transaction.atomic():
        reports = list(
            Report.objects.select_for_update().filter(
                content_type_id=report.content_type_id, object_id=report.object_id, status=Report.Status.OPEN
            )
        )
        if not reports:
            raise service.ModerationError(_("这条举报已经处理过了"))
        now = timezone.now()
        for each in reports:
            each.status, each.decided_at, each.decided_by, each.decision_reason = status, now, user, reason
            each.save(update_fields=["status", "decided_at", "decided_by", "decision_reason"])
            log(each, f"moderation.report_{status}", user=user, data={"reason": reason})
        if isinstance(obj, ModeratedSubmission):
            _apply_to_item(obj, upheld, user, reason)
    counts.invalidate()
    return len(reports)


def _apply_to_item(item, upheld, user, reason):
    if upheld:
        text = str(_("举报属实：%(reason)s") % {"reason": reason})
        if item.moderation_status == ModerationStatus.APPROVED:
            service.decide(item, Decision.REMOVE, user, text)
        elif item.moderation_status == ModerationStatus.PENDING:
            service.decide(item, Decision.REJECT, user, text)
    elif item.hidden_by_reports:
        service.set_hidden(item, False, user=user, reason=str(_("举报不予采纳")))
