"""Import of martyr lists (.xlsx, .csv) as bureaus keep them.

Messy input is normal: the header row may sit under merged title rows, columns come in any
order with Chinese or English names, dates are written a dozen ways, rows are blank or
padded with spaces. Every data row either imports or is reported with its row number and a
Chinese reason; the reports form an error file in the same layout that can be fixed and
imported again. Rows are committed in batches and each committed batch is recorded on an
:class:`~memorials.models.ImportJob`, so an interrupted import resumes where it stopped.
Re-importing updates records by 编号 instead of duplicating them.
"""

from __future__ import annotations

import codecs
import functools
import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import escape

from memorials.columns import (
    COLUMNS,
    ERROR_REASON_HEADER,
    ERROR_ROW_HEADER,
    IGNORED_HEADERS,
    column_for_header,
    normalise_header,
)
from memorials.dates import PartialDateError, parse_partial_date

SUPPORTED_SUFFIXES = (".csv", ".xlsx")
#: How many header-less rows (titles, notes) may precede the header row.
HEADER_SEARCH_ROWS = 20
DEFAULT_BATCH_SIZE = 2000


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header row); message in Chinese."""


@dataclass
class RowError:
    row: int
    reason: str
    values: list


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    blank_rows: int = 0
    rows_read: int = 0
    errors: list[RowError] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    resumed_from: int = 0
    dry_run: bool = False
    job: object = None

    @property
    def imported(self):
        return self.created + self.updated


# -- reading ---------------------------------------------------------------------------------


def detect_encoding(sample: bytes) -> str:
    """UTF-8 with BOM, UTF-8, or GB18030 (a superset of GBK and GB2312)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
        return "gb18030"
    except UnicodeDecodeError:
        raise ImportFileError("无法识别文件编码，请另存为 UTF-8 或 GB18030 编码的 CSV，或 .xlsx 文件") from None


def _open_binary(source):
    if isinstance(source, (str, Path)):
        return open(source, "rb")
    source.seek(0)
    return source


def iter_rows(source, suffix: str):
    """Yield ``(row_number, [cell values])`` as the spreadsheet numbers rows (from 1)."""
    suffix = suffix.lower()
    if suffix == ".csv":
        handle = _open_binary(source)
        encoding = detect_encoding(handle.read(256 * 1024))
        handle.seek(0)
        text = io.TextIOWrapper(handle, encoding=encoding, newline="")
        try:
            yield from enumerate(csv.reader(text), start=1)
        except (UnicodeDecodeError, csv.Error) as error:
            raise ImportFileError(f"文件内容无法按 {encoding} 读取：{error}") from error
        finally:
            text.detach()
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        handle = _open_binary(source)
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except Exception as error:
            raise ImportFileError("无法打开这个 Excel 文件，请确认是 .xlsx 格式（旧的 .xls 请先另存为 .xlsx）") from error
        try:
            sheet = workbook.worksheets[0]
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(row)
        finally:
            workbook.close()
    else:
        raise ImportFileError("只支持 .xlsx 和 .csv 文件")


def count_rows(source, suffix: str) -> int | None:
    """A cheap estimate of the number of rows, for the progress bar."""
    if suffix.lower() == ".csv":
        handle = _open_binary(source)
        total = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        handle.seek(0) if not isinstance(source, (str, Path)) else handle.close()
        return total
    return None


def file_checksum(source) -> str:
    digest = hashlib.sha256()
    handle = _open_binary(source)
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    if isinstance(source, (str, Path)):
        handle.close()
    else:
        handle.seek(0)
    return digest.hexdigest()


# -- cleaning --------------------------------------------------------------------------------


#: Full-width digits and Latin letters to ASCII; Chinese punctuation stays as written.
_HALF_WIDTH = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_HALF_WIDTH[0x3000] = 0x20


def half_width(text: str) -> str:
    return text.translate(_HALF_WIDTH)


