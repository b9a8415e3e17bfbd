"""What the moderation service keeps: the abstract :class:`ModeratedSubmission` that a plugin's
public submissions subclass, and the public's reports (举报, :class:`Report`).

A plugin's model::

    from siteshell.moderation.models import ModeratedSubmission, moderation_indexes

    class GuestbookMessage(ModeratedSubmission):
        text = models.CharField(_("留言"), max_length=500)

        moderation_search_fields = ("text",)

        class Meta(ModeratedSubmission.Meta):
            indexes = moderation_indexes("guestbook")  # names: guestbook_mod_queue, …

        def moderation_text(self):
            return self.text

Decisions are taken only through :mod:`siteshell.moderation.service`; nothing here deletes rows.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("siteshell.moderation")


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已通过")
    REJECTED = "rejected", _("未通过")
    REMOVED = "removed", _("已撤下")


class Decision(models.TextChoices):
    """What a moderator (or the public's reports) did to an item; passed to
    ``on_moderation_decision`` and written to the log as ``moderation.<value>``."""

    APPROVE = "approve", _("通过")
    REJECT = "reject", _("不通过")
    REMOVE = "remove", _("撤下")
    RESTORE = "restore", _("恢复")
    HIDE = "hide", _("因举报暂时隐藏")
    UNHIDE = "unhide", _("取消隐藏")


#: Index names are limited to 30 characters; ``moderation_indexes`` appends at most 14.
INDEX_PREFIX_MAX = 16


def moderation_indexes(prefix: str) -> list[models.Index]:
    """The indexes the inbox needs, for a subclass's ``Meta.indexes``: the queue by status and
    submission time (lists, counts, next/previous), flagged items by status, and submissions by
    time (today's activity). ``prefix`` (at most 16 characters, unique in the project) names them.
    Add the subclass's own indexes to the list (e.g. ``[*moderation_indexes("x"), Index(...)]``)."""
    if not prefix or len(prefix) > INDEX_PREFIX_MAX:
        raise ValueError(f"moderation_indexes: the prefix must have 1 to {INDEX_PREFIX_MAX} characters")
    return [
        models.Index(fields=["moderation_status", "submitted_at", "id"], name=f"{prefix}_mod_queue"),
        models.Index(fields=["moderation_status", "screening_flagged", "submitted_at"], name=f"{prefix}_mod_flag"),
        models.Index(fields=["submitted_at"], name=f"{prefix}_mod_time"),
    ]


class ModeratedSubmissionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(moderation_status=ModerationStatus.PENDING)

    def public(self):
        """What the public may see: approved and not hidden by reports."""
        return self.filter(moderation_status=ModerationStatus.APPROVED, hidden_by_reports=False)

    def flagged(self):
        return self.filter(screening_flagged=True)


class ModeratedSubmission(models.Model):
    """Something the public submitted that staff review before (or, once reported, after) it is
    shown. A subclass overrides ``moderation_text`` (required) and the other ``moderation_*``
    methods, declares ``Meta.indexes = moderation_indexes("<prefix>")``, and is registered by
    its plugin's ``moderated_submissions()``."""

    moderation_status = models.CharField(
        _("审核状态"), max_length=10, choices=ModerationStatus.choices, default=ModerationStatus.PENDING
    )
    submitted_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("处理人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_reason = models.TextField(_("处理理由"), blank=True)
    screening_matches = models.JSONField(_("敏感词"), default=list, blank=True)
    screening_flagged = models.BooleanField(_("含敏感词"), default=False)
    bulk_approvable = models.BooleanField(_("可批量通过"), default=True)
    report_count = models.PositiveIntegerField(_("举报人数"), default=0)
    hidden_by_reports = models.BooleanField(_("因举报隐藏"), default=False)

    objects = ModeratedSubmissionQuerySet.as_manager()

    #: Text fields the inbox searches (``icontains``); leave empty to offer no search.
    moderation_search_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True
        ordering = ["-submitted_at", "-id"]

    def save(self, *args, **kwargs):
        if self._state.adding:
            self.run_screening()
        super().save(*args, **kwargs)

    # -- what the subclass tells the moderator ---------------------------------------------

    def moderation_text(self) -> str:
        """The submitted text: screened for sensitive words and shown to the moderator."""
        raise NotImplementedError(f"{type(self).__name__} must define moderation_text()")

    def moderation_title(self) -> str:
        return str(self)

    def moderation_public_url(self) -> str:
        """Where the item is (or would be) shown publicly; empty when nowhere."""
        return ""

    def moderation_admin_url(self) -> str:
        """An admin page of the plugin's own for the item (optional)."""
        return ""

    def moderation_details(self) -> list[tuple[str, str]]:
        """``(label, value)`` pairs for the review page. Never personal data (phone numbers,
        addresses, ID numbers)."""
        return []

    def moderation_personal_data(self) -> list[tuple[str, str]]:
        """``(label, value)`` pairs of the submitter's personal data (phone, e-mail, address).
        The review page shows them masked; staff with ``review.view_personal_data`` may show them
        in full, and each such view is logged (``siteshell.moderation.personal``)."""
        return []

    def on_moderation_decision(self, decision: str, user) -> None:
        """Called after every decision (a :class:`Decision` value), inside its transaction."""

    # -- state -----------------------------------------------------------------------------

    @property
    def is_pending(self) -> bool:
        return self.moderation_status == ModerationStatus.PENDING

    @property
    def is_public(self) -> bool:
        return self.moderation_status == ModerationStatus.APPROVED and not self.hidden_by_reports

    def run_screening(self) -> None:
        """Screen ``moderation_text()`` and mark the item for the moderator (never drops it).

        A submission is stored even when screening fails (a broken word list, a bug): it is
        then marked for a moderator's full reading, never approved in bulk."""
        from siteshell.screening import screen

        try:
            result = screen(self.moderation_text())
        except Exception:
            logger.exception("screening failed for a new %s; stored for a full reading", type(self).__name__)
            self.screening_flagged, self.bulk_approvable = True, False
            return
        self.screening_matches = result.as_json()
        self.screening_flagged = bool(result.flagged)
        self.bulk_approvable = self.bulk_approvable and bool(result.bulk_approvable)


class Report(models.Model):
    """A visitor's report (举报) of something the site shows. The reporter is kept only as a
    salted hash of the address, never the address itself."""

    class Reason(models.TextChoices):
        INSULT = "insult", _("侮辱英烈/歪曲历史")
        FALSE = "false", _("不实信息")
        SPAM = "spam", _("广告/垃圾信息")
        OBSCENE = "obscene", _("色情低俗")
        PRIVACY = "privacy", _("泄露个人信息")
        OTHER = "other", _("其他")

    class Status(models.TextChoices):
        OPEN = "open", _("待处理")
        UPHELD = "upheld", _("举报属实")
        DISMISSED = "dismissed", _("不予采纳")

    content_type = models.ForeignKey(ContentType, verbose_name=_("内容类型"), on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(_("内容编号"))
    content_object = GenericForeignKey("content_type", "object_id")
    #: What the item was called and where it was, kept in case it changes later.
    object_title = models.CharField(_("被举报内容"), max_length=200, blank=True)
    object_url = models.CharField(_("页面地址"), max_length=500, blank=True)
    reason = models.CharField(_("举报原因"), max_length=10, choices=Reason.choices)
    text = models.TextField(_("补充说明"), blank=True)
    reporter_key = models.CharField(_("举报人标识"), max_length=64, editable=False)
    created_at = models.DateTimeField(_("举报时间"), default=timezone.now)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.OPEN)
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("处理人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_reason = models.TextField(_("处理理由"), blank=True)

    class Meta:
        verbose_name = _("举报")
        verbose_name_plural = _("举报")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at", "id"], name="moderation_report_queue"),
            models.Index(fields=["content_type", "object_id", "status"], name="moderation_report_object"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.object_title}"
