"""纠错: corrections visitors propose. They wait in the shell's moderation inbox (待办); an
accepted one becomes a new draft revision of the record, which goes through the same review
workflow (内容审核: 初审 → 终审) as any edit before the public sees it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from memorials.dates import parse_partial_date
from memorials.models.records import Gender, MartyrRecord
from memorials.text import text_to_richtext
from siteshell.moderation.models import Decision, ModeratedSubmission, moderation_indexes
from siteshell.privacy.fields import PersonalDataField, PersonalDataHashField
from siteshell.privacy.models import PersonalDataMixin

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


class MartyrCorrection(PersonalDataMixin, ModeratedSubmission):
    """A visitor's proposed correction (纠错). It changes nothing until staff accept it, and then
    only as a draft revision submitted to the review workflow. The submitter's contact is
    encrypted (siteshell.privacy); it and their name are erased when the retention ends."""

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
    submitter_contact = PersonalDataField(
        _("联系方式"), kind="contact", max_length=100, blank=True, help_text=_("仅工作人员可见，不公开")
    )
    submitter_contact_hash = PersonalDataHashField(source="submitter_contact")
    #: The draft revision an accepted correction became (reviewed in the workflow).
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("生成的修订"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    moderation_search_fields = ("proposed_value", "evidence", "record__name")

    personal_data_extra_fields = ("submitter_name",)
    #: Kept a year after the decision (or the submission, while undecided); the setting
    #: PRIVACY_RETENTION_DAYS["memorials.martyrcorrection"] overrides it.
    personal_data_retention_days = 365
    personal_data_retention_from = ("decided_at", "submitted_at")

    class Meta(ModeratedSubmission.Meta):
        verbose_name = _("纠错")
        verbose_name_plural = pgettext_lazy("plural", "纠错")
        indexes = moderation_indexes("memorials_corr")

    def __str__(self):
        return f"{self.record} · {self.get_field_display()}"

    # -- moderation ------------------------------------------------------------------------

    def moderation_text(self):
        return "\n".join(part for part in (self.proposed_value, self.evidence, self.submitter_name) if part)

    def moderation_title(self):
        return _("%(name)s：%(field)s") % {"name": self.record.name, "field": self.get_field_display()}

    def moderation_public_url(self):
        return self.record.get_url() if self.record.live else ""

    def moderation_admin_url(self):
        from django.urls import reverse

        return reverse("wagtailsnippets_memorials_martyrrecord:edit", args=[self.record_id])

    def moderation_details(self):
        details = [
            (_("烈士档案"), f"{self.record.name}（{self.record.external_id}）"),
            (_("需要更正的项目"), self.get_field_display()),
            (_("提交时的内容"), self.current_value or "—"),
            (_("建议更正为"), self.proposed_value),
            (_("依据或说明"), self.evidence or "—"),
            (_("提交人"), self.submitter_name or "—"),
        ]
        if self.revision_id:
            details.append((_("生成的修订"), _("已提交内容审核（初审 → 终审）")))
        return details

    def on_moderation_decision(self, decision, user):
        if decision == Decision.APPROVE:
            from memorials.corrections import submit_correction

            submit_correction(self, user)

    # -- applying --------------------------------------------------------------------------

    def apply_to(self, record):
        """Write the proposed value into ``record`` (an unsaved copy: the latest revision)."""
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
        record.fill_derived_fields()
        return record