def clean_text(value) -> str:
    """Cell → text: full-width letters and digits to half-width, spaces trimmed and collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = half_width(str(value))
    return re.sub(r"[ \t\u3000]+", " ", text).strip()


def text_to_richtext(text: str) -> str:
    """Plain text (one paragraph per line) to the rich text HTML stored in 生平事迹."""
    paragraphs = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


_GENDERS = {"男": "male", "男性": "male", "m": "male", "male": "male", "女": "female", "女性": "female",
            "f": "female", "female": "female"}
_GRAVE = re.compile(r"^(?:(?P<section>[^区排号]+)区)?(?:(?P<row>[^区排号]+)排)?(?:(?P<number>[^区排号]+)号)?$")


def parse_grave(text: str):
    """``A区3排12号`` / ``A-3-12`` / ``3-12`` → (section, row, number)."""
    text = text.replace(" ", "")
    if not text:
        return "", "", ""
    match = _GRAVE.match(text)
    if match and any(match.groupdict().values()):
        return tuple(match.group(key) or "" for key in ("section", "row", "number"))
    parts = [part for part in re.split(r"[-/—－_]", text) if part]
    if len(parts) == 3:
        return tuple(parts)
    if len(parts) == 2:
        return "", parts[0], parts[1]
    if len(parts) == 1:
        return "", "", parts[0]
    raise ValueError(text)


@functools.cache
def _max_lengths():
    from memorials.models import MartyrRecord

    return {
        f.name: (f.max_length, str(f.verbose_name))
        for f in MartyrRecord._meta.get_fields()
        if getattr(f, "max_length", None) and f.get_internal_type() == "CharField"
    }


def clean_row(values: dict) -> tuple[dict, list[str]]:
    """Column key → raw cell, to model field values and a list of Chinese problems."""
    problems = []
    text = {key: clean_text(value) for key, value in values.items() if key not in ("birth", "enlistment", "death")}
    data = {}
    for key in ("name", "ethnicity", "native_place", "unit", "position", "death_place", "battle",
                "burial_place", "certificate_number", "external_id"):
        if key in text:
            data[key] = text[key]
    if not data.get("name"):
        problems.append("姓名为空")
    if "gender" in text and text["gender"]:
        gender = _GENDERS.get(text["gender"].lower())
        if gender is None:
            problems.append(f"性别“{text['gender']}”无法识别，应为“男”或“女”")
        data["gender"] = gender or ""
    for key, label in (("birth", "出生年月"), ("enlistment", "入伍年月"), ("death", "牺牲年月")):
        if key not in values:
            continue
        try:
            parsed = parse_partial_date(values[key])
        except PartialDateError as error:
            problems.append(f"{label}：{error}")
            continue
        data[f"{key}_date"] = parsed.date if parsed else None
        data[f"{key}_precision"] = parsed.precision if parsed else ""
    if "grave" in text:
        try:
            data["grave_section"], data["grave_row"], data["grave_number"] = parse_grave(text["grave"])
        except ValueError:
            problems.append(f"墓位“{text['grave']}”无法识别，请写成“A区3排12号”或“A-3-12”")
    if "biography" in values:
        # Keep line breaks: each line of the cell becomes a paragraph.
        raw = half_width(str(values["biography"] or ""))
        data["biography"] = text_to_richtext(raw)
    if "sources" in values:
        data["sources"] = half_width(str(values["sources"] or "")).strip()
    for key, (limit, label) in _max_lengths().items():
        if len(data.get(key) or "") > limit:
            problems.append(f"{label}超过{limit}个字")
    if data.get("birth_date") and data.get("death_date") and data["birth_date"] > data["death_date"]:
        problems.append("出生年月晚于牺牲年月")
    if not data.get("external_id") and data.get("name"):
        # Without 编号 a stable key from the person's facts still lets a re-import update.
        key = "|".join(str(values.get(k) or "").strip() for k in ("name", "native_place", "birth", "death"))
        data["external_id"] = "AUTO-" + hashlib.sha1(key.encode()).hexdigest()[:16]
    return data, problems


# -- the import ------------------------------------------------------------------------------


def _find_header(rows):
    """Skip title rows; the header row is the first with 姓名 and at least one other known column."""
    skipped = 0
    for number, cells in rows:
        columns = [column_for_header(cell) for cell in cells]
        keys = {column.key for column in columns if column}
        if "name" in keys and len(keys) >= 2:
            return number, cells, columns
        skipped += 1
        if skipped >= HEADER_SEARCH_ROWS:
            break
    raise ImportFileError("没有找到表头：表头行须包含“姓名”列和至少一个其他已知列（如“籍贯”“牺牲年月”“编号”）")


IMPORT_FIELDS = [
    "name", "gender", "ethnicity", "birth_date", "birth_precision", "native_place", "native_province",
    "native_city", "native_county", "enlistment_date", "enlistment_precision", "unit", "position",
    "death_date", "death_precision", "death_decade", "war_period", "death_place", "battle",
    "burial_place", "facility", "grave_section", "grave_row", "grave_number", "certificate_number",
    "biography", "sources",
]


class MartyrImporter:
    """Reads one file and writes its rows in batches; see the module docstring."""

    def __init__(self, source, filename: str, *, publish=False, dry_run=False,
                 batch_size=DEFAULT_BATCH_SIZE, job=None, user=None, progress=None, index=True):
        self.source = source
        self.filename = filename
        self.suffix = Path(filename).suffix.lower()
        if self.suffix not in SUPPORTED_SUFFIXES:
            raise ImportFileError("只支持 .xlsx 和 .csv 文件")
        self.publish = publish
        self.dry_run = dry_run
        self.batch_size = batch_size
        self.job = job
        self.user = user
        self.progress = progress
        self.index = index
        self.result = ImportResult(dry_run=dry_run)

    # The facility names, matched against 安葬地 to link a record to its cemetery.
    def _facilities(self):
        from memorials.models import MemorialFacility

        return {name: pk for name, pk in MemorialFacility.objects.values_list("name", "id")}

    def _get_or_create_job(self, checksum):
        from memorials.models import ImportJob

        if self.job is None:
            self.job = (
                ImportJob.objects.filter(checksum=checksum, status__in=[ImportJob.Status.RUNNING, ImportJob.Status.FAILED])
                .order_by("-created_at")
                .first()
            )
            if self.job is None:
                self.job = ImportJob.objects.create(
                    filename=self.filename, checksum=checksum, publish=self.publish, created_by=self.user
                )
        if self.job.rows_done:
            self.result.resumed_from = self.job.rows_done
            self.result.errors = [RowError(**error) for error in self.job.errors]
            self.result.created = self.job.created_count
            self.result.updated = self.job.updated_count
        self.job.status = ImportJob.Status.RUNNING
        self.job.publish = self.publish or self.job.publish
        self.publish = self.job.publish
        self.job.save()

    def run(self) -> ImportResult:
        from memorials.models import ImportJob

        checksum = file_checksum(self.source)
        if not self.dry_run:
            self._get_or_create_job(checksum)
        self.result.job = self.job
        try:
            self._run()
        except BaseException:
            if self.job is not None:
                ImportJob.objects.filter(pk=self.job.pk).update(status=ImportJob.Status.FAILED)
            raise
        if self.job is not None:
            self.job.status = ImportJob.Status.DONE
            self.job.finished_at = timezone.now()
            self.job.save(update_fields=["status", "finished_at"])
        return self.result

    def _run(self):
        rows = iter_rows(self.source, self.suffix)
        header_row, header_cells, columns = _find_header(rows)
        self.result.headers = ["" if cell is None else str(cell).strip() for cell in header_cells]
        positions = {}
        for position, (cell, column) in enumerate(zip(header_cells, columns)):
            name = clean_text(cell)
            if column is None:
                if name and normalise_header(name) not in {normalise_header(h) for h in IGNORED_HEADERS}:
                    self.result.unknown_columns.append(name)
            elif column.key not in positions:
                positions[column.key] = position
        self.result.missing_columns = [c.header for c in COLUMNS if c.key not in positions]
        if self.job is not None:
            self.job.header_warnings = [f"未识别的列（已忽略）：{name}" for name in self.result.unknown_columns]
            self.job.headers = self.result.headers
            self.job.save(update_fields=["header_warnings", "headers"])

        self._facility_ids = self._facilities()
        self._seen_ids = {}
        batch = []
        for number, cells in rows:
            if number <= self.result.resumed_from:
                continue
            if self.progress is not None:
                self.progress.update(1)
            if all(clean_text(cell) == "" for cell in cells):
                self.result.blank_rows += 1
                continue
            self.result.rows_read += 1
            values = {key: (cells[pos] if pos < len(cells) else None) for key, pos in positions.items()}
            data, problems = clean_row(values)
            external_id = data.get("external_id")
            if external_id and not problems:
                first = self._seen_ids.setdefault(external_id, number)
                if first != number:
                    problems.append(f"编号“{external_id}”与第{first}行重复")
            if problems:
                self.result.errors.append(RowError(number, "；".join(problems), self._raw(cells)))
                continue
            batch.append((number, data, cells))
            if len(batch) >= self.batch_size:
                self._write(batch, last_row=number)
                batch = []
        self._write(batch, last_row=None)

    @staticmethod
    def _raw(cells):
        return ["" if cell is None else str(cell) for cell in cells]

    # -- writing ---------------------------------------------------------------------------

    def _record_from(self, data, existing):
        from memorials.models import MartyrRecord

        record = existing or MartyrRecord(external_id=data["external_id"])
        for key, value in data.items():
            setattr(record, key, value)
        if "native_place" in data:
            record.native_province = record.native_city = record.native_county = ""
        burial = data.get("burial_place")
        if burial:
            record.facility_id = self._facility_ids.get(burial) or next(
                (pk for name, pk in self._facility_ids.items() if name in burial), record.facility_id
            )
        record.fill_derived_fields()
        now = self._now
        if existing is None:
            record.live = self.publish
            record.has_unpublished_changes = not self.publish
        if self.publish and (existing is None or not existing.live):
            record.live = True
            record.has_unpublished_changes = False
            record.first_published_at = record.first_published_at or now
            record.last_published_at = now
        return record

    def _write(self, batch, last_row):
        from memorials.models import MartyrRecord

        # One timestamp per batch: the rows of a batch are published together.
        self._now = timezone.now()
        if self.dry_run:
            if batch:
                ids = [data["external_id"] for _n, data, _c in batch]
                existing = set(MartyrRecord.objects.filter(external_id__in=ids).values_list("external_id", flat=True))
                self.result.updated += len(existing)
                self.result.created += len(batch) - len(existing)
            return
        batch_errors = []
        written = []
        with transaction.atomic():
            existing = MartyrRecord.objects.in_bulk([data["external_id"] for _n, data, _c in batch],
                                                    field_name="external_id")
            creates, updates = [], []
            for _number, data, _cells in batch:
                previous = existing.get(data["external_id"])
                record = self._record_from(data, previous)
                (updates if previous else creates).append(record)
            try:
                with transaction.atomic():
                    _insert_many(creates)
                    if updates:
                        _update_many(updates)
                written = creates + updates
                created, updated = len(creates), len(updates)
            except IntegrityError:
                # One bad row must not sink its batch: save row by row to find it.
                written, created, updated = [], 0, 0
                for number, data, cells in batch:
                    record = self._record_from(data, MartyrRecord.objects.filter(external_id=data["external_id"]).first())
                    is_new = record.pk is None
                    try:
                        with transaction.atomic():
                            record.save()
                    except IntegrityError as error:
                        batch_errors.append(RowError(number, f"无法保存：{error}", self._raw(cells)))
                        continue
                    written.append(record)
                    created, updated = created + is_new, updated + (not is_new)
            self.result.created += created
            self.result.updated += updated
            self.result.errors.extend(batch_errors)
            if self.job is not None:
                if last_row is not None:
                    self.job.rows_done = last_row
                self.job.created_count = self.result.created
                self.job.updated_count = self.result.updated
                self.job.error_count = len(self.result.errors)
                self.job.errors = [error.__dict__ for error in self.result.errors]
                self.job.save(update_fields=["rows_done", "created_count", "updated_count", "error_count", "errors"])
        if self.index:
            live = [record for record in written if record.live and record.pk]
            if live:
                from wagtail.search.backends import get_search_backend

                get_search_backend().add_bulk(MartyrRecord, live)


UPDATE_FIELDS = [*IMPORT_FIELDS, "live", "has_unpublished_changes", "first_published_at", "last_published_at",
                 "updated_at"]


def _db_value(field, value, connection, memo):
    # Text, numbers and NULL go to the driver as they are; dates and times through Django's
    # preparation, once per distinct value (a batch shares its timestamps and many dates).
    if value is None or isinstance(value, (str, int)):
        return value
    key = (field.attname, value)
    if key not in memo:
        memo[key] = field.get_db_prep_save(value, connection)
    return memo[key]


def _insert_many(records):
    """``INSERT`` through ``executemany``, then the new ids looked up by the unique 编号.

    ``bulk_create`` on SQLite is limited to 999 parameters per statement (about 24 records
    of 40 columns each), and compiling those statements costs more than the inserts.
    """
    from django.db import connection

    from memorials.models import MartyrRecord

    if not records:
        return
    now = timezone.now()
    fields = [field for field in MartyrRecord._meta.concrete_fields if not field.primary_key]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(MartyrRecord._meta.db_table)
    rows, memo = [], {}
    for record in records:
        record.created_at = record.updated_at = now
        rows.append([_db_value(field, getattr(record, field.attname), connection, memo) for field in fields])
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)
    ids = dict(
        MartyrRecord.objects.filter(external_id__in=[record.external_id for record in records]).values_list(
            "external_id", "id"
        )
    )
    for record in records:
        record.pk = ids[record.external_id]
        record._state.adding = False


def _update_many(records):
    """``UPDATE … WHERE id = %s`` through ``executemany``.

    Django's ``bulk_update`` builds one ``CASE WHEN`` per column over the whole batch, which is
    many times slower for the thirty columns of a record.
    """
    from django.db import connection

    from memorials.models import MartyrRecord

    now = timezone.now()
    fields = [MartyrRecord._meta.get_field(name) for name in UPDATE_FIELDS]
    assignments = ", ".join(f"{connection.ops.quote_name(field.column)} = %s" for field in fields)
    sql = f"UPDATE {connection.ops.quote_name(MartyrRecord._meta.db_table)} SET {assignments} WHERE id = %s"
    rows, memo = [], {}
    for record in records:
        record.updated_at = now
        rows.append([_db_value(field, getattr(record, field.attname), connection, memo) for field in fields]
                    + [record.pk])
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def import_martyrs(source, filename=None, **options) -> ImportResult:
    """Import one .xlsx/.csv file (a path or an open binary file); see :class:`MartyrImporter`."""
    filename = filename or str(source)
    return MartyrImporter(source, filename, **options).run()


# -- the error file --------------------------------------------------------------------------


def write_error_file(result: ImportResult, output, fmt: str):
    """The rows that did not import, as the user wrote them, with 错误原因 and 原行号 added.

    Same columns as the uploaded file, so it can be fixed and imported again.
    """
    headers = [*result.headers, ERROR_REASON_HEADER, ERROR_ROW_HEADER]
    rows = []
    for error in sorted(result.errors, key=lambda e: e.row):
        values = list(error.values) + [""] * (len(result.headers) - len(error.values))
        rows.append([*values[: len(result.headers)], error.reason, error.row])
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("错误行")
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        workbook.save(output)
    else:
        # UTF-8 with BOM: Excel on Windows opens it with the Chinese intact.
        text = io.TextIOWrapper(output, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(headers)
        writer.writerows(rows)
        text.flush()
        text.detach()
