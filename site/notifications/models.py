"""Tracking codes of public submissions and the notifications sent to submitters.

Neither model keeps more personal data than it needs: a tracking code keeps a keyed hash of the
second factor, never the factor; a notification keeps its recipient and the template context
only until it is sent or has finally failed, and a masked recipient for the record.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class TrackingCode(models.Model):
    """A code that lets the submitter of ``submission`` follow it on the public status page."""

    code = models.CharField(_("查询码"), max_length=16, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    submission = GenericForeignKey("content_type", "object_id")
    factor_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("查询码")
        verbose_name_plural = _("查询码")
        indexes = [models.Index(fields=["content_type", "object_id"], name="notif_tracking_object")]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class Channel(models.TextChoices):
    EMAIL = "email", _("电子邮件")
    SMS = "sms", _("短信")


class Status(models.TextChoices):
    QUEUED = "queued", _("等待发送")
    SENDING = "sending", _("正在发送")
    SENT = "sent", _("已发送")
    FAILED = "failed", _("发送失败")


class Notification(models.Model):
    """One message to one recipient over one channel, and what became of it."""

    channel = models.CharField(_("渠道"), max_length=10, choices=Channel.choices)
    #: The address or number, kept only until the message is sent or has finally failed.
    recipient = models.CharField(max_length=254, blank=True)
    recipient_masked = models.CharField(_("收件人"), max_length=254)
    template = models.CharField(_("模板"), max_length=200)
    purpose = models.CharField(_("用途"), max_length=100)
    #: What the template needs; cleared with the recipient.
    context = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    language = models.CharField(max_length=16, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    #: A short code of the last error (``sms_gateway_timeout``, ``smtp_error``): never its text.
    last_error = models.CharField(_("最近错误"), max_length=100, blank=True)
    provider_message_id = models.CharField(_("服务商消息编号"), max_length=100, blank=True)
    next_attempt_at = models.DateTimeField(_("下次尝试时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    object_id = models.CharField(max_length=64, blank=True)
    related = GenericForeignKey("content_type", "object_id")

    #: Nothing here is content that refers to other objects (nor should a save queue a task).
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notif_due"),
            models.Index(fields=["content_type", "object_id"], name="notif_related"),
        ]

    def __str__(self):
        return f"{self.get_channel_display()} → {self.recipient_masked}"
