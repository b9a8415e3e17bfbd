"""Cases (寻亲案件): the clues about one martyr, worked by 寻亲专班 from receipt to a family found.

Every step (stage, assignment, deadline, notes, messages to submitters) is a logged action
(``campaigns.seekrelatives.workflow``); the DNA stage keeps dates and the laboratory's
reference, never genetic data.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.seekrelatives.stages import FINISHED, Stage
from memorials.interface import MartyrRecord


class ClueCaseQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(stage__in=FINISHED).filter(merged_into__isnull=True)

    def active(self):
        """Cases not merged into another one."""
        return self.filter(merged_into__isnull=True)


class ClueCase(models.Model):
    """The clues about one martyr (a listed one, or one the submitters named)."""

    reference = models.CharField(_("案件编号"), max_length=20, unique=True, editable=False)
    record = models.ForeignKey(
        MartyrRecord,
        verbose_name=_("烈士档案"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("名单之外的烈士：核实后在此关联英名录中的档案"),
    )
    martyr_name = models.CharField(_("烈士姓名"), max_length=100, blank=True)
    stage = models.CharField(_("办理阶段"), max_length=20, choices=Stage.choices, default=Stage.RECEIVED)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deadline = models.DateField(_("办理期限"), null=True, blank=True)
    reminded_on = models.DateField(_("最近提醒日期"), null=True, blank=True, editable=False)
    # The DNA comparison: dates and the laboratory's reference only (no genetic data).
    dna_sampled_on = models.DateField(_("DNA采样日期"), null=True, blank=True)
    dna_lab = models.CharField(_("比对机构"), max_length=100, blank=True)
    dna_lab_reference = models.CharField(_("机构受理编号"), max_length=64, blank=True)
    dna_result_on = models.DateField(_("比对结果日期"), null=True, blank=True)
    # A success story needs the family's written consent, kept on paper in the case file.
    story_consent_on = models.DateField(_("家属书面同意日期"), null=True, blank=True)
    story_consent_reference = models.CharField(
        _("同意书存档编号"), max_length=64, blank=True, help_text=_("家属签署的书面同意书在案卷中的编号")
    )
    story_names_consent = models.BooleanField(
        _("同意公开在世亲属姓名"), default=False, help_text=_("未勾选时，成功故事中不得出现在世亲属的姓名")
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("已并入"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="merged_cases",
    )
    opened_at = models.DateTimeField(_("立案时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    dna_started_at = models.DateTimeField(_("进入DNA比对时间"), null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("认亲成功时间"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True, editable=False)

    objects = ClueCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("寻亲案件")
        verbose_name_plural = _("寻亲案件")
        ordering = ["-opened_at", "-id"]
        permissions = [
            ("view_clue_personal_data", _("查看寻亲线索中的个人信息")),
            ("view_statistics", _("查看寻亲统计")),
        ]
        indexes = [
            models.Index(fields=["stage", "opened_at"], name="seekrel_case_stage"),
            models.Index(fields=["record", "stage"], name="seekrel_case_record"),
            models.Index(fields=["confirmed_at"], name="seekrel_case_confirmed"),
        ]

    def __str__(self):
        return f"{self.reference} · {self.display_name}"

    def save(self, *args, **kwargs):
        if self.reference:
            return super().save(*args, **kwargs)
        # The number is the row's id, so two cases opened at the same moment never share one.
        self.reference = f"new-{uuid.uuid4().hex[:16]}"
        super().save(*args, **kwargs)
        self.reference = f"XQ{timezone.localdate():%Y}-{self.pk:05d}"
        type(self).objects.filter(pk=self.pk).update(reference=self.reference)

    @property
    def display_name(self):
        return self.martyr_name or (self.record.name if self.record_id else "")

    @property
    def is_overdue(self):
        return bool(self.deadline and self.stage not in FINISHED and self.deadline < timezone.localdate())


class CaseNote(models.Model):
    """An internal note of 寻亲专班 on a case; never shown to the public."""

    case = models.ForeignKey(ClueCase, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("记录人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("内部记录"), max_length=4000)
    created_at = models.DateTimeField(_("记录时间"), default=timezone.now)

    class Meta:
        verbose_name = _("案件内部记录")
        verbose_name_plural = _("案件内部记录")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.case.reference} · {self.created_at:%Y-%m-%d}"
