"""What the privacy part keeps: the consent notices visitors agreed to (:class:`ConsentRecord`)
and the abstract :class:`PersonalDataMixin` a model holding someone's personal data inherits.

A plugin's model::

    from siteshell.privacy.fields import PersonalDataField, PersonalDataHashField
    from siteshell.privacy.models import PersonalDataMixin

    class SweepingRequest(PersonalDataMixin, models.Model):
        name = models.CharField(_("姓名"), max_length=50)
        phone = PersonalDataField(_("手机号"), kind="mobile")
        phone_hash = PersonalDataHashField(source="phone")

        personal_data_extra_fields = ("name",)       # erased with the encrypted fields
        personal_data_retention_days = 365            # PRIVACY_RETENTION_DAYS overrides
        personal_data_retention_from = ("created_at",)
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from siteshell.privacy.fields import PersonalDataField, PersonalDataHashField


class ConsentRecord(models.Model):
    """A consent notice as shown to visitors: recorded the first time it is used; every
    submission points at the one its submitter agreed to."""

    key = models.CharField(_("说明标识"), max_length=100)
    version = models.CharField(_("版本"), max_length=20)
    text = models.TextField(_("说明全文"))
    sha256 = models.CharField(_("全文校验值"), max_length=64)
    first_used_at = models.DateTimeField(_("首次使用时间"), default=timezone.now)

    class Meta:
        verbose_name = _("个人信息处理说明")
        verbose_name_plural = _("个人信息处理说明")
        constraints = [models.UniqueConstraint(fields=["key", "version", "sha256"], name="privacy_consent_unique")]

    def __str__(self):
        return f"{self.key} v{self.version}"


class PersonalDataMixin(models.Model):
    """Someone's personal data with its consent and its lifecycle (see the module docstring)."""

    consent = models.ForeignKey(
        ConsentRecord,
        verbose_name=_("同意的个人信息处理说明"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    personal_data_erased_at = models.DateTimeField(_("个人信息删除时间"), null=True, blank=True, editable=False)

    #: Days after which the personal fields are erased; ``None`` keeps them.
    personal_data_retention_days: int | None = None
    #: Date fields the retention counts from: the first that is set (e.g. the decision, else
    #: the submission).
    personal_data_retention_from: tuple[str, ...] = ()
    #: Personal fields that are not encrypted but are erased too (a name, say).
    personal_data_extra_fields: tuple[str, ...] = ()
    #: The consent notice a submission of this kind records (siteshell.privacy.consent).
    consent_notice_key = "siteshell.submission"

    class Meta:
        abstract = True

    @classmethod
    def encrypted_fields(cls) -> list[PersonalDataField]:
        return [field for field in cls._meta.concrete_fields if isinstance(field, PersonalDataField)]

    @classmethod
    def hash_fields(cls) -> list[PersonalDataHashField]:
        return [field for field in cls._meta.concrete_fields if isinstance(field, PersonalDataHashField)]

    @classmethod
    def erasable_fields(cls) -> list[models.Field]:
        extras = [cls._meta.get_field(name) for name in cls.personal_data_extra_fields]
        return [*cls.encrypted_fields(), *cls.hash_fields(), *extras]

    def personal_data(self) -> list[tuple[str, str, str | None]]:
        """``(label, value, kind)`` of every personal field (``kind`` ``None`` for the extras)."""
        data = [(field.verbose_name, getattr(self, field.attname), field.kind) for field in self.encrypted_fields()]
        for name in self.personal_data_extra_fields:
            field = self._meta.get_field(name)
            data.append((field.verbose_name, getattr(self, field.attname), None))
        return data

    def moderation_personal_data(self):
        """For a moderated submission: the encrypted fields, masked by kind on the review page."""
        return [(label, value, kind) for label, value, kind in self.personal_data() if kind is not None]
