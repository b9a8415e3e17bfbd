"""寄语 and the names on wreaths: what the public writes in a hall, pre-moderated in the shell's
inbox (待办), and each hall's settings (its messages switched off)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from memorials.interface import MartyrRecord
from siteshell.moderation.models import ModeratedSubmission, moderation_indexes

#: Longest message (寄语) a visitor may write.
MESSAGE_MAX = 300
SIGNATURE_MAX = 30
ORGANISATION_MAX = 60


def messages_tag(record_id) -> str:
    """The page-cache tag of everything that shows a hall's messages."""
    return f"tributes.messages:{record_id}"


class MessageKind(models.TextChoices):
    MESSAGE = "message", _("寄语")
    WREATH = "wreath", _("敬献花篮")


class TributeMessage(ModeratedSubmission):
    """A visitor's message (寄语, up to 300 characters, an optional signature) or an
    organisation's wreath (敬献花篮: the organisation's name and optional words). Shown in the
    hall only once approved; a signature or an organisation's name is not personal data."""

    record = models.ForeignKey(MartyrRecord, verbose_name=_("烈士"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("类型"), max_length=10, choices=MessageKind.choices, default=MessageKind.MESSAGE)
    text = models.CharField(_("寄语"), max_length=MESSAGE_MAX, blank=True)
    signature = models.CharField(_("署名"), max_length=SIGNATURE_MAX, blank=True)
    organisation = models.CharField(_("敬献单位"), max_length=ORGANISATION_MAX, blank=True)
    #: The martyr's name when the message was written: the inbox lists 50 titles a page without
    #: reading 50 records.
    record_name = models.CharField(_("烈士姓名"), max_length=100, blank=True, editable=False)

    moderation_search_fields = ("text", "signature", "organisation")

    class Meta(ModeratedSubmission.Meta):
        verbose_name = _("祭奠寄语")
        verbose_name_plural = _("祭奠寄语")
        indexes = [
            *moderation_indexes("tribute_msg"),
            # A hall's approved messages, newest first.
            models.Index(
                fields=["record", "moderation_status", "hidden_by_reports", "-submitted_at", "-id"],
                name="tribute_msg_hall",
            ),
        ]

    def __str__(self):
        return self.moderation_title()

    @property
    def author(self) -> str:
        return self.organisation if self.kind == MessageKind.WREATH else self.signature

    def save(self, *args, **kwargs):
        if not self.record_name and self.record_id:
            self.record_name = (
                MartyrRecord.objects.filter(pk=self.record_id).values_list("name", flat=True).first() or ""
            )
        super().save(*args, **kwargs)

    def moderation_text(self):
        return "\n".join(part for part in (self.organisation, self.text, self.signature) if part)

    def moderation_title(self):
        if self.kind == MessageKind.WREATH:
            return str(
                _("%(organisation)s向%(name)s烈士敬献花篮")
                % {"organisation": self.organisation, "name": self.record_name}
            )
        return str(_("给%(name)s烈士的寄语") % {"name": self.record_name})

    def moderation_public_url(self):
        return reverse("tributes:hall", args=[self.record_id]) + f"#message-{self.pk}"

    def moderation_details(self):
        details = [(_("烈士"), self.record.name), (_("类型"), self.get_kind_display())]
        if self.organisation:
            details.append((_("敬献单位"), self.organisation))
        details.append((_("署名"), self.signature or "—"))
        return details


class HallSettings(models.Model):
    """A hall's settings, kept only for halls staff changed: messages switched off (no form, no
    list; what was written stays in the inbox and the audit record)."""

    record = models.OneToOneField(
        MartyrRecord, verbose_name=_("烈士"), primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    messages_open = models.BooleanField(
        _("接受并展示寄语"), default=True, help_text=_("关闭后，纪念馆不再显示寄语，也不接受新的寄语")
    )
    note = models.CharField(_("备注"), max_length=200, blank=True, help_text=_("关闭的原因，仅工作人员可见"))
    #: Who changed it is in the snippet's history (Wagtail's log entries).
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("纪念馆设置")
        verbose_name_plural = _("纪念馆设置")

    def __str__(self):
        return str(self.record)

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        super().save(*args, **kwargs)


def hall_settings_tags(settings_row):
    """What a change of a hall's settings makes stale (``pagecache.register_model``)."""
    return [messages_tag(settings_row.record_id)], []


def messages_open(record_id) -> bool:
    return not HallSettings.objects.filter(record_id=record_id, messages_open=False).exists()
