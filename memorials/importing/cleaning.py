"""Cleaning one row: raw cells to the record's field values, or the reasons why not.

Dates are written a dozen ways, cells are padded with spaces or full-width digits, 性别 is
男/女/m/female …; every problem becomes a reason shown to staff with the row number. Pure
Python without queries (the field lengths are read once from the model), so that it runs in
the worker processes (see :mod:`memorials.importing.workers`).
"""

from __future__ import annotations

import functools
import hashlib

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from memorials.codes import normalise_code
from memorials.dates import PartialDateError, parse_partial_date
from memorials.graves import parse_grave
from memorials.importing.template import EXAMPLE_CODE
from memorials.models import MartyrRecord
from memorials.text import clean_text, half_width, text_to_richtext

_GENDERS = {
    "男": "male",
    "男性": "male",
    "m": "male",
    "male": "male",
    "女": "female",
    "女性": "female",
    "f": "female",
    "female": "female",
}
#: Columns that are not a single line of text: dates are parsed from the cell as it is, and
#: 生平事迹 / 资料来源 keep their line breaks.
_NOT_ONE_LINE = frozenset({"birth", "enlistment", "death", "biography", "sources"})
#: Columns copied as cleaned text.
_TEXT_COLUMNS = (
    "name",
    "ethnicity",
    "native_place",
    "unit",
    "position",
    "death_place",
    "battle",
    "burial_place",
    "certificate_number",
    "external_id",
)
#: Date columns and their labels (lazy: only a row with a problem needs the text).
_DATE_COLUMNS = (
    ("birth", gettext_lazy("出生年月")),
    ("enlistment", gettext_lazy("入伍年月")),
    ("death", gettext_lazy("牺牲年月")),
)


@functools.lru_cache(maxsize=65536)
def _parse_date_text(text):
    return parse_partial_date(text)


def parse_date_cell(value):
    """:func:`parse_partial_date`, cached for text cells (a list repeats its dates a lot)."""
    return _parse_date_text(value) if isinstance(value, str) else parse_partial_date(value)


_parse_grave = functools.lru_cache(maxsize=65536)(parse_grave)


@functools.cache
def max_lengths():
    """Field name → (max length, label) of the record's text fields (labels lazy: translated when
    a row has a problem, in the language of the import)."""
    return {
        f.name: (f.max_length, f.verbose_name)
        for f in MartyrRecord._meta.get_fields()
        if getattr(f, "max_length", None) and f.get_internal_type() == "CharField"
    }


def clean_row(values: dict) -> tuple[dict, list[str]]:
    """Column key → raw cell, to model field values and a list of problems (translated)."""
    problems = []
    text = {key: clean_text(value) for key, value in values.items() if key not in _NOT_ONE_LINE}
    data = {key: text[key] for key in _TEXT_COLUMNS if key in text}
    if "external_id" in data:
        # One code however the list wrote it: a-2026 01, Ａ－202601 → A-202601.
        data["external_id"] = normalise_code(data["external_id"])
        if data["external_id"] == EXAMPLE_CODE:
            problems.append(_("这是模板中的示例行，不会导入；请删除这一行"))
    if not data.get("name"):
        problems.append(_("姓名为空"))
    if "gender" in text and text["gender"]:
        gender = _GENDERS.get(text["gender"].lower())
        if gender is None:
            problems.append(_("性别“%(value)s”无法识别，应为“男”或“女”") % {"value": text["gender"]})
        data["gender"] = gender or ""
    for key, label in _DATE_COLUMNS:
        if key not in values:
            continue
        try:
            parsed = parse_date_cell(values[key])
        except PartialDateError as error:
            problems.append(_("%(label)s：%(error)s") % {"label": label, "error": error})
            continue
        data[f"{key}_date"] = parsed.date if parsed else None
        data[f"{key}_precision"] = parsed.precision if parsed else ""
    if "grave" in text:
        try:
            data["grave_section"], data["grave_row"], data["grave_number"] = _parse_grave(text["grave"])
        except ValueError:
            problems.append(_("墓位“%(value)s”无法识别，请写成“A区3排12号”或“A-3-12”") % {"value": text["grave"]})
    if "biography" in values:
        # Keep line breaks: each line of the cell becomes a paragraph.
        data["biography"] = text_to_richtext(half_width(str(values["biography"] or "")))
    if "sources" in values:
        data["sources"] = half_width(str(values["sources"] or "")).strip()
    for key, (limit, label) in max_lengths().items():
        if len(data.get(key) or "") > limit:
            problems.append(_("%(label)s超过%(limit)s个字") % {"label": label, "limit": limit})
    if data.get("birth_date") and data.get("death_date") and data["birth_date"] > data["death_date"]:
        problems.append(_("出生年月晚于牺牲年月"))
    if not data.get("external_id") and data.get("name"):
        # Without 编号 a stable key from the person's facts still lets a re-import update.
        key = "|".join(str(values.get(k) or "").strip() for k in ("name", "native_place", "birth", "death"))
        data["external_id"] = "AUTO-" + hashlib.sha1(key.encode()).hexdigest()[:16]
    return data, problems


def link_facility(data, facility_ids):
    """``facility_id`` from 安葬地: the facility of that name, or one whose name it contains."""
    burial = data.get("burial_place")
    if burial:
        facility_id = facility_ids.get(burial)
        if facility_id is None:
            facility_id = next((pk for name, pk in facility_ids.items() if name in burial), None)
        if facility_id is not None:
            data["facility_id"] = facility_id
