"""How the good rows of an uploaded list were read: a few rows, each cell as written beside what
the importer made of it (编号 normalised, dates, 籍贯 split into province, city and county, the
grave position, the linked facility, the derived period). Shown before the import is confirmed,
so that a column read the wrong way is seen before thousands of records are written.

The rows are read again from the start of the uploaded file (only until enough good rows are
found); the raw cells are kept in the cache, what they were read as is worked out per request,
in the staff member's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from memorials.columns import COLUMNS
from memorials.dates import format_partial_date
from memorials.derived import fill_derived_values
from memorials.graves import format_grave
from memorials.importing.cleaning import clean_row, link_facility
from memorials.importing.reading import column_positions, find_header, iter_rows
from memorials.importing.results import ImportResult
from memorials.models import Gender, MemorialFacility
from memorials.periods import WarPeriod
from memorials.text import clean_text, richtext_to_text

#: Good rows shown.
PREVIEW_ROWS = 5
#: Rows read at most to find them (a file whose first rows are all wrong shows fewer).
SCAN_ROWS = 500
CACHE_SECONDS = 24 * 3600

_HEADERS = {column.key: column.header for column in COLUMNS}


@dataclass
class PreviewCell:
    header: str
    raw: str
    read_as: str
    #: The importer changed how the value is written (shown marked).
    changed: bool = False


@dataclass
class PreviewRow:
    number: int
    cells: list[PreviewCell] = field(default_factory=list)


def sample_rows(source, suffix: str, limit: int = PREVIEW_ROWS, scan: int = SCAN_ROWS):
    """``(headers, [(row number, {column key: raw cell}), …])``: the file's column headers (key →
    header as written) and its first ``limit`` rows that import without a problem."""
    rows = iter_rows(source, suffix)
    _number, header_cells, columns = find_header(rows)
    positions = column_positions(header_cells, columns, ImportResult(dry_run=True))
    headers = {key: clean_text(header_cells[position]) for key, position in positions.items()}
    found, scanned = [], 0
    for number, cells in rows:
        scanned += 1
        if scanned > scan or len(found) >= limit:
            break
        if all(clean_text(cell) == "" for cell in cells):
            continue
        values = {key: (cells[pos] if pos < len(cells) else None) for key, pos in positions.items()}
        _data, problems = clean_row(values)
        if not problems:
            found.append((number, values))
    return headers, found


def cache_key(job):
    return f"memorials:import-preview:{job.uuid}"


def job_sample(job, open_file):
    """:func:`sample_rows` of the job's file, kept in the cache; ``open_file(job)`` gives a local
    path of it (``memorials.tasks.job_file``). ``None`` when the file cannot be read."""
    key = cache_key(job)
    sample = cache.get(key)
    if sample is None:
        suffix = "." + job.filename.rsplit(".", 1)[-1].lower()
        try:
            with open_file(job) as path:
                sample = sample_rows(path, suffix)
        except Exception:  # noqa: BLE001  the check already reported a file it cannot read
            return None
        cache.set(key, sample, CACHE_SECONDS)
    return sample


def preview(sample) -> list[PreviewRow]:
    """The sample's rows, each cell beside what it was read as (in the active language)."""
    if not sample:
        return []
    headers, rows = sample
    facilities = dict(MemorialFacility.objects.values_list("name", "id"))
    names = {pk: name for name, pk in facilities.items()}
    shown = []
    for number, values in rows:
        data, _problems = clean_row(values)
        link_facility(data, facilities)
        fill_derived_values(data)
        row = PreviewRow(number)
        for column in COLUMNS:
            if column.key not in values:
                continue
            raw = "" if values[column.key] is None else str(values[column.key]).strip()
            read_as = _read_as(column.key, data, names)
            row.cells.append(PreviewCell(headers.get(column.key) or column.header, raw, read_as, read_as != raw))
        if data.get("war_period"):
            period = str(WarPeriod(data["war_period"]).label)
            row.cells.append(PreviewCell(_("历史时期（按牺牲时间、地点推断）"), "", period, True))
        shown.append(row)
    return shown


def _read_as(key, data, facility_names) -> str:
    if key in ("birth", "enlistment", "death"):
        return format_partial_date(data.get(f"{key}_date"), data.get(f"{key}_precision", ""))
    if key == "gender":
        return str(Gender(data["gender"]).label) if data.get("gender") else ""
    if key == "native_place":
        parts = [
            (pgettext("native place", "省"), data.get("native_province")),
            (pgettext("native place", "市"), data.get("native_city")),
            (pgettext("native place", "县"), data.get("native_county")),
        ]
        return "；".join(f"{label}：{value}" for label, value in parts if value) or _("（未能拆分）")
    if key == "grave":
        return str(format_grave(data.get("grave_section", ""), data.get("grave_row", ""), data.get("grave_number", "")))
    if key == "burial_place":
        facility = facility_names.get(data.get("facility_id"))
        place = data.get("burial_place", "")
        if facility:
            return _("%(place)s（关联纪念设施：%(facility)s）") % {"place": place, "facility": facility}
        return place
    if key == "biography":
        return richtext_to_text(data.get("biography", ""))
    return str(data.get(key, "") or "")
