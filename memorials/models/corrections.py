"""纠错: corrections visitors propose, which staff accept or reject."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from memorials.dates import parse_partial_date
from memorials.models.records import Gender, MartyrRecord
from memorials.text import text_to_richtext

#: How a visitor may write a gender, in Chinese or in English.
GENDERS_WRITTEN = {
    "男": Gender.MALE,
    "男性": Gender.MALE,
    "male": Gender.MALE,
    "m": Gender.MALE,
    "女": Gender.FEMALE,
    "女性": Gender.FEMALE,
    "female": Gender.FEMALE,
    "f": Gender.FEMALE,
}


class MartyrCorrection(models.Model):
    """A visitor's proposed correction (纠错). It changes nothing until staff accept it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审核")
        ACCEPTED = "accepted", _("已采纳")
        REJECTED = "rejected", _("未采纳")

    #: Fields a visitor may propose corrections for, with their labels.
    FIELD_CHOICES = [
        ("name", _("姓名")),
        ("gender", _("性别")),
        ("ethnicity", _("民族")),
        ("birth", _("出生年月")),
        ("native_place", _("籍贯")),
        ("enlistment", _("入伍年月")),
        ("unit", _("生前单位")),
        ("position", _("职务")),
        ("death", _("牺牲年月")),
        ("death_place", _("牺牲地点")),
        ("battle", _("战役/事件")),
        ("burial_place", _("安葬地")),
        ("biography", _("生平事迹")),
        ("other", _("其他")),
    ]

    record = models.ForeignKey(
        MartyrRecord, verbose_name=_("烈士档案"), on_delete=models.CASCADE, related_name="corrections"
    )
    field = models.CharField(_("需要更正的项目"), max_length=20, choices=FIELD_CHOICES)
    current_value = models.TextField(_("提交时的内容"), blank=True, editable=False)
    proposed_value = models.TextField(_("建议更正为"))
    evidence = models.TextField(_("依据或说明"), blank=True)
    submitter_name = models.CharField(_("提交人"), max_length=50, blank=True)
    submitter_contact = models.CharField(
        _("联系方式"), max_length=100, blank=True, help_text=_("仅工作人员可见，不公开")
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_note = models.TextField(_("审核意见"), blank=True)

    class Meta:
        verbose_name = _("纠错")
        verbose_name_plural = pgettext_lazy("plural", "纠错")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="memorials_correction_queue")]

    def __str__(self):
        return f"{self.record} · {self.get_field_display()}"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def accept(self, user, note=""):
        """Apply the proposed value to the record (as a new revision) and close the correction."""
        record = self.record
        value = self.proposed_value.strip()
        if self.field in ("birth", "enlistment", "death"):
            parsed = parse_partial_date(value)
            setattr(record, f"{self.field}_date", parsed.date if parsed else None)
            setattr(record, f"{self.field}_precision", parsed.precision if parsed else "")
        elif self.field == "native_place":
            record.native_place = value
            record.native_province = record.native_city = record.native_county = ""
        elif self.field == "gender":
            record.gender = GENDERS_WRITTEN.get(value.lower(), record.gender)
        elif self.field == "biography":
            record.biography = text_to_richtext(value)
        elif self.field != "other":
            setattr(record, self.field, value)
        record.save()
        revision = record.save_revision(user=user, log_action=True)
        if record.live:
            revision.publish(user=user)
        self._close(self.Status.ACCEPTED, user, note)

    def reject(self, user, note=""):
        self._close(self.Status.REJECTED, user, note)

    def _close(self, status, user, note):
        self.status = status
        self.reviewed_by = user
        self.reviewed_at = timezone.now()
        self.review_note = note
        self.save()
