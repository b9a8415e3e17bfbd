"""The only way a decision is taken on a public submission.

Every function moves the item from the status it must be in (a conditional UPDATE, so two
moderators clicking at once cannot both decide), records who decided, when and why, writes a
log entry (``moderation.approve`` …, Wagtail's audit log: the item's history) and calls the
item's ``on_moderation_decision``. Nothing here deletes a row: rejected and removed items stay,
with their text, for the audit record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from siteshell.moderation import counts
from siteshell.moderation.models import Decision, ModeratedSubmission, ModerationStatus
from siteshell.moderation.registry import kind_for_model
from siteshell.moderation.signals import decision_taken

#: Which statuses each decision starts from, and where it leads.
TRANSITIONS = {
    Decision.APPROVE: ((ModerationStatus.PENDING,), ModerationStatus.APPROVED),
    Decision.REJECT: ((ModerationStatus.PENDING,), ModerationStatus.REJECTED),
    Decision.REMOVE: ((ModerationStatus.APPROVED,), ModerationStatus.REMOVED),
    Decision.RESTORE: ((ModerationStatus.REJECTED, ModerationStatus.REMOVED), ModerationStatus.APPROVED),
}

#: Decisions that must say why.
REASON_REQUIRED = {Decision.REJECT, Decision.REMOVE, Decision.RESTORE}

MAX_REASON = 2000


class ModerationError(Exception):
    """A decision that cannot be taken; the message is for the moderator (Chinese)."""


def action_name(decision) -> str:
    return f"moderation.{Decision(decision).value}"


def decide(item: ModeratedSubmission, decision, user, reason: str = "") -> ModeratedSubmission:
    """Take ``decision`` on ``item``; raises :class:`ModerationError` when it is not possible
    (already decided by someone else, wrong status, reason missing)."""
    decision = Decision(decision)
    if decision not in TRANSITIONS:
        raise ModerationError(_("不支持的处理方式"))
    reason = (reason or "").strip()
    if decision in REASON_REQUIRED and not reason:
        raise ModerationError(_("请填写理由"))
    if len(reason) > MAX_REASON:
        raise ModerationError(_("理由过长，请控制在2000字以内"))
    from_statuses, to_status = TRANSITIONS[decision]
    now = timezone.now()
    changes = {
        "moderation_status": to_status,
        "decided_at": now,
        "decided_by": user if getattr(user, "pk", None) else None,
        "decision_reason": reason,
    }
    if decision == Decision.RESTORE:
        changes["hidden_by_reports"] = False
    model = type(item)
    with transaction.atomic():
        updated = model._default_manager.filter(pk=item.pk, moderation_status__in=from_statuses).update(**changes)
        if not updated:
            raise ModerationError(_("这条内容的状态已经改变（可能已由其他审核员处理），请刷新后再看。"))
        for name, value in changes.items():
            setattr(item, name, value)
        log(item, action_name(decision), user=changes["decided_by"], data={"reason": reason})
        item.on_moderation_decision(decision.value, user)
        _announce(item, decision, changes["decided_by"])
    counts.invalidate()
    return item


def _announce(item, decision, user) -> None:
    transaction.on_commit(
        lambda: decision_taken.send(sender=type(item), item=item, decision=Decision(decision).value, user=user)
    )


def approve(item, user, reason=""):
    return decide(item, Decision.APPROVE, user, reason)


def reject(item, user, reason):
    return decide(item, Decision.REJECT, user, reason)


def remove(item, user, reason):
    """撤下: take an approved item off the site; it stays in the audit record."""
    return decide(item, Decision.REMOVE, user, reason)


def restore(item, user, reason):
    """Put a rejected or removed item back on the site (approved, no longer hidden)."""
    return decide(item, Decision.RESTORE, user, reason)


def set_hidden(item, hidden: bool, user=None, reason: str = "") -> bool:
    """Hide an item pending review of its reports, or show it again; logged. Returns whether
    anything changed."""
    model = type(item)
    decision = Decision.HIDE if hidden else Decision.UNHIDE
    with transaction.atomic():
        updated = model._default_manager.filter(pk=item.pk, hidden_by_reports=not hidden).update(
            hidden_by_reports=hidden
        )
        if not updated:
            return False
        item.hidden_by_reports = hidden
        log(item, action_name(decision), user=user, data={"reason": reason})
        item.on_moderation_decision(decision.value, user)
        _announce(item, decision, user)
    counts.invalidate()
    return True


@dataclass
class BulkResult:
    done: list = field(default_factory=list)
    #: ``(item, why)`` pairs, ``why`` for the moderator.
    skipped: list = field(default_factory=list)


def _bulk(items, decision, user, reason, *, check_approvable):
    result = BulkResult()
    for item in items:
        kind = kind_for_model(type(item))
        if kind is None:
            result.skipped.append((item, _("未登记的内容类型")))
        elif not kind.bulk:
            result.skipped.append((item, _("长篇内容需逐条审核")))
        elif check_approvable and not item.bulk_approvable:
            result.skipped.append((item, _("含需逐条审核的敏感词，请打开逐条审核")))
        else:
            try:
                decide(item, decision, user, reason)
            except ModerationError as error:
                result.skipped.append((item, str(error)))
            else:
                result.done.append(item)
    return result


def bulk_approve(items, user, reason="") -> BulkResult:
    """Approve many short items at once; refuses (and reports) items of a kind reviewed one at
    a time and items whose sensitive words forbid approving in bulk."""
    return _bulk(items, Decision.APPROVE, user, reason, check_approvable=True)


def bulk_reject(items, user, reason) -> BulkResult:
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError(_("请填写不通过的理由"))
    return _bulk(items, Decision.REJECT, user, reason, check_approvable=False)
