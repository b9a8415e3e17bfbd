"""名录导入: the bookkeeping of one import of a martyr list (see ``memorials.importing``)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImportJob(models.Model):
    """One import of a martyr list; committed batches are recorded so a crash can resume.

    An import that did not publish is reviewed as a whole (``review_status``): approving it
    publishes every record the job wrote, returning it leaves them drafts with a note for the
    uploader (``memorials.importing.review``).
    """

    class Status(models.TextChoices):
        PREVIEW = "preview", _("待确认")
        RUNNING = "running", _("导入中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("中断")

    class ReviewStatus(models.TextChoices):
        #: Nothing to review: published at import, or not imported yet.
        NONE = "", _("无需审核")
        PENDING = "pending", _("待审核")
        #: Approved; the records are being published (a background task).
        PUBLISHING = "publishing", _("发布中")
        #: Approved, but publishing stopped (approving again resumes it).
        PUBLISH_FAILED = "failed", _("发布中断")
        APPROVED = "approved", _("已通过")
        RETURNED = "returned", _("已退回")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(_("文件"), upload_to="memorials/imports/", blank=True)
    filename = models.CharField(_("文件名"), max_length=255)
    checksum = models.CharField(_("文件校验值"), max_length=64, db_index=True)
    publish = models.BooleanField(_("导入后立即发布"), default=False)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PREVIEW)
    rows_done = models.PositiveIntegerField(_("已提交到第几行"), default=0)
    created_count = models.PositiveIntegerField(pgettext_lazy("records an import added", "新增"), default=0)
    updated_count = models.PositiveIntegerField(pgettext_lazy("records an import updated", "更新"), default=0)
    error_count = models.PositiveIntegerField(_("错误行数"), default=0)
    errors = models.JSONField(_("错误"), default=list, blank=True)
    headers = models.JSONField(_("表头"), default=list, blank=True)
    header_warnings = models.JSONField(_("表头提示"), default=list, blank=True)
    created_at = models.DateTimeField(_("开始时间"), default=timezone.now)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_status = models.CharField(
        _("审核状态"), max_length=12, choices=ReviewStatus.choices, blank=True, default="", db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    review_note = models.TextField(_("审核意见"), blank=True)
    published_count = models.PositiveIntegerField(_("审核通过后发布的档案数"), default=0)

    class Meta:
        verbose_name = _("名录导入")
        verbose_name_plural = pgettext_lazy("plural", "名录导入")
        ordering = ["-created_at"]
        permissions = [("review_importjob", _("审核名录导入"))]

    def __str__(self):
        return self.filename
