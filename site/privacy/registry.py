"""Which installed models hold personal data (found from their field types, never a list)."""

from __future__ import annotations

from django.apps import apps

from siteshell.privacy.fields import PersonalDataField, PersonalDataHashField
from siteshell.privacy.models import PersonalDataMixin


def _concrete(model) -> bool:
    meta = model._meta
    return not (meta.abstract or meta.proxy or not meta.managed or meta.swapped)


def encrypted_fields(model) -> list[PersonalDataField]:
    return [field for field in model._meta.concrete_fields if isinstance(field, PersonalDataField)]


def hash_fields(model) -> list[PersonalDataHashField]:
    return [field for field in model._meta.concrete_fields if isinstance(field, PersonalDataHashField)]


def models_with_encrypted_fields() -> list:
    return [model for model in apps.get_models() if _concrete(model) and encrypted_fields(model)]


def lifecycle_models() -> list:
    """Models whose rows have a consent and a retention (:class:`PersonalDataMixin`)."""
    return [model for model in apps.get_models() if _concrete(model) and issubclass(model, PersonalDataMixin)]


def searchable_models() -> list[tuple[object, list[PersonalDataHashField]]]:
    """Models with lookup hashes of contact data (phone, e-mail, ID number), with those fields."""
    found = []
    for model in apps.get_models():
        fields = [field for field in hash_fields(model) if field.kind in SEARCHABLE_KINDS]
        if _concrete(model) and fields:
            found.append((model, fields))
    return found


SEARCHABLE_KINDS = {"mobile", "email", "contact", "id_number"}
