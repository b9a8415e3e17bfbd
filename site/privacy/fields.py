"""The field types for personal data.

``PersonalDataField(kind=…)`` keeps a value encrypted (the Python value is the plain ``str``, the
column holds a Fernet token); ``PersonalDataHashField(source=…)`` keeps beside it an HMAC of the
normalised value, indexed, for lookups::

    phone = PersonalDataField(_("手机号"), kind="mobile")
    phone_hash = PersonalDataHashField(source="phone")

    ServiceRequest.objects.filter(phone_hash=hash_for("138 0013 8000", "mobile"))

A token cannot be compared, so every lookup on an encrypted column but ``isnull`` is refused.
"""

from __future__ import annotations

from django import forms
from django.core import checks
from django.core.exceptions import FieldError
from django.db import models
from django.utils.translation import gettext_lazy as _

from siteshell.privacy import crypto, kinds
from siteshell.privacy.masking import mask

#: The form field's length limit when the model field gives none.
DEFAULT_MAX_LENGTH = {
    kinds.MOBILE: 20,
    kinds.ID_NUMBER: 30,
    kinds.ADDRESS: 200,
    kinds.EMAIL: 254,
    kinds.CONTACT: 100,
    kinds.TEXT: 2000,
}
SINGLE_LINE = {kinds.MOBILE, kinds.ID_NUMBER, kinds.EMAIL, kinds.CONTACT}


def hash_for(value, kind: str, normalise=None) -> str:
    """The lookup hash of ``value`` as a ``kind`` (what a :class:`PersonalDataHashField` keeps)."""
    return crypto.keyed_hash((normalise or kinds.NORMALISERS[kinds.check_kind(kind)])(value))


class PersonalDataField(models.TextField):
    """Personal data of one ``kind`` (:mod:`siteshell.privacy.kinds`), encrypted at rest."""

    description = _("个人信息（加密保存）")
    ALLOWED_LOOKUPS = frozenset({"isnull"})

    def __init__(self, *args, kind: str, **kwargs):
        self.kind = kinds.check_kind(kind)
        kwargs.setdefault("max_length", DEFAULT_MAX_LENGTH[kind])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["kind"] = self.kind
        return name, path, args, kwargs

    # -- database --------------------------------------------------------------------------

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value, where=f"{self.model._meta.label_lower}.{self.name}")

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        if isinstance(value, crypto.UnreadableValue):
            return value.token
        return crypto.encrypt(value)

    def get_lookup(self, lookup_name):
        if lookup_name not in self.ALLOWED_LOOKUPS:
            raise FieldError(
                f"{self.model.__name__}.{self.name} is encrypted: '{lookup_name}' cannot compare its "
                "ciphertext. Filter on its PersonalDataHashField with siteshell.privacy.fields.hash_for()."
            )
        return super().get_lookup(lookup_name)

    def get_transform(self, lookup_name):
        return None

    # -- display and forms -----------------------------------------------------------------

    def value_to_string(self, obj):
        """Serialisation (dumpdata, exports that use it) shows the value masked, never in full."""
        return mask(self.value_from_object(obj), self.kind)

    def formfield(self, **kwargs):
        if self.kind in SINGLE_LINE:
            kwargs.setdefault("widget", forms.TextInput)
        return super().formfield(**kwargs)


HASH_FIELD_DEFAULTS = {"max_length": 64, "blank": True, "default": "", "editable": False, "db_index": True}


class PersonalDataHashField(models.CharField):
    """The keyed hash (HMAC-SHA256, ``PERSONAL_DATA_HASH_KEY``) of another field's normalised
    value, computed on every save. ``normalise`` (a module-level function) replaces the source
    kind's normaliser. ``queryset.update()`` and ``save(update_fields=…)`` without this field do
    not recompute it."""

    description = _("个人信息查找码")

    def __init__(self, *args, source: str, normalise=None, **kwargs):
        self.source = source
        self.normalise = normalise
        for key, default in HASH_FIELD_DEFAULTS.items():
            kwargs.setdefault(key, default)
        kwargs.setdefault("verbose_name", _("个人信息查找码"))
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        if self.normalise is not None:
            kwargs["normalise"] = self.normalise
        for key, default in HASH_FIELD_DEFAULTS.items():
            value = getattr(self, key)
            if value == default:
                kwargs.pop(key, None)
            else:
                kwargs[key] = value
        return name, path, args, kwargs

    @property
    def source_field(self) -> PersonalDataField:
        return self.model._meta.get_field(self.source)

    @property
    def kind(self) -> str:
        return self.source_field.kind

    def hash_value(self, value) -> str:
        return hash_for(value, self.kind, self.normalise)

    def compute(self, instance) -> str:
        value = getattr(instance, self.source)
        if isinstance(value, crypto.UnreadableValue):
            return getattr(instance, self.attname)
        return self.hash_value(value)

    def pre_save(self, model_instance, add):
        value = self.compute(model_instance)
        setattr(model_instance, self.attname, value)
        return value

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        try:
            source = self.model._meta.get_field(self.source)
        except Exception:  # noqa: BLE001  (FieldDoesNotExist; reported below)
            source = None
        if not isinstance(source, PersonalDataField):
            errors.append(
                checks.Error(
                    f"source={self.source!r} must name a PersonalDataField of {self.model.__name__}",
                    obj=self,
                    id="privacy.E002",
                )
            )
        return errors
