"""A person's data across every model (个人信息查询): found by the lookup hash of their phone
number, e-mail address or ID number, shown masked, exported in full (xlsx or JSON)."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from siteshell.privacy import kinds, registry
from siteshell.privacy.access import masked
from siteshell.privacy.fields import PersonalDataHashField

#: At most this many rows of one model are shown for one person.
MAX_PER_MODEL = 500
MAX_CELL = 32_000


def identifier_kind(value) -> str:
    """``"mobile"``, ``"email"`` or ``"id_number"`` for something staff typed; ``""`` otherwise."""
    if kinds.normalise(value, kinds.MOBILE):
        return kinds.MOBILE
    if kinds.normalise(value, kinds.EMAIL):
        return kinds.EMAIL
    id_number = kinds.normalise(value, kinds.ID_NUMBER)
    if len(id_number) in (15, 18) and id_number[:-1].isdigit() and (id_number[-1].isdigit() or id_number[-1] == "X"):
        return kinds.ID_NUMBER
    return ""


def mask_identifier(value) -> str:
    from siteshell.privacy.masking import mask

    kind = identifier_kind(value)
    return mask(kinds.normalise(value, kind), kind) if kind else ""


@dataclass
class Item:
    instance: object

    @property
    def model(self):
        return type(self.instance)

    @property
    def key(self) -> str:
        return f"{self.model._meta.label_lower}:{self.instance.pk}"

    @property
    def kind_label(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def submitted_at(self):
        for name in ("submitted_at", "created_at"):
            if hasattr(self.instance, name):
                return getattr(self.instance, name)
        return None

    def personal_data(self):
        if hasattr(self.instance, "personal_data"):
            return self.instance.personal_data()
        fields = registry.encrypted_fields(self.model)
        return [(field.verbose_name, getattr(self.instance, field.attname), field.kind) for field in fields]

    def masked(self):
        return masked(self.personal_data())

    @property
    def can_erase(self) -> bool:
        return hasattr(self.instance, "personal_data_erased_at") and self.instance.personal_data_erased_at is None

    def full_record(self) -> dict[str, str]:
        """Every field in full (labels as keys), for the export."""
        record = {_("类别"): self.kind_label, _("编号"): str(self.instance.pk)}
        for field in self.model._meta.concrete_fields:
            if isinstance(field, PersonalDataHashField) or field.primary_key:
                continue
            value = getattr(self.instance, field.name) if field.is_relation else field.value_from_object(self.instance)
            if isinstance(value, datetime) and timezone.is_aware(value):
                value = timezone.localtime(value)
            if isinstance(value, date):
                value = value.isoformat()
            record[str(field.verbose_name)] = "" if value is None else str(value)
        return record


def find(identifier) -> list[Item]:
    """The submissions whose lookup hashes match ``identifier`` (normalised per field)."""
    items = []
    for model, fields in registry.searchable_models():
        query = Q()
        for field in fields:
            if hashed := field.hash_value(identifier):
                query |= Q(**{field.attname: hashed})
        if query:
            rows = model._default_manager.filter(query).order_by("pk")[:MAX_PER_MODEL]
            items += [Item(row) for row in rows]
    return items


def _cell(text) -> str:
    text = str(text)
    if text[:1] in ("=", "+", "-", "@"):
        text = "'" + text
    return text[:MAX_CELL]


def export_json(items) -> bytes:
    data = {"exported_at": timezone.now().isoformat(), "items": [item.full_record() for item in items]}
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def export_xlsx(items) -> bytes:
    """One sheet per kind; a row per submission, a column per field."""
    workbook = Workbook(write_only=True)
    by_kind: dict[str, list[dict[str, str]]] = {}
    for item in items:
        by_kind.setdefault(item.kind_label, []).append(item.full_record())
    if not by_kind:
        workbook.create_sheet(title=_("无记录"))
    for number, (label, records) in enumerate(by_kind.items(), start=1):
        title = f"{number}-{label}"[:31].replace("/", "-")
        sheet = workbook.create_sheet(title=title)
        headers = list(records[0])
        sheet.append(headers)
        for record in records:
            sheet.append([_cell(record.get(header, "")) for header in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
