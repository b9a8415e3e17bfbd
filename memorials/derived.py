"""The browse fields of a record (牺牲年代, 历史时期, 籍贯 split into province, city and county,
the surname's pinyin initial), derived from what was entered.

Works on a dict of field values, so that the importer derives them for millions of rows
without building model objects; :meth:`MartyrRecord.fill_derived_fields` uses the same code.
"""

from __future__ import annotations

from memorials.periods import war_period_for
from memorials.places import parse_native_place
from memorials.surnames import surname_initial

#: The record fields that :func:`fill_derived_values` reads or sets.
DERIVATION_FIELDS = (
    "name",
    "surname_initial",
    "death_date",
    "death_place",
    "battle",
    "unit",
    "native_place",
    "native_province",
    "native_city",
    "native_county",
    "death_decade",
    "war_period",
    "birth_date",
    "birth_precision",
    "enlistment_date",
    "enlistment_precision",
    "death_precision",
)


def fill_derived_values(values: dict) -> dict:
    """Set the browse fields in ``values`` (see :data:`DERIVATION_FIELDS`) and return it."""
    values["surname_initial"] = surname_initial(values.get("name"))
    death_date = values.get("death_date")
    values["death_decade"] = death_date.year // 10 * 10 if death_date else None
    values["war_period"] = war_period_for(
        death_date, values.get("death_place"), values.get("battle"), values.get("unit")
    )
    if values.get("native_place") and not (
        values.get("native_province") or values.get("native_city") or values.get("native_county")
    ):
        parsed = parse_native_place(values["native_place"])
        values["native_province"], values["native_city"], values["native_county"] = (
            parsed.province,
            parsed.city,
            parsed.county,
        )
    for field in ("birth", "enlistment", "death"):
        if values.get(f"{field}_date") and not values.get(f"{field}_precision"):
            values[f"{field}_precision"] = "day"
    return values
